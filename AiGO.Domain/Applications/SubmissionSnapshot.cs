using AiGO.Domain.Catalogue;
using AiGO.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Applications;

/// <summary>
/// Everything a submission decides on, as the database holds it inside <see cref="ApplicationLock.BeginAsync"/>:
/// the course with its organiser, the member's e-mail, and what the ledgers say about the member and the course.
/// </summary>
public sealed record SubmissionSnapshot(
    Course Course, string MemberEmail, bool HasLiveApplicationForCourse, DateOnly? SanctionedUntil,
    int HeldInCourseYear, int SeatsTaken, int Waitlisted, int? DraftApplicationId)
{
    /// <summary>
    /// One round trip instead of eight: the lock is held while it runs, so every query saved here is time
    /// another submission is not kept waiting. Null when the course does not exist.
    /// </summary>
    public static async Task<SubmissionSnapshot?> LoadAsync(AiGoDbContext db, string memberId, int courseId, DateOnly today, CancellationToken ct = default)
    {
        var holdingMoney = db.Applications.HoldingMoneyOf(memberId);
        var holdingSeat = db.Applications.HoldingSeatIn(courseId);
        var row = await db.Courses.AsNoTracking()
            .Where(c => c.Id == courseId)
            .Select(c => new
            {
                Course = c,
                c.Organiser,
                MemberEmail = db.Users.Where(u => u.Id == memberId).Select(u => u.Email ?? "").FirstOrDefault(),
                HasLive = holdingMoney.Any(a => a.CourseId == courseId),
                SanctionedUntil = db.Sanctions.Where(s => s.MemberId == memberId && s.From <= today).Max(s => (DateOnly?)s.Until),
                Held = holdingMoney.Where(a => a.CapYear == c.StartDate.Year).Sum(a => (int?)a.Subsidy),
                SeatsTaken = holdingSeat.Count(),
                Waitlisted = db.Applications.Count(a => a.CourseId == courseId && a.Status == ApplicationStatus.Waitlisted),
                DraftId = db.Applications.Where(a => a.MemberId == memberId && a.CourseId == courseId && a.Status == ApplicationStatus.Draft)
                    .Select(a => (int?)a.Id).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (row is null) return null;
        if (row.MemberEmail is null) throw new InvalidOperationException($"Member {memberId} does not exist.");
        row.Course.Organiser = row.Organiser;
        return new SubmissionSnapshot(row.Course, row.MemberEmail, row.HasLive, row.SanctionedUntil, row.Held ?? 0,
            row.SeatsTaken, row.Waitlisted, row.DraftId);
    }
}
