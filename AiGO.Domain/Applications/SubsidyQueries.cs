using AiGO.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Applications;

/// <summary>What the ledgers hold right now: the cap a member has used and the seats a course has given.</summary>
public static class SubsidyQueries
{
    /// <summary>The member's applications that hold money (SPEC §5: every status that counts against the cap), of any year.</summary>
    public static IQueryable<SubsidyApplication> HoldingMoneyOf(this IQueryable<SubsidyApplication> applications, string memberId) =>
        applications.Where(a => a.MemberId == memberId && ApplicationStatuses.HoldingMoney.Contains(a.Status));

    /// <summary>The course's applications that occupy one of its planned seats.</summary>
    public static IQueryable<SubsidyApplication> HoldingSeatIn(this IQueryable<SubsidyApplication> applications, int courseId) =>
        applications.Where(a => a.CourseId == courseId && ApplicationStatuses.HoldingSeat.Contains(a.Status));

    /// <summary>What the member's applications of that cap year hold.</summary>
    public static async Task<int> HeldInYearAsync(AiGoDbContext db, string memberId, int year, CancellationToken ct = default) =>
        await db.Applications.HoldingMoneyOf(memberId).Where(a => a.CapYear == year).SumAsync(a => (int?)a.Subsidy, ct) ?? 0;

    public static Task<int> SeatsTakenAsync(AiGoDbContext db, int courseId, CancellationToken ct = default) =>
        db.Applications.HoldingSeatIn(courseId).CountAsync(ct);
}
