using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Tests.Applications;
using AiGO.Tests.Infrastructure;

namespace AiGO.Tests.Office;

/// <summary>
/// 批次核准 / 批次未通過: a batch does exactly what the single action does, row by row. Two courses of the same shape are
/// decided, one row by row with the single action and one with the batch, and what each leaves behind is compared.
/// </summary>
public class BatchDecisionTests
{
    private static readonly string[] Names = ["甲", "乙", "丙", "丁"];

    /// <summary>A course with its members (named alike in both courses) and their applications, in submission order.</summary>
    private sealed record Side(Course Course, List<AppUser> Members, List<int> Ids);

    private static async Task<Side> SideAsync(ApplicationsKit kit, string courseName, int seats, int applicants)
    {
        var course = await kit.CourseAsync(courseName, kit.Today.AddDays(10), seats: seats);
        var members = new List<AppUser>();
        var ids = new List<int>();
        for (var i = 0; i < applicants; i++)
        {
            var member = await kit.MemberAsync(Names[i]);
            members.Add(member);
            ids.Add((await kit.ApplyAsync(member, course)).ApplicationId);
        }
        return new Side(course, members, ids);
    }

    private static async Task<List<ApplicationStatus>> StatusesAsync(ApplicationsKit kit, IEnumerable<int> ids)
    {
        var statuses = new List<ApplicationStatus>();
        foreach (var id in ids) statuses.Add((await kit.ApplicationAsync(id)).Status);
        return statuses;
    }

