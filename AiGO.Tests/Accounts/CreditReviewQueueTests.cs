using AiGO.Domain.Accounts;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Tests.Applications;
using AiGO.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Tests.Accounts;

/// <summary>學習積分審核's list: what waits, oldest first, and the latest decisions with who made them.</summary>
public class CreditReviewQueueTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Uploaded_proofs_wait_oldest_first_with_the_member_the_file_and_how_long_they_waited(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var amy = await kit.MemberAsync("王小美", credits: 0);
        var ben = await kit.MemberAsync("李大明", credits: 0);
        var first = await kit.PendingProofAsync(ben, "Python 證照", file: "python.png", type: "image/png", size: 2048);
        kit.Clock.Advance(TimeSpan.FromHours(5));
        var second = await kit.PendingProofAsync(amy, "AI 概論結業證書", requested: 3);
        kit.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(2));
        var reviewed = await kit.PendingProofAsync(amy, "已審核的證明");
        await using (var db = kit.Db())
        {
            var done = await db.LearningCredits.SingleAsync(c => c.Id == reviewed);
            (done.Status, done.ReviewedAt) = (CreditStatus.Approved, kit.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        var view = (await kit.Get<CreditReviewQueue>().LoadAsync(CreditReviewKit.Office)).Value!;

        Assert.Equal([first, second], view.Pending.Select(p => p.CreditId)); // 線上自學課程 credits never wait
        var oldest = view.Pending[0];
        Assert.Equal(("李大明", ben.Email, "Python 證照", "python.png", "PNG，2 KB"), (oldest.MemberName, oldest.Email, oldest.Title, oldest.FileName, oldest.FileDescription));
        Assert.Equal("1天7小時", oldest.Waited(kit.Clock.GetUtcNow()));
        Assert.Equal(("PDF，118 KB", 3), (view.Pending[1].FileDescription, view.Pending[1].RequestedPoints));
        Assert.Equal("1天2小時", view.Pending[1].Waited(kit.Clock.GetUtcNow()));
        Assert.Equal(reviewed, Assert.Single(view.RecentlyReviewed).CreditId);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_latest_twenty_decisions_show_newest_first_with_the_reviewer(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        await kit.AddOfficeAccountAsync();
        var member = await kit.MemberAsync(credits: 0);
        var review = kit.Get<ReviewLearningCredit>();
        var ids = new List<int>();
        for (var i = 0; i < CreditReviewQueue.RecentCount + 2; i++)
        {
            var id = await kit.PendingProofAsync(member, $"證明{i}");
            var outcome = i % 2 == 0
                ? await review.ApproveAsync(CreditReviewKit.Office, id, 1 + i % 10, null)
                : await review.RejectAsync(CreditReviewKit.Office, id, $"原因{i}");
            Assert.True(outcome.Succeeded, outcome.Message);
            ids.Add(id);
            kit.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var view = (await kit.Get<CreditReviewQueue>().LoadAsync(CreditReviewKit.Office)).Value!;

        Assert.Empty(view.Pending);
        Assert.Equal(Enumerable.Reverse(ids).Take(CreditReviewQueue.RecentCount), view.RecentlyReviewed.Select(r => r.CreditId));
        var latest = view.RecentlyReviewed[0];
        Assert.Equal((CreditStatus.Rejected, "原因21", "計畫辦公室"), (latest.Status, latest.Note, latest.Reviewer));
        Assert.Equal((CreditStatus.Approved, 1), (view.RecentlyReviewed[1].Status, view.RecentlyReviewed[1].Points));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Opening_a_proof_is_recorded_as_a_read_of_personal_data(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        await kit.AddOfficeAccountAsync();
        var member = await kit.MemberAsync("王小美", credits: 0);
        var credit = await kit.PendingProofAsync(member, file: "證書.pdf");
        var queue = kit.Get<CreditReviewQueue>();

        var opened = await queue.OpenProofAsync(CreditReviewKit.Office, credit);
        var refused = await queue.OpenProofAsync(TestData.MemberActor(member), credit);
        var unknown = await queue.OpenProofAsync(CreditReviewKit.Office, 9999);

        Assert.Equal(("證書.pdf", "application/pdf"), (opened.Value!.OriginalName, opened.Value.ContentType));
        Assert.Equal((OutcomeKind.Forbidden, OutcomeKind.NotFound), (refused.Kind, unknown.Kind));
        await using var db = kit.Db();
        var read = await db.AuditLog.SingleAsync();
        Assert.Equal((CreditReviewQueue.ProofReadAction, credit.ToString(), "計畫辦公室"), (read.Action, read.EntityId, read.ActorName));
        Assert.Contains("王小美", read.Details);
    }
}
