using AiGO.Domain.Applications;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Catalogue;

/// <summary>A course with what its applications hold: seats taken, waitlist length and subsidy held.</summary>
public sealed record CourseRow(Course Course, int SeatsTaken, int Waitlisted, int SubsidyHeld);

public sealed record CourseRows(IReadOnlyList<CourseRow> Rows, int Total);

/// <summary>Reads for 課程維護 (the office: every course) and 我的課程 (an organiser: its own).</summary>
public sealed class CourseAdminQueries(IDbContextFactory<AiGoDbContext> dbFactory)
{
    public async Task<Outcome<CourseRows>> ForOfficeAsync(Actor actor, string? search, int page, int pageSize, CancellationToken ct = default)
    {
        if (CourseAccess.ListAll.Deny(actor, actor) is { } refused) return Outcome<CourseRows>.From(refused);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Courses.AsNoTracking().Include(c => c.Organiser).AsQueryable();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            query = query.Where(c => c.Name.Contains(s) || c.Organiser.Name.Contains(s));
        }
        var total = await query.CountAsync(ct);
        var courses = await query.OrderByDescending(c => c.SubmittedForPublicationAt != null).ThenBy(c => c.StartDate).ThenBy(c => c.Id)
            .Skip(Math.Max(0, page) * pageSize).Take(pageSize).ToListAsync(ct);
        return Outcome<CourseRows>.Success(new CourseRows(await WithHoldsAsync(db, courses, ct), total));
    }

    public async Task<Outcome<IReadOnlyList<CourseRow>>> ForOrganiserAsync(Actor actor, CancellationToken ct = default)
    {
        if (CourseAccess.ListOwn.Deny(actor, actor) is { } refused) return Outcome<IReadOnlyList<CourseRow>>.From(refused);
        var org = actor.OrganiserId!.Value;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var courses = await db.Courses.AsNoTracking().Include(c => c.Organiser).Where(c => c.OrganiserId == org)
            .OrderByDescending(c => c.StartDate).ToListAsync(ct);
        return Outcome<IReadOnlyList<CourseRow>>.Success(await WithHoldsAsync(db, courses, ct));
    }

    /// <summary>One course for editing, if the actor may edit it.</summary>
    public async Task<Course?> ForEditAsync(Actor actor, int courseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var course = await db.Courses.AsNoTracking().Include(c => c.Organiser).SingleOrDefaultAsync(c => c.Id == courseId, ct);
        return course is not null && CourseAccess.Edit.Allows(actor, course) ? course : null;
    }

    public async Task<IReadOnlyList<Option<int>>> OrganisersAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Organisers.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Name).Select(o => new Option<int>(o.Id, o.Name)).ToListAsync(ct);
    }

    /// <summary>在台居住地 names, the cities a course can be held in.</summary>
    public async Task<IReadOnlyList<string>> CitiesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Codes.AsNoTracking().Where(c => c.Table == CodeTableKind.Residence && !c.IsRetired && c.Code != "99")
            .OrderBy(c => c.SortOrder).Select(c => c.Name).ToListAsync(ct);
    }

    private static async Task<IReadOnlyList<CourseRow>> WithHoldsAsync(AiGoDbContext db, List<Course> courses, CancellationToken ct)
    {
        var ids = courses.Select(c => c.Id).ToList();
        var holds = await db.Applications.Where(a => ids.Contains(a.CourseId))
            .GroupBy(a => new { a.CourseId, a.Status })
            .Select(g => new { g.Key.CourseId, g.Key.Status, Count = g.Count(), Subsidy = g.Sum(a => a.Subsidy) })
            .ToListAsync(ct);
        return courses.Select(c =>
        {
            var mine = holds.Where(h => h.CourseId == c.Id).ToList();
            return new CourseRow(c,
                mine.Where(h => ApplicationStatuses.HoldingSeat.Contains(h.Status)).Sum(h => h.Count),
                mine.Where(h => h.Status == ApplicationStatus.Waitlisted).Sum(h => h.Count),
                mine.Where(h => ApplicationStatuses.HoldingMoney.Contains(h.Status)).Sum(h => h.Subsidy));
        }).ToList();
    }
}
