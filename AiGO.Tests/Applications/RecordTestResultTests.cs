using AiGO.Domain.Applications;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Tests.Infrastructure;

namespace AiGO.Tests.Applications;

/// <summary>測驗: the organiser records whether the trainee passed the course's test.</summary>
public class RecordTestResultTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_organiser_records_a_passed_test_and_the_trainee_sees_it(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(3));
        var member = await kit.MemberAsync();
        var id = (await kit.ApplyAsync(member, course)).ApplicationId;
        await kit.EnrolAsync(course, id);
        kit.Clock.Advance(TimeSpan.FromDays(5));
        var organiser = TestData.OrganiserActor(course.OrganiserId);
        var before = await ActionFootprint.TakeAsync(kit);

        var outcome = await kit.Get<RecordTestResult>().RecordAsync(organiser, id, true, " 線上測驗 ");

        Assert.True(outcome.Succeeded, outcome.Message);
        var stored = await kit.ApplicationAsync(id);
        Assert.Equal((ApplicationStatus.Enrolled, true), (stored.Status, stored.TestPassed));
        var audit = (await kit.AuditOfAsync(id))[^1];
        Assert.Equal(("application.test", organiser.Id, kit.Clock.GetUtcNow(), "資料科學：測驗通過（線上測驗）"), (audit.Action, audit.ActorId, audit.At, audit.Details));
        var after = await ActionFootprint.TakeAsync(kit);
        Assert.Equal((before.History, before.Audit + 1, before.Mails, before.MailSignals), (after.History, after.Audit, after.Mails, after.MailSignals));
        Assert.Equal([LiveChange.ForApplication(id, course.Id, course.OrganiserId, member.Id)], kit.ChangesSince(before.LiveChanges));
        var mine = (await kit.MyCourses.ListAsync(TestData.MemberActor(member))).Applications.Single();
        Assert.Equal(ChecklistState.Done, mine.Checklist!["test"].State);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_failed_test_decides_not_completed_once_the_course_has_ended(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(3));
        var member = await kit.MemberAsync();
        var id = (await kit.ApplyAsync(member, course)).ApplicationId;
        await kit.EnrolAsync(course, id);
        var organiser = TestData.OrganiserActor(course.OrganiserId);
        var record = kit.Get<RecordTestResult>();

        kit.Clock.Advance(TimeSpan.FromDays(5));
        Assert.True((await record.RecordAsync(organiser, id, false, null)).Succeeded);
        Assert.Equal(ApplicationStatus.Enrolled, (await kit.ApplicationAsync(id)).Status); // not decided before the last day
        Assert.Equal("資料科學：測驗未通過", (await kit.AuditOfAsync(id))[^1].Details);

        kit.GoToLastDay(course);
        Assert.True((await record.RecordAsync(organiser, id, false, "補考仍未通過")).Succeeded);

        Assert.Equal(ApplicationStatus.NotCompleted, (await kit.ApplicationAsync(id)).Status);
        var decided = (await kit.HistoryAsync(id))[^1];
        Assert.Equal((ApplicationStatus.Enrolled, ApplicationStatus.NotCompleted, null, "測驗（測驗未通過）"), (decided.From!.Value, decided.To, decided.ActorId, decided.Reason));
        Assert.Equal("資料科學：測驗未通過（補考仍未通過）；已完成報名繳費 → 未達結訓標準：測驗（測驗未通過）", (await kit.AuditOfAsync(id))[^1].Details);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_test_result_is_recorded_only_for_an_enrolled_trainee_by_their_organiser_or_the_office(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(3));
        var member = await kit.MemberAsync();
        var id = (await kit.ApplyAsync(member, course)).ApplicationId;
        var record = kit.Get<RecordTestResult>();
        var before = await ActionFootprint.TakeAsync(kit);

        var notEnrolled = await record.RecordAsync(TestData.OrganiserActor(course.OrganiserId), id, true, null);
        Assert.Equal((OutcomeKind.Conflict, "此申請目前為「已報名成功」，無法登錄測驗結果。"), (notEnrolled.Kind, notEnrolled.Message));
        Assert.Equal(before, await ActionFootprint.TakeAsync(kit));

        await kit.EnrolAsync(course, id);
        before = await ActionFootprint.TakeAsync(kit);
        var otherOrganiser = await record.RecordAsync(TestData.OrganiserActor(course.OrganiserId + 100), id, true, null);
        Assert.Equal((OutcomeKind.Forbidden, "您沒有處理此申請的權限"), (otherOrganiser.Kind, otherOrganiser.Message));
        var self = await record.RecordAsync(TestData.MemberActor(member), id, true, null);
        Assert.Equal(OutcomeKind.Forbidden, self.Kind);
        Assert.Equal(before, await ActionFootprint.TakeAsync(kit));

        Assert.True((await record.RecordAsync(TestData.Office, id, true, null)).Succeeded);
        Assert.Equal(("office-id", "資料科學：測驗通過"), ((await kit.AuditOfAsync(id))[^1].ActorId, (await kit.AuditOfAsync(id))[^1].Details));
    }
}
