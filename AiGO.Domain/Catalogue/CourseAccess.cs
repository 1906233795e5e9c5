using AiGO.Domain.Accounts;
using AiGO.Domain.Common;

namespace AiGO.Domain.Catalogue;

/// <summary>Who may see and change a course, in one place: the services ask here, so a hidden button is never the only guard.</summary>
public static class CourseAccess
{
    /// <summary>
    /// Published and closed courses are public; any other (草稿, 測試中) only for the office, the course's organiser and
    /// a member who applied for it: the course they have to do with is never a dead link from 課程管理.
    /// </summary>
    public static bool CanView(Actor? actor, Course course, bool actorApplied = false) =>
        course.Status is CourseStatus.Published or CourseStatus.Closed
        || actor is not null && (actor.IsOffice || actor.WorksFor(course.OrganiserId) || actorApplied);

    /// <summary>The office creates a course for any organiser; an organiser only a draft of its own.</summary>
    public static readonly Permission<Course> Create =
        new("course.create", (a, c) => a.IsOffice || a.WorksFor(c.OrganiserId), "您沒有權限新增課程");

    /// <summary>The office edits every course; an organiser edits only its own drafts.</summary>
    public static readonly Permission<Course> Edit =
        new("course.edit", (a, c) => a.IsOffice || a.WorksFor(c.OrganiserId) && c.Status == CourseStatus.Draft, "您沒有權限編輯此課程");

    /// <summary>Publishing, testing and closing, and moving a course to another organiser, are the office's.</summary>
    public static readonly Permission<Course> ChangeStatus =
        new("course.status", (a, _) => a.IsOffice, "只有計畫辦公室可以變更課程狀態");

    /// <summary>送審: the course's own organiser asks the office to publish its draft.</summary>
    public static readonly Permission<Course> SubmitForPublication =
        new("course.submit", (a, c) => a.WorksFor(c.OrganiserId), "您沒有權限送審此課程");

    /// <summary>申請名單: a course's applicants, for its own 開課單位 and the office.</summary>
    public static readonly Permission<Course> ReadApplicants =
        new("course.applicants", (a, c) => a.IsOffice || a.WorksFor(c.OrganiserId), "您沒有權限查看此課程的申請名單");

    /// <summary>匯入學員 (SPEC §7): the course's own 開課單位 and the office apply for trainees from a workbook.</summary>
    public static readonly Permission<Course> ImportTrainees =
        new("course.import", (a, c) => a.IsOffice || a.WorksFor(c.OrganiserId), "您沒有權限匯入此課程的學員");

    /// <summary>上課日: the course's own 開課單位 and the office plan its sessions (until the course starts).</summary>
    public static readonly Permission<Course> EditSessions =
        new("course.sessions", (a, c) => a.IsOffice || a.WorksFor(c.OrganiserId), "您沒有權限修改此課程的上課日");

    /// <summary>出席登錄: the course's own 開課單位 and the office record who attended each session.</summary>
    public static readonly Permission<Course> RecordAttendance =
        new("course.attendance", (a, c) => a.IsOffice || a.WorksFor(c.OrganiserId), "您沒有權限登錄此課程的出席");

    /// <summary>課程維護: every course, for the office.</summary>
    public static readonly Permission<Actor> ListAll =
        new("course.list-all", (a, _) => a.IsOffice, "只有計畫辦公室可以檢視所有課程");

    /// <summary>我的課程: an organiser's own courses; the account must belong to a 開課單位.</summary>
    public static readonly Permission<Actor> ListOwn =
        new("course.list-own", (a, _) => a.IsInRole(Roles.Organiser) && a.OrganiserId is not null, "您的帳號沒有綁定開課單位");
}
