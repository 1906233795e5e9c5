using AiGO.Domain.Applications;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Tests.Applications;

/// <summary>出席時數: the organiser records the hours held so far and, of those, the hours the trainee attended.</summary>
public class RecordAttendanceTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_organiser_records_attendance_so_far_and_the_audit_log_says_how_much(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(3)); // 12 hours
        var member = await kit.MemberAsync();
        var id = (await kit.ApplyAsync(member, course)).ApplicationId;
        await kit.EnrolAsync(course, id);
        kit.Clock.Advance(TimeSpan.FromDays(4)); // the course has begun
        var organiser = TestData.OrganiserActor(course.OrganiserId);
        var before = await ActionFootprint.TakeAsync(kit);

        var outcome = await kit.Get<RecordAttendance>().RecordAsync(organiser, id, 6, 5, " 第一週 ");

        Assert.True(outcome.Succeeded, outcome.Message);
        var stored = await kit.ApplicationAsync(id);
        Assert.Equal((ApplicationStatus.Enrolled, 360, 300), (stored.Status, stored.MinutesHeld!.Value, stored.MinutesAttended!.Value));
        var audit = (await kit.AuditOfAsync(id))[^1];
        Assert.Equal(("application.attendance", organiser.Id, organiser.Name, kit.Clock.GetUtcNow(), "資料科學：出席 5/6 小時（第一週）"),
            (audit.Action, audit.ActorId, audit.ActorName, audit.At, audit.Details));

        var after = await ActionFootprint.TakeAsync(kit);
        // Not a status move: no history row. Nobody is mailed, so the sender is not woken.
        Assert.Equal((before.History, before.Audit + 1, before.Mails, before.MailSignals), (after.History, after.Audit, after.Mails, after.MailSignals));
        Assert.Equal([LiveChange.ForApplication(id, course.Id, course.OrganiserId, member.Id)], kit.ChangesSince(before.LiveChanges));

        // The trainee sees where they stand: 12 hours, 9.6 required, 1 missed of the 2.4 allowed.
        var checklist = (await kit.MyCourses.ListAsync(TestData.MemberActor(member))).Applications.Single().Checklist!;
        Assert.Equal(ChecklistState.Pending, checklist["attendance"].State);
        Assert.Contains("您還可以缺席1.4小時", checklist["attendance"].Detail);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Attendance_is_recorded_only_for_an_enrolled_trainee_and_within_the_hours(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(3));
        var app = (await kit.ApplyAsync(await kit.MemberAsync(), course)).ApplicationId;

        var notEnrolled = await kit.Get<RecordAttendance>().RecordAsync(TestData.Office, app, 3, 3, null);
        Assert.Equal(OutcomeKind.Conflict, notEnrolled.Kind);
        Assert.Equal("此申請目前為「已報名成功」，無法登錄出席時數。", notEnrolled.Message);

        var organiser = TestData.OrganiserActor(course.OrganiserId);
        Assert.True((await kit.Get<ConfirmEnrolment>().ConfirmAsync(organiser, app, "已繳費")).Succeeded);
        var before = await ActionFootprint.TakeAsync(kit);
        var overAttended = await kit.Get<RecordAttendance>().RecordAsync(organiser, app, 3, 4, null);
        Assert.Contains("出席時數不可超過已上課時數", overAttended.Message);
        Assert.Equal((OutcomeKind.Invalid, "hoursAttended"), (overAttended.Kind, StaffActionChecks.Error(overAttended).Field));
        var overHeld = await kit.Get<RecordAttendance>().RecordAsync(organiser, app, 13, 4, null);
        Assert.Contains("0到12小時", overHeld.Message);
        Assert.Equal((OutcomeKind.Invalid, "hoursHeld", "已上課時數須介於0到12小時"), (overHeld.Kind, StaffActionChecks.Error(overHeld).Field, overHeld.Message));
        var negativeHeld = await kit.Get<RecordAttendance>().RecordAsync(organiser, app, -1, 0, null);
        Assert.Equal((OutcomeKind.Invalid, "hoursHeld"), (negativeHeld.Kind, StaffActionChecks.Error(negativeHeld).Field));
        var negativeAttended = await kit.Get<RecordAttendance>().RecordAsync(organiser, app, 3, -1, null);
        Assert.Equal((OutcomeKind.Invalid, "hoursAttended"), (negativeAttended.Kind, StaffActionChecks.Error(negativeAttended).Field));
        Assert.Equal(before, await ActionFootprint.TakeAsync(kit));
        Assert.True((await kit.Get<RecordAttendance>().RecordAsync(organiser, app, 6, 5, null)).Succeeded);

        var stored = await kit.ApplicationAsync(app);
        Assert.Equal((ApplicationStatus.Enrolled, 360, 300), (stored.Status, stored.MinutesHeld!.Value, stored.MinutesAttended!.Value));
        await using var db = kit.Db();
        Assert.Equal(2, await db.AuditLog.CountAsync(e => e.EntityType == "Application" && e.EntityId == app.ToString()));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Only_the_courses_own_organiser_or_the_office_records_attendance(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(3));
        var member = await kit.MemberAsync();
        var app = (await kit.ApplyAsync(member, course)).ApplicationId;
        await kit.EnrolAsync(course, app);
        var record = kit.Get<RecordAttendance>();
        var before = await ActionFootprint.TakeAsync(kit);

        var otherOrganiser = await record.RecordAsync(TestData.OrganiserActor(course.OrganiserId + 100), app, 6, 6, null);
        Assert.Equal((OutcomeKind.Forbidden, "您沒有處理此申請的權限"), (otherOrganiser.Kind, otherOrganiser.Message));
        var self = await record.RecordAsync(TestData.MemberActor(member), app, 6, 6, "我都有到");
        Assert.Equal(OutcomeKind.Forbidden, self.Kind);
        Assert.Equal(before, await ActionFootprint.TakeAsync(kit));

        Assert.True((await record.RecordAsync(TestData.Office, app, 6, 6, null)).Succeeded);
        Assert.Equal(("office-id", "資料科學：出席 6/6 小時"), ((await kit.AuditOfAsync(app))[^1].ActorId, (await kit.AuditOfAsync(app))[^1].Details));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Attendance_below_80_percent_recorded_on_the_last_day_decides_not_completed_and_releases_the_subsidy(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(3)); // 12 hours: 10 required
        var member = await kit.MemberAsync();
        var id = (await kit.ApplyAsync(member, course)).ApplicationId;
        await kit.EnrolAsync(course, id);
        var organiser = TestData.OrganiserActor(course.OrganiserId);

        // Before the last day a shortfall is shown to the trainee but decides nothing yet.
        kit.Clock.Advance(TimeSpan.FromDays(5));
        Assert.True((await kit.Get<RecordAttendance>().RecordAsync(organiser, id, 6, 3, null)).Succeeded);
        Assert.Equal(ApplicationStatus.Enrolled, (await kit.ApplicationAsync(id)).Status);
        Assert.Equal(ChecklistState.Failed, (await kit.MyCourses.ListAsync(TestData.MemberActor(member))).Applications.Single().Checklist!["attendance"].State);

        kit.GoToLastDay(course);
        var changes = kit.Notifier.Changes.Count;
        Assert.True((await kit.Get<RecordAttendance>().RecordAsync(organiser, id, 12, 9, null)).Succeeded);

        Assert.Equal(ApplicationStatus.NotCompleted, (await kit.ApplicationAsync(id)).Status);
        var decided = (await kit.HistoryAsync(id))[^1];
        Assert.Equal((ApplicationStatus.Enrolled, ApplicationStatus.NotCompleted, null, "系統", kit.Clock.GetUtcNow(), "未達結訓標準"),
            (decided.From!.Value, decided.To, decided.ActorId, decided.ActorName, decided.At, decided.Reason));
        Assert.Equal("資料科學：出席 9/12 小時；已完成報名繳費 → 未達結訓標準：未達結訓標準", (await kit.AuditOfAsync(id))[^1].Details);
        await using var db = kit.Db();
        Assert.Equal(0, await SubsidyQueries.HeldInYearAsync(db, member.Id, course.StartDate.Year));
        Assert.Equal([LiveChange.ForApplication(id, course.Id, course.OrganiserId, member.Id)], kit.ChangesSince(changes));

        var tooLate = await kit.Get<RecordAttendance>().RecordAsync(organiser, id, 12, 12, "補登");
        Assert.Equal((OutcomeKind.Conflict, "此申請目前為「未達結訓標準」，無法登錄出席時數。"), (tooLate.Kind, tooLate.Message));
    }
}
