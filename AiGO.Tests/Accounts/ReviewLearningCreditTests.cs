using AiGO.Domain.Accounts;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Tests.Applications;
using AiGO.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Tests.Accounts;

/// <summary>學習積分審核: the office approves a proof with points or rejects it with a reason; the member hears of it.</summary>
public class ReviewLearningCreditTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Approving_a_proof_with_two_points_lifts_the_credits_problem_and_mails_the_member(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        await kit.AddOfficeAccountAsync();
        var member = await kit.MemberAsync("新學員", credits: 0);
        var course = await kit.CourseAsync("AI 實務", kit.Today.AddDays(30));
        var credit = await kit.PendingProofAsync(member);
        Assert.Contains("credits", await kit.ProblemsAsync(member, course));

        var outcome = await kit.Get<ReviewLearningCredit>().ApproveAsync(CreditReviewKit.Office, credit, 2, "  證書清楚  ");

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.DoesNotContain("credits", await kit.ProblemsAsync(member, course));
        var stored = await kit.CreditAsync(credit);
        Assert.Equal((CreditStatus.Approved, 2, "證書清楚"), (stored.Status, stored.Points, stored.ReviewNote));
        Assert.Equal(kit.Clock.GetUtcNow(), stored.ReviewedAt);
        var mail = Assert.Single(await kit.MailsToAsync(member));
        Assert.Equal("AIGO學習積分審核通過", mail.Subject);
        Assert.Contains("認列2分；目前已審核通過的學習積分共2分", mail.TextBody);
        Assert.Equal(1, kit.Mail.Count);
        Assert.Contains(LiveChange.ForMember(member.Id), kit.Notifier.Changes);
        await using var db = kit.Db();
        var audit = await db.AuditLog.SingleAsync(a => a.Action == "credit.approve");
        Assert.Equal((CreditReviewKit.Office.Name, credit.ToString()), (audit.ActorName, audit.EntityId));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_rejection_needs_a_reason_and_the_member_is_told_it(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        await kit.AddOfficeAccountAsync();
        var member = await kit.MemberAsync(credits: 0);
        var course = await kit.CourseAsync("AI 實務", kit.Today.AddDays(30));
        var credit = await kit.PendingProofAsync(member);
        var review = kit.Get<ReviewLearningCredit>();
        var before = await kit.SnapshotAsync(credit);

        var blank = await review.RejectAsync(CreditReviewKit.Office, credit, "   ");

        Assert.Equal(OutcomeKind.Invalid, blank.Kind);
        Assert.Equal(new FieldError("reason", "請填寫未通過原因"), Assert.Single(blank.Errors));
        Assert.Equal(before, await kit.SnapshotAsync(credit));

        var outcome = await review.RejectAsync(CreditReviewKit.Office, credit, "證明文件模糊無法辨識");

        Assert.True(outcome.Succeeded, outcome.Message);
        var stored = await kit.CreditAsync(credit);
        Assert.Equal((CreditStatus.Rejected, "證明文件模糊無法辨識"), (stored.Status, stored.ReviewNote));
        var mail = Assert.Single(await kit.MailsToAsync(member));
        Assert.Equal("AIGO學習積分審核未通過", mail.Subject);
        Assert.Contains("原因：證明文件模糊無法辨識", mail.TextBody);
        Assert.Contains("credits", await kit.ProblemsAsync(member, course));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_proof_already_reviewed_is_refused_as_a_conflict_and_nothing_is_written(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        await kit.AddOfficeAccountAsync();
        var member = await kit.MemberAsync(credits: 0);
        var credit = await kit.PendingProofAsync(member);
        var review = kit.Get<ReviewLearningCredit>();
        Assert.True((await review.ApproveAsync(CreditReviewKit.Office, credit, 2, null)).Succeeded);
        var before = await kit.SnapshotAsync(credit);
        kit.Clock.Advance(TimeSpan.FromMinutes(5));

        var again = await review.ApproveAsync(CreditReviewKit.Office, credit, 5, null);
        var reject = await review.RejectAsync(CreditReviewKit.Office, credit, "重複送審");

        Assert.Equal((OutcomeKind.Conflict, OutcomeKind.Conflict), (again.Kind, reject.Kind));
        Assert.Equal("此學習積分已審核（已通過），不需再審核。", again.Message);
        Assert.Equal(before, await kit.SnapshotAsync(credit));
        Assert.Single(await kit.MailsToAsync(member));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Points_outside_one_to_ten_are_refused_in_words_not_clamped(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        await kit.AddOfficeAccountAsync();
        var member = await kit.MemberAsync(credits: 0);
        var credit = await kit.PendingProofAsync(member, requested: 3);
        var before = await kit.SnapshotAsync(credit);

        foreach (var points in new[] { 0, -1, 11 })
        {
            var outcome = await kit.Get<ReviewLearningCredit>().ApproveAsync(CreditReviewKit.Office, credit, points, null);
            Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
            Assert.Equal(new FieldError("points", "認列積分須介於1到10分"), Assert.Single(outcome.Errors));
        }
        Assert.Equal(before, await kit.SnapshotAsync(credit));
        Assert.Empty(await kit.MailsToAsync(member));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_unknown_proof_is_not_found(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var outcome = await kit.Get<ReviewLearningCredit>().ApproveAsync(CreditReviewKit.Office, 9999, 2, null);
        Assert.Equal(OutcomeKind.NotFound, outcome.Kind);
    }

    [Fact]
    public void The_page_checks_its_fields_with_the_same_rules_as_the_review()
    {
        Assert.Equal("請填寫認列積分", ReviewLearningCredit.CheckPoints(null));
        Assert.Equal("認列積分須介於1到10分", ReviewLearningCredit.CheckPoints(11));
        Assert.Null(ReviewLearningCredit.CheckPoints(10));
        Assert.Equal("請填寫未通過原因", ReviewLearningCredit.CheckReason(" "));
        Assert.Equal("未通過原因長度限制200字以內，目前為201字", ReviewLearningCredit.CheckReason(new string('字', 201)));
        Assert.Null(ReviewLearningCredit.CheckNote(null));
    }
}
