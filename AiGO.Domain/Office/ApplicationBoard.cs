using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Office;

/// <summary>The board's filters, as they stand in the URL. Dates are Taipei dates of submission.</summary>
public sealed record BoardFilter(
    int? CourseId = null, int? OrganiserId = null, ApplicationStatus? Status = null, IdentityType? Identity = null,
    DateOnly? From = null, DateOnly? To = null, string? Search = null, int Page = 1)
{
    public const int PageSize = 20;
}

/// <summary>One application on the board.</summary>
public sealed record BoardRow(
    int ApplicationId, DateTimeOffset? SubmittedAt, string MemberName, string Email, string? MaskedNationalId,
    IdentityType? Identity, int CourseId, string CourseName, string OrganiserName, ApplicationStatus Status, int Subsidy);

/// <summary>What waits for the office: how many, the oldest's age, and how many came in today.</summary>
public sealed record QueueItem(string Label, int Count, DateTimeOffset? Oldest, int ArrivedToday, string Href)
{
    public string Age(DateTimeOffset now) => Oldest is { } oldest ? Waiting.Since(oldest, now) : "—";
}

/// <summary>
/// 申請看板: counts per status (under every filter but the status, so a click on a count filters the list to exactly
/// that many), the office's queues, and one page of the filtered list, newest first.
/// </summary>
public sealed record BoardView(
    IReadOnlyDictionary<ApplicationStatus, int> Counts, int Total, IReadOnlyList<BoardRow> Rows, IReadOnlyList<QueueItem> Queues)
{
    public int Pages => Math.Max(1, (Total + BoardFilter.PageSize - 1) / BoardFilter.PageSize);
}

/// <summary>Reads for 申請看板 and 撥款; office only.</summary>
public sealed class ApplicationBoard(IDbContextFactory<AiGoDbContext> dbFactory, SubsidyPolicy policy, TimeProvider clock)
{
    public async Task<Outcome<BoardView>> LoadAsync(Actor actor, BoardFilter filter, CancellationToken ct = default)
    {
        if (OfficeAccess.Desk.Deny(actor, actor) is { } refused) return Outcome<BoardView>.From(refused);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var matching = Filtered(db, filter with { Status = null });
        var counts = await matching.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byStatus = Enum.GetValues<ApplicationStatus>().Where(s => s != ApplicationStatus.Draft)
            .ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0);

