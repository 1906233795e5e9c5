using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Organisers;
using AiGO.Tests.Applications;
using AiGO.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Tests.Organisers;

/// <summary>上課日 planned from 上課時間, the roster per session, the 80% flag and its mail, and completion decided after the end.</summary>
public class SessionsAndAttendanceTests
{
    [Theory]
    [InlineData("每週六 09:00-16:00", "Saturday", "09:00", "16:00")]
    [InlineData("每週二、四 18:30-21:30", "Tuesday,Thursday", "18:30", "21:30")]
    [InlineData("週六、週日 09:00-16:00", "Saturday,Sunday", "09:00", "16:00")]
    [InlineData("週一至週五 09:30-16:30（共8天）", "Monday,Tuesday,Wednesday,Thursday,Friday", "09:30", "16:30")]
    [InlineData("週五至週一 9:00～12:00", "Friday,Saturday,Sunday,Monday", "09:00", "12:00")]
    public void Class_times_as_organisers_write_them_are_read_into_weekdays_and_hours(string text, string days, string start, string end)
    {
        var parsed = ClassSchedule.Parse(text);
        Assert.NotNull(parsed);
        Assert.Equal(days.Split(',').Select(Enum.Parse<DayOfWeek>).Order(), parsed.Value.Days.Order());
        Assert.Equal((TimeOnly.Parse(start), TimeOnly.Parse(end)), (parsed.Value.Start, parsed.Value.End));
    }

    [Theory]
    [InlineData("")]
    [InlineData("另行通知")]
    [InlineData("每週六 下午")]
    [InlineData("09:00-16:00")]
    public void Class_times_that_name_no_day_or_time_propose_nothing(string text) => Assert.Null(ClassSchedule.Parse(text));

