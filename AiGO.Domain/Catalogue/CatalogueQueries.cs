using AiGO.Domain.Applications;
using AiGO.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Catalogue;

/// <summary>The filters of 實體培訓課程; every field comes from the query string so a link reproduces the view.</summary>
/// <param name="Year">Only courses starting in this year (the annual cap is per year of the start date).</param>
public sealed record CourseFilter(string? Name = null, string? Venue = null, int? OrganiserId = null, int Page = 1, bool IncludePast = false, int? Year = null)
{
    public const int PageSize = 10;
    /// <summary>The venue filter's values besides a city name.</summary>
    public const string Online = "線上";
    public const string DualTrack = "雙軌同步";
}

public sealed record CourseListItem(int Id, string OrganiserName, string Name, DateOnly StartDate, int Hours, string Venue, int TotalFee);

public sealed record CourseSearchResult(IReadOnlyList<CourseListItem> Items, int Total, int Page)
{
    public int PageCount => Math.Max(1, (Total + CourseFilter.PageSize - 1) / CourseFilter.PageSize);
    public int From => Total == 0 ? 0 : (Page - 1) * CourseFilter.PageSize + 1;
    public int To => Math.Min(Total, Page * CourseFilter.PageSize);
}

public sealed record Option<T>(T Value, string Label);

/// <summary>Reads for the public catalogue; only 公開 courses are listed.</summary>
public sealed class CatalogueQueries(IDbContextFactory<AiGoDbContext> dbFactory, TimeProvider clock)
{
    // The filter choices scan every listed course; a minute's staleness in a drop-down is harmless.
    private static readonly TimeSpan OptionsLifetime = TimeSpan.FromMinutes(1);
    private (DateTimeOffset At, IReadOnlyList<string> Venues, IReadOnlyList<Option<int>> Organisers)? _options;

    public async Task<CourseSearchResult> SearchAsync(CourseFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Listed(db, filter.IncludePast);
        if (!string.IsNullOrWhiteSpace(filter.Name))
        {
            var name = filter.Name.Trim();
            query = query.Where(c => c.Name.Contains(name));
        }
        query = filter.Venue switch
        {
            null or "" => query,
            CourseFilter.Online => query.Where(c => c.VenueMode == VenueMode.Online),
            CourseFilter.DualTrack => query.Where(c => c.VenueMode == VenueMode.DualTrack),
            var city => query.Where(c => c.City == city && c.VenueMode != VenueMode.Online),
        };
        if (filter.OrganiserId is { } org) query = query.Where(c => c.OrganiserId == org);
        if (filter.Year is { } year && year is > 2000 and < 3000)
        {
            var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));
            query = query.Where(c => c.StartDate >= from && c.StartDate < to);
        }

        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (total + CourseFilter.PageSize - 1) / CourseFilter.PageSize);
        var page = Math.Clamp(filter.Page, 1, pageCount);
        var rows = await query
            .OrderBy(c => c.StartDate).ThenBy(c => c.Id)
            .Skip((page - 1) * CourseFilter.PageSize).Take(CourseFilter.PageSize)
            .Select(c => new { c.Id, Organiser = c.Organiser.Name, c.Name, c.StartDate, c.Hours, c.VenueMode, c.Platform, c.Address, c.TotalFee })
            .ToListAsync(ct);
        var items = rows.Select(r => new CourseListItem(r.Id, r.Organiser, r.Name, r.StartDate, r.Hours,
            new Course { VenueMode = r.VenueMode, Platform = r.Platform, Address = r.Address }.VenueText(), r.TotalFee)).ToList();
        return new CourseSearchResult(items, total, page);
    }

    /// <summary>The 開課地點 choices: the cities that have listed courses, then 線上 and 雙軌同步.</summary>
    public async Task<IReadOnlyList<string>> VenueOptionsAsync(CancellationToken ct = default) => (await OptionsAsync(ct)).Venues;

    /// <summary>The 開課單位 choices: organisers that have listed courses.</summary>
    public async Task<IReadOnlyList<Option<int>>> OrganiserOptionsAsync(CancellationToken ct = default) => (await OptionsAsync(ct)).Organisers;

    private async Task<(DateTimeOffset At, IReadOnlyList<string> Venues, IReadOnlyList<Option<int>> Organisers)> OptionsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_options is { } cached && now - cached.At < OptionsLifetime) return cached;
        var fresh = (now, await LoadVenuesAsync(ct), await LoadOrganisersAsync(ct));
        _options = fresh;
        return fresh;
    }

    private async Task<IReadOnlyList<string>> LoadVenuesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cities = await Listed(db, includePast: true).Where(c => c.City != null && c.VenueMode != VenueMode.Online)
            .Select(c => c.City!).Distinct().ToListAsync(ct);
        var order = await db.Codes.Where(c => c.Table == Common.CodeTableKind.Residence).ToDictionaryAsync(c => c.Name, c => c.SortOrder, ct);
        return [.. cities.OrderBy(c => order.GetValueOrDefault(c, int.MaxValue)), CourseFilter.Online, CourseFilter.DualTrack];
    }

    private async Task<IReadOnlyList<Option<int>>> LoadOrganisersAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Listed(db, includePast: true).Select(c => c.Organiser).Distinct()
            .OrderBy(o => o.Name).Select(o => new Option<int>(o.Id, o.Name)).ToListAsync(ct);
    }

    private IQueryable<Course> Listed(AiGoDbContext db, bool includePast)
    {
        var query = db.Courses.AsNoTracking().Where(c => c.Status == CourseStatus.Published);
        if (!includePast)
        {
            var today = Common.Taipei.Today(clock);
            query = query.Where(c => c.StartDate >= today);
        }
        return query;
    }
}
