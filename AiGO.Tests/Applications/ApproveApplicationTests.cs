using AiGO.Domain.Applications;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Tests.Infrastructure;

namespace AiGO.Tests.Applications;

/// <summary>核准: with manual review on, the programme office approves submitted applications, one or many at once.</summary>
public class ApproveApplicationTests
{
    private static Task<ApplicationsKit> ManualReviewAsync(DatabaseProvider provider) =>
        ApplicationsKit.CreateAsync(provider, new SubsidyPolicy { ManualReview = true });

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_office_approves_a_submitted_application_and_the_member_and_the_organiser_are_mailed(DatabaseProvider provider)
    {
        await using var kit = await ManualReviewAsync(provider);
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(10));
        var member = await kit.MemberAsync("王大明");
        var submitted = await kit.ApplyAsync(member, course);
        Assert.Equal(ApplicationStatus.Submitted, submitted.Status);
        var id = submitted.ApplicationId;
        var (changes, signals) = (kit.Notifier.Changes.Count, kit.Mail.Count);
        var organiserMails = (await kit.MailsToAsync("org@example.tw")).Count;

        var outcome = await kit.Get<ApproveApplication>().ApproveAsync(TestData.Office, id, "  證明文件齊全  ");

        Assert.True(outcome.Succeeded, outcome.Message);
        var now = kit.Clock.GetUtcNow();
        Assert.Equal(ApplicationStatus.Approved, (await kit.ApplicationAsync(id)).Status);
        var step = (await kit.HistoryAsync(id))[^1];
        Assert.Equal((ApplicationStatus.Submitted, ApplicationStatus.Approved, "office-id", "計畫辦公室", now, "證明文件齊全"),
            (step.From!.Value, step.To, step.ActorId, step.ActorName, step.At, step.Reason));
        var audit = Assert.Single(await kit.AuditOfAsync(id));
        Assert.Equal(("application.approve", "office-id", "計畫辦公室", now, "資料科學：已申請 → 已報名成功：證明文件齊全"),
            (audit.Action, audit.ActorId, audit.ActorName, audit.At, audit.Details));

        var toMember = await kit.MailsToAsync(member);
        Assert.Contains(toMember, m => m.Subject == "您申請參加AIGO計畫課程補助《資料科學》已通過" && m.TextBody.Contains("請您儘速完成課程報名與繳費"));
        Assert.DoesNotContain(toMember, m => m.Subject.Contains("遞補"));
        var toOrganiser = await kit.MailsToAsync("org@example.tw");
        Assert.Equal(organiserMails + 1, toOrganiser.Count);
        Assert.Contains(toOrganiser, m => m.Subject == "已申請參加AIGO計畫課程補助《資料科學》已通過" && m.TextBody.Contains("王大明已申請參加「資料科學」課程補助"));

