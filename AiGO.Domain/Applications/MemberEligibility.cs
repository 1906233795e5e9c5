using AiGO.Domain.Catalogue;
using AiGO.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Applications;

/// <summary>Gathers a member's eligibility facts for one course: their own data plus what the ledgers say now.</summary>
public static class MemberEligibility
{
    /// <summary>The member's other live applications whose course dates overlap this course: a warning, not a block.</summary>
    public static async Task<IReadOnlyList<string>> ClashesAsync(AiGoDbContext db, string memberId, Course course, CancellationToken ct = default)
    {
        var live = ApplicationStatuses.HoldingMoney;
        var clashing = await db.Applications.AsNoTracking()
            .Where(a => a.MemberId == memberId && a.CourseId != course.Id && live.Contains(a.Status)
                        && a.Course.StartDate <= course.EndDate && a.Course.EndDate >= course.StartDate)
            .Select(a => new { a.Course.Name, a.Course.StartDate, a.Course.EndDate })
            .ToListAsync(ct);
        return clashing.Select(c => $"您已申請的「{c.Name}」（{Common.Taipei.Format(c.StartDate)} ~ {Common.Taipei.Format(c.EndDate)}）與本課程上課期間重疊，請確認能出席兩門課程（出席須達80%才能領取補助）。").ToList();
    }

    public static async Task<EligibilityFacts> LoadAsync(AiGoDbContext db, string memberId, Course course, MemberFacts facts, SubsidyPolicy policy, DateOnly today, CancellationToken ct = default)
    {
        var hasLive = await db.Applications.HoldingMoneyOf(memberId).AnyAsync(a => a.CourseId == course.Id, ct);
        var sanctionedUntil = await db.Sanctions.Where(s => s.MemberId == memberId && s.From <= today && s.LiftedAt == null).MaxAsync(s => (DateOnly?)s.Until, ct);
        var held = await SubsidyQueries.HeldInYearAsync(db, memberId, course.StartDate.Year, ct);
        return Facts(facts, sanctionedUntil, hasLive, held, policy);
    }

    /// <summary>
    /// The facts for an application that already exists (a promotion from the waitlist, the office's review): its own
    /// hold is in the ledger, so the cap left is judged without it, and it is not a duplicate of itself.
    /// </summary>
    public static async Task<EligibilityFacts> ForExistingAsync(AiGoDbContext db, SubsidyApplication app, Course course, MemberFacts facts,
        SubsidyPolicy policy, DateOnly today, CancellationToken ct = default)
    {
        var eligibility = await LoadAsync(db, app.MemberId, course, facts, policy, today, ct);
        var ownHold = ApplicationStatuses.HoldingMoney.Contains(app.Status) ? app.Subsidy : 0;
        var heldByOthers = await SubsidyQueries.HeldInYearAsync(db, app.MemberId, app.CapYear, ct) - ownHold;
        return eligibility with { HasLiveApplicationForCourse = false, RemainingCap = Math.Max(0, policy.AnnualCap - heldByOthers) };
    }

    /// <summary>The same facts from a submission's locked read.</summary>
    public static EligibilityFacts From(SubmissionSnapshot snapshot, MemberFacts facts, SubsidyPolicy policy) =>
        Facts(facts, snapshot.SanctionedUntil, snapshot.HasLiveApplicationForCourse, snapshot.HeldInCourseYear, policy);

    private static EligibilityFacts Facts(MemberFacts facts, DateOnly? sanctionedUntil, bool hasLive, int heldInCourseYear, SubsidyPolicy policy) =>
        new(facts.Birthday, facts.NationalId, facts.EmailConfirmed, facts.VerifiedCredits,
            sanctionedUntil, hasLive, Math.Max(0, policy.AnnualCap - heldInCourseYear));
}
