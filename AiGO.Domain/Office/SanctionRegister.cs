using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Office;

/// <summary>One sanction as the office lists it.</summary>
public sealed record SanctionRow(
    int Id, string MemberId, string MemberName, string Email, string? CourseName, DateOnly From, DateOnly Until, string Reason,
    string RecordedBy, DateTimeOffset RecordedAt, DateTimeOffset? LiftedAt, string? LiftedBy, string? LiftReason)
{
    /// <summary>Not lifted and not yet over: running, or due to start (either may still be lifted).</summary>
    public bool InForce(DateOnly today) => LiftedAt is null && Until >= today;
}

/// <summary>A member the office may sanction, with the courses whose subsidy it could withdraw.</summary>
public sealed record SanctionCandidate(string MemberId, string Name, string Email, IReadOnlyList<Option<int>> Courses);

/// <summary>處分: every sanction, those in force first, and the look-up of a member to sanction.</summary>
public sealed class SanctionRegister(IDbContextFactory<AiGoDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Outcome<IReadOnlyList<SanctionRow>>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        if (OfficeAccess.Desk.Deny(actor, actor) is { } refused) return Outcome<IReadOnlyList<SanctionRow>>.From(refused);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (
            from s in db.Sanctions
            join u in db.Users on s.MemberId equals u.Id
            join c in db.Courses on s.CourseId equals c.Id into courses
            from c in courses.DefaultIfEmpty()
            select new SanctionRow(s.Id, s.MemberId, u.DisplayName, u.Email ?? "", c == null ? null : c.Name, s.From, s.Until, s.Reason,
                s.RecordedBy, s.RecordedAt, s.LiftedAt, s.LiftedBy, s.LiftReason)).ToListAsync(ct);
        var today = clock.Today();
        return Outcome<IReadOnlyList<SanctionRow>>.Success(
            rows.OrderByDescending(r => r.InForce(today)).ThenByDescending(r => r.From).ThenByDescending(r => r.Id).ToList());
    }

    /// <summary>The member with this login e-mail, and the courses they attended whose subsidy a sanction could withdraw.</summary>
    public async Task<Outcome<SanctionCandidate>> FindAsync(Actor actor, string email, CancellationToken ct = default)
    {
        if (OfficeAccess.Desk.Deny(actor, actor) is { } refused) return Outcome<SanctionCandidate>.From(refused);
        var normalised = email.Trim().ToUpperInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalised)
            .Select(u => new { u.Id, u.DisplayName, u.Email }).SingleOrDefaultAsync(ct);
        if (user is null) return Outcome<SanctionCandidate>.From(Outcome.Invalid("email", "查無此信箱的會員"));
        var courses = await db.Applications.AsNoTracking()
            .Where(a => a.MemberId == user.Id && (a.Status == ApplicationStatus.Enrolled || a.Status == ApplicationStatus.Completed))
            .OrderByDescending(a => a.Course.StartDate)
            .Select(a => new Option<int>(a.CourseId, a.Course.Name)).ToListAsync(ct);
        return Outcome<SanctionCandidate>.Success(new SanctionCandidate(user.Id, user.DisplayName, user.Email ?? "", courses));
    }
}