    [Fact]
    public void The_proposal_shares_the_course_hours_between_its_days_within_the_time_of_day()
    {
        var course = TestData.Course(new(), "防詐", new DateOnly(2026, 12, 26)); // a Saturday
        (course.EndDate, course.ClassTimes, course.Hours) = (new DateOnly(2026, 12, 27), "週六、週日 09:00-16:00", 12);
        var sessions = ClassSchedule.Propose(course)!;
        Assert.Equal([new DateOnly(2026, 12, 26), new DateOnly(2026, 12, 27)], sessions.Select(s => s.Date));
        Assert.All(sessions, s => Assert.Equal(360, s.Minutes)); // 7 hours of daytime, 6 of class: lunch is not class time

        (course.EndDate, course.ClassTimes, course.Hours) = (new DateOnly(2027, 1, 16), "每週六 09:00-12:00", 10);
        Assert.Equal([150, 150, 150, 150], ClassSchedule.Propose(course)!.Select(s => s.Minutes));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Sessions_are_checked_together_saved_and_locked_once_the_course_starts(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(3)); // ends 7 days after the start
        var organiser = TestData.OrganiserActor(course.OrganiserId);
        var edit = kit.Get<EditSessions>();
        var nine = new TimeOnly(9, 0);

        var wrong = await edit.SaveAsync(organiser, course.Id,
        [
            new SessionInput(course.StartDate.AddDays(-1), nine, new TimeOnly(12, 0), 180),
            new SessionInput(course.StartDate, nine, new TimeOnly(12, 0), 240),
            new SessionInput(course.StartDate, new TimeOnly(11, 0), new TimeOnly(13, 0), 120),
        ]);
        Assert.Equal(OutcomeKind.Invalid, wrong.Kind);
        Assert.Equal(["sessions[0].date", "sessions[1].minutes", "sessions[2].start"], wrong.Errors.Select(e => e.Field));
        Assert.Contains("不超過上課時段的3小時", wrong.Errors[1].Message);
        Assert.Contains("與第2堂的時間重疊", wrong.Errors[2].Message);
        await using (var db = kit.Db()) Assert.Equal(0, await db.CourseSessions.CountAsync());

        var plan = Enumerable.Range(0, 2).Select(d => new SessionInput(course.StartDate.AddDays(d), nine, new TimeOnly(16, 0), 360)).ToList();
        Assert.True((await edit.SaveAsync(organiser, course.Id, plan)).Succeeded);
        Assert.True((await edit.SaveAsync(organiser, course.Id, plan)).Succeeded); // the same plan again replaces it
        await using (var db = kit.Db())
        {
            Assert.Equal(2, await db.CourseSessions.CountAsync(s => s.CourseId == course.Id));
            Assert.Equal("上課日：2堂，合計12小時", (await db.AuditLog.Where(e => e.Action == "course.sessions").OrderBy(e => e.Id).LastAsync()).Details);
        }
        var roster = (await kit.Get<AttendanceRoster>().LoadAsync(organiser, course.Id)).Value!;
        Assert.True(roster.SessionsMatchHours);
        Assert.Null(roster.SessionsLocked);

        kit.Clock.Advance(TimeSpan.FromDays(3)); // the first day
        var late = await edit.SaveAsync(organiser, course.Id, plan.Take(1).ToList());
        Assert.Equal((OutcomeKind.Conflict, "課程已開課，上課日不可再修改"), (late.Kind, late.Message));
        await using (var db = kit.Db()) Assert.Equal(2, await db.CourseSessions.CountAsync(s => s.CourseId == course.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_trainee_who_can_no_longer_reach_80_percent_is_flagged_the_moment_it_happens_and_mailed_once(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var (course, sessions) = await TenHourCourseAsync(kit); // five 2-hour sessions: 8 hours to attend, 2 may be missed
        var member = await kit.MemberAsync("林怡君");
        var id = (await kit.ApplyAsync(member, course)).ApplicationId;
        await kit.EnrolAsync(course, id);
        var organiser = TestData.OrganiserActor(course.OrganiserId);
        var roster = kit.Get<RecordRoster>();

        var early = await roster.RecordAsync(organiser, course.Id, sessions[0], [new AttendanceMark(id, 0)], null);
        Assert.Equal((OutcomeKind.Conflict, $"{Taipei.Format(course.StartDate)}的課程尚未上課，無法登錄出席"), (early.Kind, early.Message));

        kit.Clock.Advance(TimeSpan.FromDays(3 + 4)); // the fifth session's day
        Assert.True((await roster.RecordAsync(organiser, course.Id, sessions[0], [new AttendanceMark(id, 0)], null)).Succeeded);
        var standing = await StandingAsync(kit, organiser, course.Id);
        Assert.False(standing.OutOfReach); // missed 2 of the 2 allowed: every other hour brings 8
        Assert.Equal(0m, standing.Standing.MayStillMiss);
        Assert.Empty(await OutOfReachMailsAsync(kit, member));

        Assert.True((await roster.RecordAsync(organiser, course.Id, sessions[1], [new AttendanceMark(id, 90)], "遲到30分鐘")).Succeeded);
        standing = await StandingAsync(kit, organiser, course.Id);
        Assert.True(standing.OutOfReach); // 1.5 + 6 hours left = 7.5 < 8
        Assert.True(standing.WarningSent);
        var mail = Assert.Single(await OutOfReachMailsAsync(kit, member));
        Assert.Contains("目前已上課4小時、出席1.5小時", mail.TextBody);
        Assert.Contains("須出席8小時以上", mail.TextBody);

        Assert.True((await roster.RecordAsync(organiser, course.Id, sessions[2], [new AttendanceMark(id, 0)], null)).Succeeded);
        Assert.True((await roster.RecordAsync(organiser, course.Id, sessions[1], [new AttendanceMark(id, 120)], "更正")).Succeeded);
        Assert.Single(await OutOfReachMailsAsync(kit, member)); // told once, however the roster moves after

        var checklist = (await kit.MyCourses.ListAsync(TestData.MemberActor(member))).Applications.Single().Checklist!;
        Assert.Equal(ChecklistState.Failed, checklist["attendance"].State);
        Assert.Equal("已出席2小時，缺席4小時，超過可缺席的2小時，未達80%。", checklist["attendance"].Detail);
        await using var db = kit.Db();
        Assert.Equal("資料科學 " + Taipei.Format(course.StartDate.AddDays(1)) + "：出席1人、缺席0人、部分出席0人（更正）",
            (await db.AuditLog.Where(e => e.Action == "course.attendance").OrderBy(e => e.Id).LastAsync()).Details);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_roster_accepts_only_enrolled_trainees_of_the_course_and_minutes_within_the_session(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var (course, sessions) = await TenHourCourseAsync(kit);
        var enrolled = (await kit.ApplyAsync(await kit.MemberAsync(), course)).ApplicationId;
        var approved = (await kit.ApplyAsync(await kit.MemberAsync(), course)).ApplicationId;
        await kit.EnrolAsync(course, enrolled);
        kit.Clock.Advance(TimeSpan.FromDays(3));
        var organiser = TestData.OrganiserActor(course.OrganiserId);

        var refused = await kit.Get<RecordRoster>().RecordAsync(organiser, course.Id, sessions[0],
            [new AttendanceMark(enrolled, 121), new AttendanceMark(approved, 120)], null);
        Assert.Equal(OutcomeKind.Invalid, refused.Kind);
        Assert.Equal([$"marks[{enrolled}]", $"marks[{approved}]"], refused.Errors.Select(e => e.Field));
        Assert.Equal(["出席時數須介於0到2小時", "只能登錄已完成報名繳費的學員"], refused.Errors.Select(e => e.Message));
        await using var db = kit.Db();
        Assert.Equal(0, await db.Attendance.CountAsync());
        Assert.Null((await db.Applications.SingleAsync(a => a.Id == enrolled)).MinutesHeld);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Completion_needs_80_percent_of_the_hours_as_the_checklist_rounds_them(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var (course, sessions) = await TenHourCourseAsync(kit);
        var (short79, rounded80) = (await kit.MemberAsync("差一點"), await kit.MemberAsync("剛好"));
        var a79 = (await kit.ApplyAsync(short79, course)).ApplicationId;
        var a80 = (await kit.ApplyAsync(rounded80, course)).ApplicationId;
        await kit.EnrolAsync(course, a79, a80);
        kit.GoToLastDay(course);
        var organiser = TestData.OrganiserActor(course.OrganiserId);
        Assert.Empty((await kit.Get<RecordTestResult>().RecordManyAsync(organiser, [a79, a80], true, null)).Refused);
        Assert.Empty((await kit.Get<IssueCertificate>().IssueManyAsync(organiser, [a79, a80], kit.Today, null)).Refused);
        Assert.True((await kit.Questionnaires.SubmitAsync(TestData.MemberActor(short79), a79, StaffActionChecks.AllAnswered())).Succeeded);
        Assert.True((await kit.Questionnaires.SubmitAsync(TestData.MemberActor(rounded80), a80, StaffActionChecks.AllAnswered())).Succeeded);

        // 474 minutes are 7.9 hours (79%); 477 are 7.95, shown as 8 (80%). The last session recorded decides.
        int[][] marks = [[120, 120], [120, 120], [120, 120], [114, 117], [0, 0]];
        for (var i = 0; i < sessions.Count; i++)
        {
            Assert.Equal(ApplicationStatus.Enrolled, (await kit.ApplicationAsync(a80)).Status);
            Assert.True((await kit.Get<RecordRoster>().RecordAsync(organiser, course.Id, sessions[i], [new AttendanceMark(a79, marks[i][0]), new AttendanceMark(a80, marks[i][1])], null)).Succeeded);
        }

        var checklist = (await kit.MyCourses.ListAsync(TestData.MemberActor(rounded80))).Applications.Single().Checklist!;
        Assert.Equal("已出席8/10小時，達80%。", checklist["attendance"].Detail);
        Assert.Equal(ApplicationStatus.Completed, (await kit.ApplicationAsync(a80)).Status);
        Assert.Equal(ApplicationStatus.NotCompleted, (await kit.ApplicationAsync(a79)).Status);
        var failed = (await kit.HistoryAsync(a79))[^1];
        Assert.Equal("出席時數（已出席7.9小時，缺席2.1小時，超過可缺席的2小時，未達80%。）", failed.Reason);
        Assert.Equal("系統", failed.ActorName);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task After_the_end_the_sweep_decides_without_anyone_acting_and_the_grace_period_closes_what_is_missing(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var (course, sessions) = await TenHourCourseAsync(kit);
        var (failedTest, noQuestionnaire) = (await kit.MemberAsync(), await kit.MemberAsync());
        var aFailed = (await kit.ApplyAsync(failedTest, course)).ApplicationId;
        var aOpen = (await kit.ApplyAsync(noQuestionnaire, course)).ApplicationId;
        await kit.EnrolAsync(course, aFailed, aOpen);
        kit.Clock.Advance(TimeSpan.FromDays(3 + 4)); // the last session, a day before the course's end date
        var organiser = TestData.OrganiserActor(course.OrganiserId);
        foreach (var session in sessions)
            Assert.True((await kit.Get<RecordRoster>().RecordAsync(organiser, course.Id, session, [new AttendanceMark(aFailed, 120), new AttendanceMark(aOpen, 120)], null)).Succeeded);
        Assert.True((await kit.Get<RecordTestResult>().RecordAsync(organiser, aFailed, false, null)).Succeeded);
        Assert.True((await kit.Get<RecordTestResult>().RecordAsync(organiser, aOpen, true, null)).Succeeded);
        Assert.True((await kit.Get<IssueCertificate>().IssueAsync(organiser, aOpen, kit.Today, null)).Succeeded);
        var sweep = kit.Get<CompletionSweep>();
        Assert.Equal(0, await sweep.RunAsync()); // not ended yet: nothing is decided

        kit.GoToLastDay(course);
        Assert.Equal(1, await sweep.RunAsync());
        Assert.Equal(ApplicationStatus.NotCompleted, (await kit.ApplicationAsync(aFailed)).Status);
        Assert.Equal("測驗（測驗未通過）", (await kit.HistoryAsync(aFailed))[^1].Reason);
        Assert.Equal(ApplicationStatus.Enrolled, (await kit.ApplicationAsync(aOpen)).Status); // the questionnaire may still come

        kit.Clock.Advance(TimeSpan.FromDays(kit.Policy.CompletionGraceDays));
        Assert.Equal(0, await sweep.RunAsync()); // the grace period's last day
        kit.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await sweep.RunAsync());
        Assert.Equal(ApplicationStatus.NotCompleted, (await kit.ApplicationAsync(aOpen)).Status);
        Assert.Equal("結訓期限已過，尚缺課程問卷（問卷尚未填寫）", (await kit.HistoryAsync(aOpen))[^1].Reason);
        var audits = (await kit.AuditOfAsync(aOpen)).Count;
        Assert.Equal(0, await sweep.RunAsync());
        Assert.Equal(audits, (await kit.AuditOfAsync(aOpen)).Count);
    }

    /// <summary>A ten-hour course starting in three days, with five two-hour morning sessions on its first five days.</summary>
    private static async Task<(Course Course, IReadOnlyList<int> Sessions)> TenHourCourseAsync(ApplicationsKit kit)
    {
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(3), hours: 10);
        var plan = Enumerable.Range(0, 5).Select(d => new SessionInput(course.StartDate.AddDays(d), new TimeOnly(9, 0), new TimeOnly(11, 0), 120)).ToList();
        var saved = await kit.Get<EditSessions>().SaveAsync(TestData.OrganiserActor(course.OrganiserId), course.Id, plan);
        Assert.True(saved.Succeeded, saved.Message);
        await using var db = kit.Db();
        return (course, await db.CourseSessions.Where(s => s.CourseId == course.Id).OrderBy(s => s.Date).Select(s => s.Id).ToListAsync());
    }

    private static async Task<RosterTrainee> StandingAsync(ApplicationsKit kit, Actor organiser, int courseId) =>
        Assert.Single((await kit.Get<AttendanceRoster>().LoadAsync(organiser, courseId)).Value!.Trainees);

    private static async Task<List<AiGO.Domain.Mail.OutboxMessage>> OutOfReachMailsAsync(ApplicationsKit kit, AiGO.Domain.Accounts.AppUser member) =>
        (await kit.MailsToAsync(member)).Where(m => m.Subject.Contains("出席時數已無法達到結訓標準")).ToList();
}