    /// <summary>
    /// Everything one course's applications carry after the decision, with the course's name and the members' e-mail
    /// addresses taken out so two courses of the same shape compare equal: each row's state, history, audit and mails,
    /// the organiser's mails, what open pages were told and how often the mail sender was woken.
    /// </summary>
    private static async Task<string> ShapeAsync(ApplicationsKit kit, Side side, int changesBefore, int signalsBefore, IReadOnlyList<LiveChange> changes, int signals)
    {
        // The course's name, and application numbers as the side's row numbers.
        string Plain(string? text) => System.Text.RegularExpressions.Regex.Replace((text ?? "").Replace(side.Course.Name, "{course}"), @"#(\d+)",
            m => side.Ids.IndexOf(int.Parse(m.Groups[1].Value)) is var row and >= 0 ? $"#row{row}" : m.Value);
        // A member acting on their own application by row number.
        string Who(string? actorId) => side.Members.FindIndex(m => m.Id == actorId) is var row and >= 0 ? $"member{row}" : actorId ?? "";
        var lines = new List<string>();
        for (var i = 0; i < side.Ids.Count; i++)
        {
            var id = side.Ids[i];
            var app = await kit.ApplicationAsync(id);
            lines.Add($"row {i}: {app.Status} {app.Subsidy} {app.RejectionCode} {Plain(app.RejectionReason)}");
            foreach (var h in await kit.HistoryAsync(id))
                lines.Add($"  history {h.From} → {h.To} by {Who(h.ActorId)}/{h.ActorName} at {h.At:O}: {Plain(h.Reason)}");
            foreach (var a in await kit.AuditOfAsync(id))
                lines.Add($"  audit {a.Action} by {Who(a.ActorId)}/{a.ActorName} at {a.At:O}: {Plain(a.Details)}");
            foreach (var m in (await kit.MailsToAsync(side.Members[i])).OrderBy(m => Plain(m.Subject + m.TextBody), StringComparer.Ordinal))
                lines.Add($"  mail {m.ToName} {Plain(m.Subject)} | {Plain(m.TextBody)}");
        }
        foreach (var m in (await kit.MailsToAsync("org@example.tw")).Where(m => m.Subject.Contains(side.Course.Name) || m.TextBody.Contains(side.Course.Name)).OrderBy(m => Plain(m.Subject + m.TextBody), StringComparer.Ordinal))
            lines.Add($"organiser mail {Plain(m.Subject)} | {Plain(m.TextBody)}");
        // What open pages heard, as row numbers; and the mail sender's wake-ups.
        foreach (var c in changes.Skip(changesBefore))
            lines.Add($"live row {side.Ids.IndexOf(c.ApplicationId ?? -1)} course {(c.CourseId == side.Course.Id ? "{course}" : c.CourseId?.ToString())} member {side.Members.FindIndex(m => m.Id == c.MemberId)}");
        lines.Add($"mail signals {signals - signalsBefore}");
        return string.Join("\n", lines);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_batch_approval_of_N_rows_equals_N_single_approvals_in_state_history_audit_and_mails(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider, new SubsidyPolicy { ManualReview = true });
        var single = await SideAsync(kit, "資料科學", seats: 5, applicants: 3);
        var batch = await SideAsync(kit, "機器學習", seats: 5, applicants: 3);
        var approve = kit.Get<ApproveApplication>();
        Assert.All(await StatusesAsync(kit, [.. single.Ids, .. batch.Ids]), s => Assert.Equal(ApplicationStatus.Submitted, s));

        // Both decided at the same instant, so even the times compare equal.
        var (changes0, signals0) = (kit.Notifier.Changes.Count, kit.Mail.Count);
        foreach (var id in single.Ids)
            Assert.True((await approve.ApproveAsync(TestData.Office, id, "證明文件齊全")).Succeeded);
        var singleChanges = kit.Notifier.Changes.ToList();
        var (changes1, signals1) = (kit.Notifier.Changes.Count, kit.Mail.Count);

        var outcome = await approve.ApproveManyAsync(TestData.Office, batch.Ids, "證明文件齊全");

        Assert.Equal(batch.Ids, outcome.Rows.Select(r => r.Id));
        Assert.All(outcome.Rows, r => Assert.True(r.Outcome.Succeeded, r.Outcome.Message));
        Assert.Equal((3, 0), (outcome.SucceededCount, outcome.Refused.Count));

        // The two courses' submissions were a few seconds apart: align the history's submission times before comparing.
        var singleShape = await ShapeAsync(kit, single, changes0, signals0, singleChanges.Take(changes1).ToList(), signals1);
        var batchShape = await ShapeAsync(kit, batch, changes1, signals1, kit.Notifier.Changes, kit.Mail.Count);
        Assert.Equal(Normalise(singleShape, kit, single), Normalise(batchShape, kit, batch));
        Assert.Contains("history Submitted → Approved by office-id/計畫辦公室", batchShape);
        Assert.Contains("audit application.approve by office-id/計畫辦公室", batchShape);
        Assert.Equal(3, batchShape.Split('\n').Count(l => l.StartsWith("organiser mail")));
        Assert.Contains("mail signals 3", batchShape);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_batch_rejection_of_N_rows_equals_N_single_rejections_waitlist_promotions_included(DatabaseProvider provider)
    {
        // Without manual review the first two are approved on submission and the next two wait.
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var single = await SideAsync(kit, "資料科學", seats: 2, applicants: 4);
        var batch = await SideAsync(kit, "機器學習", seats: 2, applicants: 4);
        var reject = kit.Get<RejectApplication>();
        Assert.Equal([ApplicationStatus.Approved, ApplicationStatus.Approved, ApplicationStatus.Waitlisted, ApplicationStatus.Waitlisted],
            await StatusesAsync(kit, batch.Ids));

        var (changes0, signals0) = (kit.Notifier.Changes.Count, kit.Mail.Count);
        foreach (var id in single.Ids.Take(2))
            Assert.True((await reject.RejectAsync(TestData.Office, id, "identity", "在職證明不符")).Succeeded);
        var singleChanges = kit.Notifier.Changes.ToList();
        var (changes1, signals1) = (kit.Notifier.Changes.Count, kit.Mail.Count);

        var outcome = await reject.RejectManyAsync(TestData.Office, batch.Ids.Take(2).ToList(), "identity", "在職證明不符");

        Assert.Equal((2, 0), (outcome.SucceededCount, outcome.Refused.Count));
        var singleShape = await ShapeAsync(kit, single, changes0, signals0, singleChanges.Take(changes1).ToList(), signals1);
        var batchShape = await ShapeAsync(kit, batch, changes1, signals1, kit.Notifier.Changes, kit.Mail.Count);
        Assert.Equal(Normalise(singleShape, kit, single), Normalise(batchShape, kit, batch));
        // Both waiting rows were promoted, by the system, each audited as a consequence of the rejection that freed its seat.
        Assert.Equal([ApplicationStatus.Rejected, ApplicationStatus.Rejected, ApplicationStatus.Approved, ApplicationStatus.Approved],
            await StatusesAsync(kit, batch.Ids));
        Assert.Contains("history Waitlisted → Approved by /系統", batchShape);
        Assert.Contains("的處理連帶異動", batchShape);
    }

    /// <summary>
    /// The two sides were submitted a few seconds apart, so their submission steps' times differ by a fixed amount:
    /// replaces each side's submission times by their order.
    /// </summary>
    private static string Normalise(string shape, ApplicationsKit kit, Side side)
    {
        var lines = shape.Split('\n').ToList();
        var submissions = lines.Where(l => l.Contains("history Draft → ")).ToList();
        for (var i = 0; i < submissions.Count; i++)
        {
            var at = submissions[i].IndexOf(" at ", StringComparison.Ordinal);
            var colon = submissions[i].IndexOf(": ", at, StringComparison.Ordinal);
            lines[lines.IndexOf(submissions[i])] = submissions[i][..at] + $" at submission {i}" + submissions[i][colon..];
        }
        return string.Join("\n", lines);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_batch_in_which_one_row_is_no_longer_approvable_reports_that_row_and_applies_the_rest(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider, new SubsidyPolicy { ManualReview = true });
        var side = await SideAsync(kit, "資料科學", seats: 5, applicants: 4);
        var (first, withdrawn, decided, last) = (side.Ids[0], side.Ids[1], side.Ids[2], side.Ids[3]);
        // Selected on the board, then: the member cancels one, and a colleague approves another first.
        Assert.True((await kit.Cancel.CancelAsync(TestData.MemberActor(side.Members[1]), withdrawn)).Succeeded);
        Assert.True((await kit.Get<ApproveApplication>().ApproveAsync(TestData.Office, decided, null)).Succeeded);
        var withdrawnBefore = await kit.ApplicationAsync(withdrawn);
        var decidedAudit = (await kit.AuditOfAsync(decided)).Count;
        var (changes, signals) = (kit.Notifier.Changes.Count, kit.Mail.Count);

        var outcome = await kit.Get<ApproveApplication>().ApproveManyAsync(TestData.Office, side.Ids, null);

        Assert.Equal(side.Ids, outcome.Rows.Select(r => r.Id));
        Assert.Equal([OutcomeKind.Ok, OutcomeKind.Conflict, OutcomeKind.Conflict, OutcomeKind.Ok], outcome.Rows.Select(r => r.Outcome.Kind));
        Assert.Equal([(withdrawn, "此申請目前為「已取消」，無法核准。"), (decided, "此申請目前為「已報名成功」，無法核准。")],
            outcome.Refused.Select(r => (r.Id, r.Outcome.Message)));
        Assert.Equal(2, outcome.SucceededCount);

        Assert.Equal([ApplicationStatus.Approved, ApplicationStatus.Cancelled, ApplicationStatus.Approved, ApplicationStatus.Approved],
            await StatusesAsync(kit, side.Ids));
        var untouched = await kit.ApplicationAsync(withdrawn);
        Assert.Equal((withdrawnBefore.Version, withdrawnBefore.UpdatedAt), (untouched.Version, untouched.UpdatedAt));
        Assert.Empty(await kit.AuditOfAsync(withdrawn));
        Assert.Equal(decidedAudit, (await kit.AuditOfAsync(decided)).Count);
        foreach (var id in new[] { first, last })
            Assert.Equal("application.approve", Assert.Single(await kit.AuditOfAsync(id)).Action);
        Assert.Equal(
            new[] { first, last }.Select(id => LiveChange.ForApplication(id, side.Course.Id, side.Course.OrganiserId, side.Members[side.Ids.IndexOf(id)].Id)),
            kit.ChangesSince(changes));
        Assert.Equal(signals + 2, kit.Mail.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_batch_rejection_in_which_one_row_is_already_decided_reports_that_row_and_rejects_the_rest(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider, new SubsidyPolicy { ManualReview = true });
        var side = await SideAsync(kit, "資料科學", seats: 5, applicants: 3);
        var reject = kit.Get<RejectApplication>();
        Assert.True((await reject.RejectAsync(TestData.Office, side.Ids[1], "data", null)).Succeeded);

        var outcome = await reject.RejectManyAsync(TestData.Office, side.Ids, "credits", null);

        Assert.Equal([OutcomeKind.Ok, OutcomeKind.Conflict, OutcomeKind.Ok], outcome.Rows.Select(r => r.Outcome.Kind));
        Assert.Equal("此申請目前為「未通過」，無法設為未通過。", outcome.Rows[1].Outcome.Message);
        Assert.Equal(["credits", "data", "credits"], (await Task.WhenAll(side.Ids.Select(kit.ApplicationAsync))).Select(a => a.RejectionCode));
        Assert.Single(await kit.MailsToAsync(side.Members[1]), m => m.Subject.EndsWith("未通過"));
    }
}
