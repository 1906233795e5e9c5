using AiGO.Domain.Applications;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Tests.Infrastructure;

namespace AiGO.Tests.Applications;

/// <summary>結訓證書: the organiser records the date the trainee's certificate was issued.</summary>
public class IssueCertificateTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_organiser_records_the_certificate_date_and_the_trainee_sees_it(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(3));
        var member = await kit.MemberAsync();
        var id = (await kit.ApplyAsync(member, course)).ApplicationId;
        await kit.EnrolAsync(course, id);
        kit.Clock.Advance(TimeSpan.FromDays(5));
        var organiser = TestData.OrganiserActor(course.OrganiserId);
        var issuedOn = course.StartDate.AddDays(1);
        var before = await ActionFootprint.TakeAsync(kit);

        var outcome = await kit.Get<IssueCertificate>().IssueAsync(organiser, id, issuedOn, "紙本已寄出");

        Assert.True(outcome.Succeeded, outcome.Message);
        var stored = await kit.ApplicationAsync(id);
        Assert.Equal((ApplicationStatus.Enrolled, issuedOn), (stored.Status, stored.CertificateIssuedOn!.Value));
        var audit = (await kit.AuditOfAsync(id))[^1];
        Assert.Equal(("application.certificate", organiser.Id, kit.Clock.GetUtcNow(), $"資料科學：結訓證書發證日 {Taipei.Format(issuedOn)}（紙本已寄出）"),
            (audit.Action, audit.ActorId, audit.At, audit.Details));
        var after = await ActionFootprint.TakeAsync(kit);
        Assert.Equal((before.History, before.Audit + 1, before.Mails, before.MailSignals), (after.History, after.Audit, after.Mails, after.MailSignals));
        Assert.Equal([LiveChange.ForApplication(id, course.Id, course.OrganiserId, member.Id)], kit.ChangesSince(before.LiveChanges));
        var certificate = (await kit.MyCourses.ListAsync(TestData.MemberActor(member))).Applications.Single().Checklist!["certificate"];
        Assert.Equal((ChecklistState.Done, $"已於{Taipei.Format(issuedOn)}發給"), (certificate.State, certificate.Detail));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_certificate_date_falls_between_the_start_of_the_course_and_today(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(3));
        var id = (await kit.ApplyAsync(await kit.MemberAsync(), course)).ApplicationId;
        await kit.EnrolAsync(course, id);
        kit.Clock.Advance(TimeSpan.FromDays(5));
        var organiser = TestData.OrganiserActor(course.OrganiserId);
        var issue = kit.Get<IssueCertificate>();
        var before = await ActionFootprint.TakeAsync(kit);

        var beforeStart = await issue.IssueAsync(organiser, id, course.StartDate.AddDays(-1), null);
        Assert.Equal((OutcomeKind.Invalid, "issuedOn", "發證日期須在開課日之後，且不可晚於今天"),
            (beforeStart.Kind, StaffActionChecks.Error(beforeStart).Field, beforeStart.Message));
        var tomorrow = await issue.IssueAsync(organiser, id, kit.Today.AddDays(1), null);
        Assert.Equal((OutcomeKind.Invalid, "issuedOn"), (tomorrow.Kind, StaffActionChecks.Error(tomorrow).Field));
        Assert.Equal(before, await ActionFootprint.TakeAsync(kit));

        Assert.True((await issue.IssueAsync(organiser, id, course.StartDate, null)).Succeeded);
        Assert.True((await issue.IssueAsync(organiser, id, kit.Today, null)).Succeeded); // a correction: the last date stands
        Assert.Equal(kit.Today, (await kit.ApplicationAsync(id)).CertificateIssuedOn);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_certificate_is_recorded_only_for_an_enrolled_trainee_by_their_organiser_or_the_office(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(3));
        var member = await kit.MemberAsync();
        var id = (await kit.ApplyAsync(member, course)).ApplicationId;
        kit.Clock.Advance(TimeSpan.FromDays(5));
        var issue = kit.Get<IssueCertificate>();
        var before = await ActionFootprint.TakeAsync(kit);

        var notEnrolled = await issue.IssueAsync(TestData.OrganiserActor(course.OrganiserId), id, kit.Today, null);
        Assert.Equal((OutcomeKind.Conflict, "此申請目前為「已報名成功」，無法登錄結訓證書。"), (notEnrolled.Kind, notEnrolled.Message));
        Assert.Equal(before, await ActionFootprint.TakeAsync(kit));

        await kit.EnrolAsync(course, id);
        before = await ActionFootprint.TakeAsync(kit);
        var otherOrganiser = await issue.IssueAsync(TestData.OrganiserActor(course.OrganiserId + 100), id, kit.Today, null);
        Assert.Equal((OutcomeKind.Forbidden, "您沒有處理此申請的權限"), (otherOrganiser.Kind, otherOrganiser.Message));
        var self = await issue.IssueAsync(TestData.MemberActor(member), id, kit.Today, null);
        Assert.Equal(OutcomeKind.Forbidden, self.Kind);
        Assert.Equal(before, await ActionFootprint.TakeAsync(kit));

        Assert.True((await issue.IssueAsync(TestData.Office, id, kit.Today, null)).Succeeded);
        Assert.Equal("office-id", (await kit.AuditOfAsync(id))[^1].ActorId);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Issuing_the_certificate_last_completes_the_course_when_every_other_rule_holds(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(3));
        var member = await kit.MemberAsync();
        var id = (await kit.ApplyAsync(member, course)).ApplicationId;
        await kit.EnrolAsync(course, id);
        kit.GoToLastDay(course);
        var organiser = TestData.OrganiserActor(course.OrganiserId);
        await kit.AttendAsync(course, id, 12, 10);
        Assert.True((await kit.Get<RecordTestResult>().RecordAsync(organiser, id, true, null)).Succeeded);
        Assert.True((await kit.Questionnaires.SubmitAsync(TestData.MemberActor(member), id, StaffActionChecks.AllAnswered())).Succeeded);
        Assert.Equal(ApplicationStatus.Enrolled, (await kit.ApplicationAsync(id)).Status); // the certificate is still to come

        Assert.True((await kit.Get<IssueCertificate>().IssueAsync(organiser, id, kit.Today, null)).Succeeded);

        Assert.Equal(ApplicationStatus.Completed, (await kit.ApplicationAsync(id)).Status);
        var decided = (await kit.HistoryAsync(id))[^1];
        Assert.Equal((ApplicationStatus.Enrolled, ApplicationStatus.Completed, null, "系統", "符合結訓標準"),
            (decided.From!.Value, decided.To, decided.ActorId, decided.ActorName, decided.Reason));
        Assert.Equal($"資料科學：結訓證書發證日 {Taipei.Format(kit.Today)}；已完成報名繳費 → 已結訓：符合結訓標準", (await kit.AuditOfAsync(id))[^1].Details);
        Assert.Equal("已結訓", (await kit.MyCourses.ListAsync(TestData.MemberActor(member))).Applications.Single().StatusText);
    }
}
