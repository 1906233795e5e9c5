using System.Security.Claims;
using AiGO.Domain.Accounts;
using AiGO.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Web.Accounts;

public sealed record CreditSummary(IReadOnlyList<LearningCredit> Entries, int VerifiedPoints);

/// <summary>帳號管理 → 學習積分: the member's own entries, newest first, and the points that count.</summary>
public sealed class MyLearningCredits(IDbContextFactory<AiGoDbContext> dbFactory)
{
    public async Task<CreditSummary> ListAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var userId = CurrentUser.IdOf(principal);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = await db.LearningCredits.AsNoTracking().Where(c => c.UserId == userId).ToListAsync(ct);
        entries = entries.OrderByDescending(c => c.SubmittedAt).ToList();
        return new CreditSummary(entries, LearningCredit.VerifiedPoints(entries));
    }
}