        var listed = filter.Status is { } status ? matching.Where(a => a.Status == status) : matching;
        var total = filter.Status is { } only ? byStatus.GetValueOrDefault(only) : byStatus.Values.Sum();
        var rows = await RowsAsync(db, listed, Math.Max(1, filter.Page), ct);
        return Outcome<BoardView>.Success(new BoardView(byStatus, total, rows, await QueuesAsync(db, ct)));
    }

    /// <summary>One page, newest first, with each member's name, e-mail, masked ID and 身分別.</summary>
    private static async Task<IReadOnlyList<BoardRow>> RowsAsync(AiGoDbContext db, IQueryable<SubsidyApplication> listed, int page, CancellationToken ct)
    {
        var apps = await listed.OrderByDescending(a => a.SubmittedAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * BoardFilter.PageSize).Take(BoardFilter.PageSize)
            .Select(a => new { a.Id, a.SubmittedAt, a.MemberId, a.CourseId, CourseName = a.Course.Name, OrganiserName = a.Course.Organiser.Name, a.Status, a.Subsidy })
            .ToListAsync(ct);
        var ids = apps.Select(a => a.MemberId).Distinct().ToList();
        var users = await db.Users.Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToDictionaryAsync(u => u.Id, ct);
        var profiles = await db.MemberProfiles.Where(p => ids.Contains(p.UserId))
            .Select(p => new { p.UserId, p.NationalIdMasked, p.IdentityType }).ToDictionaryAsync(p => p.UserId, ct);
        return apps.Select(a =>
        {
            var user = users[a.MemberId];
            var profile = profiles.GetValueOrDefault(a.MemberId);
            return new BoardRow(a.Id, a.SubmittedAt, user.DisplayName, user.Email ?? "", profile?.NationalIdMasked, profile?.IdentityType,
                a.CourseId, a.CourseName, a.OrganiserName, a.Status, a.Subsidy);
        }).ToList();
    }

    /// <summary>What the board's filters offer: every organiser, and the courses that have applications (and the one chosen).</summary>
    public async Task<(IReadOnlyList<Catalogue.Option<int>> Organisers, IReadOnlyList<Catalogue.Option<int>> Courses)> ChoicesAsync(
        Actor actor, int? chosenCourse = null, CancellationToken ct = default)
    {
        if (OfficeAccess.Desk.Deny(actor, actor) is not null) return ([], []);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organisers = await db.Organisers.AsNoTracking().OrderBy(o => o.Name).Select(o => new Catalogue.Option<int>(o.Id, o.Name)).ToListAsync(ct);
        var courses = await db.Courses.AsNoTracking().Where(c => c.Id == chosenCourse || db.Applications.Any(a => a.CourseId == c.Id))
            .OrderByDescending(c => c.StartDate).Select(c => new Catalogue.Option<int>(c.Id, c.Name)).ToListAsync(ct);
        return (organisers, courses);
    }

    /// <summary>The office's queues: applications under manual review and uploaded learning-credit proofs.</summary>
    private async Task<IReadOnlyList<QueueItem>> QueuesAsync(AiGoDbContext db, CancellationToken ct)
    {
        var startOfToday = Taipei.StartOf(clock.Today());
        var review = await db.Applications.Where(a => a.Status == ApplicationStatus.Submitted)
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Oldest = g.Min(a => a.SubmittedAt), Today = g.Count(a => a.SubmittedAt >= startOfToday) })
            .SingleOrDefaultAsync(ct);
        var credits = await db.LearningCredits.Where(c => c.Status == CreditStatus.Pending && c.Source == CreditSource.UploadedProof)
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Oldest = g.Min(c => (DateTimeOffset?)c.SubmittedAt), Today = g.Count(c => c.SubmittedAt >= startOfToday) })
            .SingleOrDefaultAsync(ct);
        var queues = new List<QueueItem>();
        if (policy.ManualReview || review is not null)
            queues.Add(new QueueItem("待審核申請（已申請）", review?.Count ?? 0, review?.Oldest, review?.Today ?? 0, $"office/board?status={ApplicationStatus.Submitted}"));
        queues.Add(new QueueItem("待審核學習積分", credits?.Count ?? 0, credits?.Oldest, credits?.Today ?? 0, "office/credits"));
        return queues;
    }

    /// <summary>Applications narrowed by the filter; drafts never show.</summary>
    private static IQueryable<SubsidyApplication> Filtered(AiGoDbContext db, BoardFilter f)
    {
        var apps = db.Applications.Where(a => a.Status != ApplicationStatus.Draft);
        if (f.CourseId is { } courseId) apps = apps.Where(a => a.CourseId == courseId);
        if (f.OrganiserId is { } organiserId) apps = apps.Where(a => a.Course.OrganiserId == organiserId);
        if (f.Status is { } status) apps = apps.Where(a => a.Status == status);
        if (f.Identity is { } identity)
            apps = apps.Where(a => db.MemberProfiles.Any(p => p.UserId == a.MemberId && p.IdentityType == identity));
        if (f.From is { } from)
        {
            var start = Taipei.StartOf(from);
            apps = apps.Where(a => a.SubmittedAt >= start);
        }
        if (f.To is { } to)
        {
            var end = Taipei.StartOf(to.AddDays(1));
            apps = apps.Where(a => a.SubmittedAt < end);
        }
        if (!string.IsNullOrWhiteSpace(f.Search))
        {
            var q = f.Search.Trim();
            // E-mail addresses are stored as typed; their normalised (upper-case) form makes the search ignore case.
            var upper = q.ToUpperInvariant();
            apps = apps.Where(a => db.Users.Any(u => u.Id == a.MemberId && (u.DisplayName.Contains(q) || (u.NormalizedEmail != null && u.NormalizedEmail.Contains(upper))))
                                   || db.MemberProfiles.Any(p => p.UserId == a.MemberId && p.NationalIdMasked == upper));
        }
        return apps;
    }
}
