using AiGO.Domain.Applications;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Organisers;
using AiGO.Tests.Infrastructure;

namespace AiGO.Tests.Applications;

/// <summary>確認報名繳費: the course's own organiser (or the office) confirms the trainee registered and paid.</summary>
public class ConfirmEnrolmentTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_organiser_confirms_registration_and_payment_with_who_when_and_why_and_no_mail(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(10));
        var member = await kit.MemberAsync();
        var id = (await kit.ApplyAsync(member, course)).ApplicationId;
        var before = await ActionFootprint.TakeAsync(kit);

        var outcome = await kit.Get<ConfirmEnrolment>().ConfirmAsync(TestData.OrganiserActor(course.OrganiserId), id, " 已繳費 ");

        Assert.True(outcome.Succeeded, outcome.Message);
        var now = kit.Clock.GetUtcNow();
        Assert.Equal(ApplicationStatus.Enrolled, (await kit.ApplicationAsync(id)).Status);
        var step = (await kit.HistoryAsync(id))[^1];
        Assert.Equal((ApplicationStatus.Approved, ApplicationStatus.Enrolled, $"org-{course.OrganiserId}", $"開課單位{course.OrganiserId}", now, "已繳費"),
            (step.From!.Value, step.To, step.ActorId, step.ActorName, step.At, step.Reason));
        var audit = Assert.Single(await kit.AuditOfAsync(id));
        Assert.Equal(("application.enrol", $"org-{course.OrganiserId}", now, "資料科學：已報名成功 → 已完成報名繳費：已繳費"),
            (audit.Action, audit.ActorId, audit.At, audit.Details));

        var after = await ActionFootprint.TakeAsync(kit);
        Assert.Equal((before.Mails, before.MailSignals), (after.Mails, after.MailSignals)); // nobody is mailed, the sender sleeps on
        Assert.Equal([LiveChange.ForApplication(id, course.Id, course.OrganiserId, member.Id)], kit.ChangesSince(before.LiveChanges));
        Assert.Equal(ApplicationStatus.Enrolled, (await kit.MyCourses.ListAsync(TestData.MemberActor(member))).Applications.Single().Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Only_the_courses_own_organiser_or_the_office_may_confirm(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(3));
        var member = await kit.MemberAsync();
        var app = (await kit.ApplyAsync(member, course)).ApplicationId;
        var other = (await kit.ApplyAsync(await kit.MemberAsync(), course)).ApplicationId;
        var before = await ActionFootprint.TakeAsync(kit);

        var otherOrganiser = await kit.Get<ConfirmEnrolment>().ConfirmAsync(TestData.OrganiserActor(course.OrganiserId + 100), app, null);
        Assert.Equal(OutcomeKind.Forbidden, otherOrganiser.Kind);
        Assert.Equal("您沒有處理此申請的權限", otherOrganiser.Message);
        var trainee = await kit.Get<ConfirmEnrolment>().ConfirmAsync(TestData.MemberActor(await kit.MemberAsync()), app, null);
        Assert.Equal(OutcomeKind.Forbidden, trainee.Kind);
        var self = await kit.Get<ConfirmEnrolment>().ConfirmAsync(TestData.MemberActor(member), app, "我已繳費");
        Assert.Equal(OutcomeKind.Forbidden, self.Kind);
        var visitor = await kit.Get<ConfirmEnrolment>().ConfirmAsync(Actor.Visitor, app, null);
        Assert.Equal((OutcomeKind.Forbidden, "請先登入"), (visitor.Kind, visitor.Message));
        Assert.Equal(before, await ActionFootprint.TakeAsync(kit));

        var organiser = TestData.OrganiserActor(course.OrganiserId);
        Assert.True((await kit.Get<ConfirmEnrolment>().ConfirmAsync(organiser, app, "已繳費")).Succeeded);
        Assert.True((await kit.Get<ConfirmEnrolment>().ConfirmAsync(TestData.Office, other, null)).Succeeded);
        var byOffice = (await kit.HistoryAsync(other))[^1];
        Assert.Equal((ApplicationStatus.Enrolled, "office-id", "計畫辦公室", "計畫辦公室確認報名繳費"), (byOffice.To, byOffice.ActorId, byOffice.ActorName, byOffice.Reason));
        Assert.Equal("office-id", Assert.Single(await kit.AuditOfAsync(other)).ActorId);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Only_an_approved_application_can_be_confirmed(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("熱門課程", kit.Today.AddDays(10), seats: 1);
        var seated = (await kit.ApplyAsync(await kit.MemberAsync(), course)).ApplicationId;
        var waiting = (await kit.ApplyAsync(await kit.MemberAsync(), course)).ApplicationId;
        var organiser = TestData.OrganiserActor(course.OrganiserId);
        var confirm = kit.Get<ConfirmEnrolment>();
        var before = await ActionFootprint.TakeAsync(kit);

        var waitlisted = await confirm.ConfirmAsync(organiser, waiting, null);
        Assert.Equal((OutcomeKind.Conflict, "此申請目前為「備取」，無法確認報名繳費。"), (waitlisted.Kind, waitlisted.Message));
        Assert.Equal(before, await ActionFootprint.TakeAsync(kit));

        Assert.True((await confirm.ConfirmAsync(organiser, seated, null)).Succeeded);
        var afterFirst = await ActionFootprint.TakeAsync(kit);
        var twice = await confirm.ConfirmAsync(organiser, seated, null);
        Assert.Equal((OutcomeKind.Conflict, "此申請目前為「已完成報名繳費」，無法確認報名繳費。"), (twice.Kind, twice.Message));
        Assert.Equal(afterFirst, await ActionFootprint.TakeAsync(kit));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_batch_confirmation_confirms_each_row_as_one_confirmation_would(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(10), seats: 3);
        var members = new[] { await kit.MemberAsync(), await kit.MemberAsync(), await kit.MemberAsync(), await kit.MemberAsync() };
        var ids = new List<int>();
        foreach (var m in members) ids.Add((await kit.ApplyAsync(m, course)).ApplicationId);
        var (single, first, second, waitlisted) = (ids[0], ids[1], ids[2], ids[3]);
        // Another organiser's course, whose trainee this organiser may not confirm.
        var elsewhere = await kit.CourseAsync("別人的課程", kit.Today.AddDays(10));
        await using (var db = kit.Db())
        {
            var rival = new Organiser { Name = "其他培訓單位", ContactEmail = "rival@example.tw" };
            db.Organisers.Add(rival);
            await db.SaveChangesAsync();
            (await db.Courses.FindAsync(elsewhere.Id))!.OrganiserId = rival.Id;
            await db.SaveChangesAsync();
        }
        var foreign = (await kit.ApplyAsync(await kit.MemberAsync(), elsewhere)).ApplicationId;
        var organiser = TestData.OrganiserActor(course.OrganiserId);
        var confirm = kit.Get<ConfirmEnrolment>();

        Assert.True((await confirm.ConfirmAsync(organiser, single, "已繳費")).Succeeded);
        var before = await ActionFootprint.TakeAsync(kit);

        var batch = await confirm.ConfirmManyAsync(organiser, [first, waitlisted, foreign, second, second], "已繳費");

        Assert.Equal([first, waitlisted, foreign, second], batch.Rows.Select(r => r.Id));
        Assert.Equal([OutcomeKind.Ok, OutcomeKind.Conflict, OutcomeKind.Forbidden, OutcomeKind.Ok], batch.Rows.Select(r => r.Outcome.Kind));
        Assert.Equal("此申請目前為「備取」，無法確認報名繳費。", batch.Rows[1].Outcome.Message);
        Assert.Equal("您沒有處理此申請的權限", batch.Rows[2].Outcome.Message);
        Assert.Equal((2, 2), (batch.SucceededCount, batch.Refused.Count));

        foreach (var id in new[] { single, first, second })
        {
            Assert.Equal(ApplicationStatus.Enrolled, (await kit.ApplicationAsync(id)).Status);
            var step = (await kit.HistoryAsync(id))[^1];
            Assert.Equal((ApplicationStatus.Approved, ApplicationStatus.Enrolled, organiser.Id, "已繳費"), (step.From!.Value, step.To, step.ActorId, step.Reason));
            var audit = Assert.Single(await kit.AuditOfAsync(id));
            Assert.Equal(("application.enrol", "資料科學：已報名成功 → 已完成報名繳費：已繳費"), (audit.Action, audit.Details));
        }
        Assert.Equal(ApplicationStatus.Waitlisted, (await kit.ApplicationAsync(waitlisted)).Status);
        Assert.Equal(ApplicationStatus.Approved, (await kit.ApplicationAsync(foreign)).Status);
        Assert.Empty(await kit.AuditOfAsync(waitlisted));
        Assert.Empty(await kit.AuditOfAsync(foreign));

        var after = await ActionFootprint.TakeAsync(kit);
        Assert.Equal((before.History + 2, before.Audit + 2, before.Mails, before.MailSignals), (after.History, after.Audit, after.Mails, after.MailSignals));
        Assert.Equal(
            [LiveChange.ForApplication(first, course.Id, course.OrganiserId, members[1].Id), LiveChange.ForApplication(second, course.Id, course.OrganiserId, members[2].Id)],
            kit.ChangesSince(before.LiveChanges));
    }
}
