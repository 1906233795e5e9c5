using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Tests.Applications;
using AiGO.Tests.Infrastructure;
using AiGO.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Tests.Accounts;

/// <summary>Uploaded proofs placed as the upload stores them, and the member's pre-check as the wizard judges it.</summary>
internal static class CreditReviewKit
{
    public static readonly Actor Office = TestData.Office;

    /// <summary>The office's account (reviewers are accounts), added once per kit.</summary>
    public static async Task AddOfficeAccountAsync(this ApplicationsKit kit)
    {
        await using var db = kit.Db();
        var user = TestData.Member("office@example.tw");
        user.Id = Office.Id!;
        user.DisplayName = Office.Name;
        db.Users.Add(user);
        await db.SaveChangesAsync();
    }

    /// <summary>An uploaded proof waiting for review, sent now by the kit's clock.</summary>
    public static async Task<int> PendingProofAsync(this ApplicationsKit kit, AppUser member, string title = "AI 概論結業證書",
        int requested = 2, string file = "證書.pdf", string type = "application/pdf", long size = 120_000)
    {
        await using var db = kit.Db();
        var credit = new LearningCredit
        {
            UserId = member.Id, Source = CreditSource.UploadedProof, Title = title, Points = requested, Status = CreditStatus.Pending,
            SubmittedAt = kit.Clock.GetUtcNow(), ProofOriginalName = file, ProofStoredName = $"{Guid.NewGuid():N}.pdf", ProofContentType = type, ProofSize = size,
        };
        db.LearningCredits.Add(credit);
        await db.SaveChangesAsync();
        return credit.Id;
    }

    /// <summary>What would stop the member applying for the course today, by rule code.</summary>
    public static async Task<List<string>> ProblemsAsync(this ApplicationsKit kit, AppUser member, Course course)
    {
        await using var db = kit.Db();
        var facts = await new MemberFactsReader(kit.Protector).ReadAsync(db, member.Id);
        var eligibility = await MemberEligibility.LoadAsync(db, member.Id, course, facts, kit.Policy, kit.Today);
        return Eligibility.Check(eligibility, course, kit.Today).Select(p => p.Code).ToList();
    }

    public static async Task<LearningCredit> CreditAsync(this ApplicationsKit kit, int id)
    {
        await using var db = kit.Db();
        return await db.LearningCredits.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    /// <summary>Everything a refused review must leave as it was.</summary>
    public static async Task<string> SnapshotAsync(this ApplicationsKit kit, int creditId)
    {
        await using var db = kit.Db();
        var c = await db.LearningCredits.AsNoTracking().SingleAsync(c => c.Id == creditId);
        return $"{c.Status} {c.Points} {c.ReviewNote} {c.ReviewedAt}; outbox {await db.Outbox.CountAsync()}, audit {await db.AuditLog.CountAsync()}";
    }
}
