using System.Runtime.CompilerServices;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Data;
using AiGO.Domain.Organisers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AiGO.Domain.Applications;

/// <summary>
/// Everything a submission decides on, as the database holds it inside <see cref="ApplicationLock.BeginAsync"/>:
/// the course with its organiser, the member's e-mail, and what the ledgers say about the member and the course.
/// </summary>
public sealed record SubmissionSnapshot(
    Course Course, string MemberEmail, bool HasLiveApplicationForCourse, DateOnly? SanctionedUntil,
    int HeldInCourseYear, int SeatsTaken, int Waitlisted)
{
    private sealed record Row(Course Course, Organiser Organiser, string? MemberEmail, bool HasLive, DateOnly? SanctionedUntil,
        int? Held, int SeatsTaken, int Waitlisted);

    private delegate Task<Row?> Query(AiGoDbContext db, string memberId, int courseId, DateOnly today, CancellationToken ct);

    /// <summary>
    /// The read is compiled once, because it runs while the lock is held and EF's per-call query preparation was
    /// most of its cost. A compiled query is bound to the model it first ran with, so there is one per model: one
    /// per provider in an app, a few more when tests run several apps and both providers in one process.
    /// </summary>
    private static readonly ConditionalWeakTable<IModel, Query> Compiled = new();

    /// <summary>
    /// One round trip instead of seven: the lock is held while it runs, so every query saved here is time
    /// another submission is not kept waiting. Null when the course does not exist.
    /// </summary>
    public static async Task<SubmissionSnapshot?> LoadAsync(AiGoDbContext db, string memberId, int courseId, DateOnly today, CancellationToken ct = default)
    {
        var query = Compiled.GetValue(db.Model, _ => Compile());
        var row = await query(db, memberId, courseId, today, ct);
        if (row is null) return null;
        if (row.MemberEmail is null) throw new InvalidOperationException($"Member {memberId} does not exist.");
        row.Course.Organiser = row.Organiser;
        return new SubmissionSnapshot(row.Course, row.MemberEmail, row.HasLive, row.SanctionedUntil, row.Held ?? 0,
            row.SeatsTaken, row.Waitlisted);
    }

    private static Query Compile()
    {
        var compiled = EF.CompileAsyncQuery((AiGoDbContext db, string memberId, int courseId, DateOnly today, CancellationToken ct) =>
            db.Courses.AsNoTracking()
                .Where(c => c.Id == courseId)
                .Select(c => new Row(
                    c,
                    c.Organiser,
                    db.Users.Where(u => u.Id == memberId).Select(u => u.Email ?? "").FirstOrDefault(),
                    db.Applications.Any(a => a.MemberId == memberId && ApplicationStatuses.HoldingMoney.Contains(a.Status) && a.CourseId == courseId),
                    db.Sanctions.Where(s => s.MemberId == memberId && s.From <= today && s.LiftedAt == null).Max(s => (DateOnly?)s.Until),
                    db.Applications.Where(a => a.MemberId == memberId && ApplicationStatuses.HoldingMoney.Contains(a.Status) && a.CapYear == c.StartDate.Year)
                        .Sum(a => (int?)a.Subsidy),
                    db.Applications.Count(a => a.CourseId == courseId && ApplicationStatuses.HoldingSeat.Contains(a.Status)),
                    db.Applications.Count(a => a.CourseId == courseId && a.Status == ApplicationStatus.Waitlisted)))
                .SingleOrDefault());
        return (db, memberId, courseId, today, ct) => compiled(db, memberId, courseId, today, ct)!;
    }
}