        Assert.Equal([LiveChange.ForApplication(id, course.Id, course.OrganiserId, member.Id)], kit.ChangesSince(changes));
        Assert.Equal(signals + 1, kit.Mail.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Only_the_office_approves_and_only_an_application_that_is_submitted(DatabaseProvider provider)
    {
        await using var kit = await ManualReviewAsync(provider);
        var course = await kit.CourseAsync("熱門課程", kit.Today.AddDays(10), seats: 1);
        var member = await kit.MemberAsync();
        var submitted = (await kit.ApplyAsync(member, course)).ApplicationId;
        var waitlisted = await kit.ApplyAsync(await kit.MemberAsync(), course);
        Assert.Equal(ApplicationStatus.Waitlisted, waitlisted.Status);
        var approve = kit.Get<ApproveApplication>();
        var before = await ActionFootprint.TakeAsync(kit);

        var organiser = await approve.ApproveAsync(TestData.OrganiserActor(course.OrganiserId), submitted, null);
        Assert.Equal((OutcomeKind.Forbidden, "只有計畫辦公室可以處理此申請"), (organiser.Kind, organiser.Message));
        var self = await approve.ApproveAsync(TestData.MemberActor(member), submitted, null);
        Assert.Equal((OutcomeKind.Forbidden, "只有計畫辦公室可以處理此申請"), (self.Kind, self.Message));
        var visitor = await approve.ApproveAsync(Actor.Visitor, submitted, null);
        Assert.Equal((OutcomeKind.Forbidden, "請先登入"), (visitor.Kind, visitor.Message));
        var inLine = await approve.ApproveAsync(TestData.Office, waitlisted.ApplicationId, null);
        Assert.Equal((OutcomeKind.Conflict, "此申請目前為「備取」，無法核准。"), (inLine.Kind, inLine.Message));
        var missing = await approve.ApproveAsync(TestData.Office, 999_999, null);
        Assert.Equal((OutcomeKind.NotFound, "找不到此申請"), (missing.Kind, missing.Message));
        Assert.Equal(before, await ActionFootprint.TakeAsync(kit));

        Assert.True((await approve.ApproveAsync(TestData.Office, submitted, null)).Succeeded);
        var afterFirst = await ActionFootprint.TakeAsync(kit);
        var twice = await approve.ApproveAsync(TestData.Office, submitted, null);
        Assert.Equal((OutcomeKind.Conflict, "此申請目前為「已報名成功」，無法核准。"), (twice.Kind, twice.Message));
        Assert.Equal(afterFirst, await ActionFootprint.TakeAsync(kit));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Without_manual_review_an_application_is_approved_on_submission_and_the_office_has_nothing_to_approve(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(10));
        var approved = await kit.ApplyAsync(await kit.MemberAsync(), course);
        Assert.Equal(ApplicationStatus.Approved, approved.Status);
        var before = await ActionFootprint.TakeAsync(kit);

        var outcome = await kit.Get<ApproveApplication>().ApproveAsync(TestData.Office, approved.ApplicationId, null);

        Assert.Equal((OutcomeKind.Conflict, "此申請目前為「已報名成功」，無法核准。"), (outcome.Kind, outcome.Message));
        Assert.Equal(before, await ActionFootprint.TakeAsync(kit));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_batch_approval_approves_each_row_as_one_approval_would(DatabaseProvider provider)
    {
        await using var kit = await ManualReviewAsync(provider);
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(10), seats: 3);
        var members = new[] { await kit.MemberAsync("甲"), await kit.MemberAsync("乙"), await kit.MemberAsync("丙"), await kit.MemberAsync("丁") };
        var ids = new List<int>();
        foreach (var m in members) ids.Add((await kit.ApplyAsync(m, course)).ApplicationId);
        var (single, first, second, waitlisted) = (ids[0], ids[1], ids[2], ids[3]);
        Assert.Equal(ApplicationStatus.Waitlisted, (await kit.ApplicationAsync(waitlisted)).Status);
        var approve = kit.Get<ApproveApplication>();

        Assert.True((await approve.ApproveAsync(TestData.Office, single, null)).Succeeded);
        var (changes, signals) = (kit.Notifier.Changes.Count, kit.Mail.Count);
        var waitingBefore = await kit.ApplicationAsync(waitlisted);
        var waitingMails = (await kit.MailsToAsync(members[3])).Count;

        // A row picked twice is approved once; a refused row does not stop the rows after it.
        var batch = await approve.ApproveManyAsync(TestData.Office, [first, waitlisted, 999_999, second, first], null);

        Assert.Equal([first, waitlisted, 999_999, second], batch.Rows.Select(r => r.Id));
        Assert.Equal([OutcomeKind.Ok, OutcomeKind.Conflict, OutcomeKind.NotFound, OutcomeKind.Ok], batch.Rows.Select(r => r.Outcome.Kind));
        Assert.Equal("此申請目前為「備取」，無法核准。", batch.Rows[1].Outcome.Message);
        Assert.Equal(2, batch.SucceededCount);
        Assert.Equal([waitlisted, 999_999], batch.Refused.Select(r => r.Id));

        // Each approved row carries exactly what the single approval wrote: history, audit, both mails.
        for (var i = 0; i < 3; i++)
        {
            var id = ids[i];
            Assert.Equal(ApplicationStatus.Approved, (await kit.ApplicationAsync(id)).Status);
            var history = await kit.HistoryAsync(id);
            Assert.Equal(2, history.Count);
            Assert.Equal((ApplicationStatus.Submitted, ApplicationStatus.Approved, "office-id", "計畫辦公室審核通過"),
                (history[^1].From!.Value, history[^1].To, history[^1].ActorId, history[^1].Reason));
            var audit = Assert.Single(await kit.AuditOfAsync(id));
            Assert.Equal(("application.approve", "資料科學：已申請 → 已報名成功：計畫辦公室審核通過"), (audit.Action, audit.Details));
            Assert.Single(await kit.MailsToAsync(members[i]), m => m.Subject == "您申請參加AIGO計畫課程補助《資料科學》已通過");
        }
        var toOrganiser = await kit.MailsToAsync("org@example.tw");
        Assert.All(new[] { "甲", "乙", "丙" }, name => Assert.Single(toOrganiser, m => m.TextBody.Contains($"{name}已申請參加「資料科學」")));

        // The refused row is as it was.
        var waiting = await kit.ApplicationAsync(waitlisted);
        Assert.Equal((waitingBefore.Status, waitingBefore.Version), (waiting.Status, waiting.Version));
        Assert.Empty(await kit.AuditOfAsync(waitlisted));
        Assert.Equal(waitingMails, (await kit.MailsToAsync(members[3])).Count);

        // Each approved row told open pages and woke the mail sender, as one approval does.
        Assert.Equal(
            new[] { first, second }.Select(id => LiveChange.ForApplication(id, course.Id, course.OrganiserId, members[ids.IndexOf(id)].Id)),
            kit.ChangesSince(changes));
        Assert.Equal(signals + 2, kit.Mail.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_batch_approval_by_someone_other_than_the_office_is_refused_row_by_row(DatabaseProvider provider)
    {
        await using var kit = await ManualReviewAsync(provider);
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(10));
        var a = (await kit.ApplyAsync(await kit.MemberAsync(), course)).ApplicationId;
        var b = (await kit.ApplyAsync(await kit.MemberAsync(), course)).ApplicationId;
        var before = await ActionFootprint.TakeAsync(kit);

        var batch = await kit.Get<ApproveApplication>().ApproveManyAsync(TestData.OrganiserActor(course.OrganiserId), [a, b], "開課單位代為核准");

        Assert.Equal(0, batch.SucceededCount);
        Assert.All(batch.Rows, r => Assert.Equal((OutcomeKind.Forbidden, "只有計畫辦公室可以處理此申請"), (r.Outcome.Kind, r.Outcome.Message)));
        Assert.Equal(before, await ActionFootprint.TakeAsync(kit));
    }
}
