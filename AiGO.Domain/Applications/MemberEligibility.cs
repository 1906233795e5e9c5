using AiGO.Domain.Catalogue;
using AiGO.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Applications;

/// <summary>Gathers a member's eligibility facts for one course: their own data plus what the ledgers say now.</summary>
public static class MemberEligibility
{
    public static async Task<EligibilityFacts> LoadAsync(AiGoDbContext db, string memberId, Course course, MemberFacts facts, SubsidyPolicy policy, DateOnly today, CancellationToken ct = default)
    {
        var live = ApplicationStatuses.HoldingMoney;
        var hasLive = await db.Applications.AnyAsync(a => a.MemberId == memberId && a.CourseId == course.Id && live.Contains(a.Status), ct);
        var sanctionedUntil = await db.Sanctions.Where(s => s.MemberId == memberId && s.From <= today).MaxAsync(s => (DateOnly?)s.Until, ct);
        var held = await SubsidyQueries.HeldInYearAsync(db, memberId, course.StartDate.Year, ct);
        return new EligibilityFacts(facts.Birthday, facts.NationalId, facts.EmailConfirmed, facts.VerifiedCredits,
            sanctionedUntil, hasLive, Math.Max(0, policy.AnnualCap - held));
    }
}
