using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Tests.Infrastructure;

namespace AiGO.Tests.Applications;

/// <summary>撥款: the office records the actual disbursement date of completed applications, one or many at once.</summary>
public class RecordDisbursementTests
{
    /// <summary>Trainees who applied, enrolled and completed the course on its last day; the clock is then moved 30 days on.</summary>
    private static async Task<(Course Course, List<(AppUser Member, int Id)> Trainees)> CompletedAsync(ApplicationsKit kit, int count, int enrolledOnly = 0)
    {
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(3), seats: count + enrolledOnly);
        var trainees = new List<(AppUser, int)>();
        for (var i = 0; i < count + enrolledOnly; i++)
        {
            var member = await kit.MemberAsync();
            trainees.Add((member, (await kit.ApplyAsync(member, course)).ApplicationId));
        }
        await kit.EnrolAsync(course, trainees.Select(t => t.Item2).ToArray());
        await kit.CompleteAsync(course, trainees.Take(count).ToArray());
        kit.Clock.Advance(TimeSpan.FromDays(30));
        return (course, trainees);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_office_records_the_disbursement_date_and_the_member_sees_it_paid(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var (course, trainees) = await CompletedAsync(kit, 1);
        var (member, id) = trainees[0];
        var paidOn = kit.Today.AddDays(-2);
        var before = await ActionFootprint.TakeAsync(kit);

        var outcome = await kit.Get<RecordDisbursement>().RecordAsync(TestData.Office, id, paidOn, " 第一批 ");

        Assert.True(outcome.Succeeded, outcome.Message);
        var now = kit.Clock.GetUtcNow();
        var reason = $"撥款日 {Taipei.Format(paidOn)}（第一批）";
        var stored = await kit.ApplicationAsync(id);
        Assert.Equal((ApplicationStatus.Disbursed, paidOn), (stored.Status, stored.DisbursedOn!.Value));
        var step = (await kit.HistoryAsync(id))[^1];
        Assert.Equal((ApplicationStatus.Completed, ApplicationStatus.Disbursed, "office-id", "計畫辦公室", now, reason),
            (step.From!.Value, step.To, step.ActorId, step.ActorName, step.At, step.Reason));
        var audit = (await kit.AuditOfAsync(id))[^1];
        Assert.Equal(("application.disburse", "office-id", now, $"資料科學：已結訓 → 已撥款：{reason}"), (audit.Action, audit.ActorId, audit.At, audit.Details));

        var after = await ActionFootprint.TakeAsync(kit);
        Assert.Equal((before.History + 1, before.Audit + 1, before.Mails, before.MailSignals), (after.History, after.Audit, after.Mails, after.MailSignals));
        Assert.Equal([LiveChange.ForApplication(id, course.Id, course.OrganiserId, member.Id)], kit.ChangesSince(before.LiveChanges));
        var mine = (await kit.MyCourses.ListAsync(TestData.MemberActor(member))).Applications.Single();
        Assert.Equal((ApplicationStatus.Disbursed, paidOn, true), (mine.Status, mine.DisbursedOn!.Value, mine.HoldsMoney));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Only_the_office_records_a_disbursement(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(3));
        var app = (await kit.ApplyAsync(await kit.MemberAsync(), course)).ApplicationId;
        var organiser = TestData.OrganiserActor(course.OrganiserId);
        Assert.True((await kit.Get<ConfirmEnrolment>().ConfirmAsync(organiser, app, "已繳費")).Succeeded);

        var disburse = await kit.Get<RecordDisbursement>().RecordAsync(organiser, app, kit.Today, null);
        Assert.Equal(OutcomeKind.Forbidden, disburse.Kind);
        Assert.Equal("只有計畫辦公室可以處理此申請", disburse.Message);

        var (_, trainees) = await CompletedAsync(kit, 1);
        var (member, completed) = trainees[0];
        var before = await ActionFootprint.TakeAsync(kit);
        var byOrganiser = await kit.Get<RecordDisbursement>().RecordAsync(organiser, completed, kit.Today, null);
        Assert.Equal(OutcomeKind.Forbidden, byOrganiser.Kind);
        var bySelf = await kit.Get<RecordDisbursement>().RecordAsync(TestData.MemberActor(member), completed, kit.Today, null);
        Assert.Equal(OutcomeKind.Forbidden, bySelf.Kind);
        Assert.Equal(before, await ActionFootprint.TakeAsync(kit));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_disbursement_needs_a_completed_application_and_a_date_between_the_end_and_today(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var (course, trainees) = await CompletedAsync(kit, 1, enrolledOnly: 1);
        var (completed, enrolled) = (trainees[0].Id, trainees[1].Id);
        var record = kit.Get<RecordDisbursement>();
        var before = await ActionFootprint.TakeAsync(kit);

        var notCompleted = await record.RecordAsync(TestData.Office, enrolled, kit.Today, null);
        Assert.Equal((OutcomeKind.Conflict, "此申請目前為「已完成報名繳費」，無法登錄撥款。"), (notCompleted.Kind, notCompleted.Message));
        var beforeTheEnd = await record.RecordAsync(TestData.Office, completed, course.EndDate.AddDays(-1), null);
        Assert.Equal((OutcomeKind.Invalid, "paidOn", "撥款日期須在結訓日之後，且不可晚於今天"),
            (beforeTheEnd.Kind, StaffActionChecks.Error(beforeTheEnd).Field, beforeTheEnd.Message));
        var tomorrow = await record.RecordAsync(TestData.Office, completed, kit.Today.AddDays(1), null);
        Assert.Equal((OutcomeKind.Invalid, "paidOn"), (tomorrow.Kind, StaffActionChecks.Error(tomorrow).Field));
        Assert.Equal(before, await ActionFootprint.TakeAsync(kit));

        Assert.True((await record.RecordAsync(TestData.Office, completed, course.EndDate, null)).Succeeded);
        Assert.Equal($"撥款日 {Taipei.Format(course.EndDate)}", (await kit.HistoryAsync(completed))[^1].Reason);
        var afterFirst = await ActionFootprint.TakeAsync(kit);
        var twice = await record.RecordAsync(TestData.Office, completed, kit.Today, null);
        Assert.Equal((OutcomeKind.Conflict, "此申請目前為「已撥款」，無法登錄撥款。"), (twice.Kind, twice.Message));
        Assert.Equal(afterFirst, await ActionFootprint.TakeAsync(kit));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_batch_disbursement_records_each_row_as_one_record_would(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var (course, trainees) = await CompletedAsync(kit, 3, enrolledOnly: 1);
        var (single, first, second, enrolled) = (trainees[0].Id, trainees[1].Id, trainees[2].Id, trainees[3].Id);
        var paidOn = kit.Today;
        var record = kit.Get<RecordDisbursement>();

        Assert.True((await record.RecordAsync(TestData.Office, single, paidOn, "第二批")).Succeeded);
        var before = await ActionFootprint.TakeAsync(kit);

        var batch = await record.RecordManyAsync(TestData.Office, [first, enrolled, single, second, first], paidOn, "第二批");

        Assert.Equal([first, enrolled, single, second], batch.Rows.Select(r => r.Id));
        Assert.Equal([OutcomeKind.Ok, OutcomeKind.Conflict, OutcomeKind.Conflict, OutcomeKind.Ok], batch.Rows.Select(r => r.Outcome.Kind));
        Assert.Equal("此申請目前為「已完成報名繳費」，無法登錄撥款。", batch.Rows[1].Outcome.Message);
        Assert.Equal("此申請目前為「已撥款」，無法登錄撥款。", batch.Rows[2].Outcome.Message);
        Assert.Equal(2, batch.SucceededCount);

        var reason = $"撥款日 {Taipei.Format(paidOn)}（第二批）";
        foreach (var id in new[] { single, first, second })
        {
            var stored = await kit.ApplicationAsync(id);
            Assert.Equal((ApplicationStatus.Disbursed, paidOn), (stored.Status, stored.DisbursedOn!.Value));
            var history = await kit.HistoryAsync(id);
            Assert.Single(history, c => c.To == ApplicationStatus.Disbursed);
            Assert.Equal((ApplicationStatus.Completed, "office-id", reason), (history[^1].From!.Value, history[^1].ActorId, history[^1].Reason));
            Assert.Single(await kit.AuditOfAsync(id), e => e.Action == "application.disburse" && e.Details == $"資料科學：已結訓 → 已撥款：{reason}");
        }
        Assert.Equal((ApplicationStatus.Enrolled, (DateOnly?)null), ((await kit.ApplicationAsync(enrolled)).Status, (await kit.ApplicationAsync(enrolled)).DisbursedOn));

        var after = await ActionFootprint.TakeAsync(kit);
        Assert.Equal((before.History + 2, before.Audit + 2, before.Mails, before.MailSignals), (after.History, after.Audit, after.Mails, after.MailSignals));
        Assert.Equal(
            [LiveChange.ForApplication(first, course.Id, course.OrganiserId, trainees[1].Member.Id), LiveChange.ForApplication(second, course.Id, course.OrganiserId, trainees[2].Member.Id)],
            kit.ChangesSince(before.LiveChanges));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_batch_with_a_date_in_the_future_is_refused_on_every_row(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var (_, trainees) = await CompletedAsync(kit, 2);
        var before = await ActionFootprint.TakeAsync(kit);

        var batch = await kit.Get<RecordDisbursement>().RecordManyAsync(TestData.Office, trainees.Select(t => t.Id).ToList(), kit.Today.AddDays(7), null);

        Assert.Equal(0, batch.SucceededCount);
        Assert.All(batch.Rows, r => Assert.Equal((OutcomeKind.Invalid, "paidOn"), (r.Outcome.Kind, StaffActionChecks.Error(r.Outcome).Field)));
        Assert.Equal(before, await ActionFootprint.TakeAsync(kit));
    }
}
