using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Office;

/// <summary>How the report groups applications.</summary>
public enum ReportGrouping { Course, Organiser, Identity, Residence, Month }

/// <summary>One group's figures: applications (drafts never count), subsidy held and subsidy paid, in NT$.</summary>
public sealed record ReportLine(string Label, int Applications, int Held, int Paid);

/// <summary>The year's figures under one grouping, with its total.</summary>
public sealed record ReportSection(ReportGrouping Grouping, IReadOnlyList<ReportLine> Lines)
{
    public string Title => Grouping switch
    {
        ReportGrouping.Course => "依課程",
        ReportGrouping.Organiser => "依開課單位",
        ReportGrouping.Identity => "依身分別",
        ReportGrouping.Residence => "依在台居住地",
        _ => "依申請月份",
    };

    public ReportLine Total => new("合計", Lines.Sum(l => l.Applications), Lines.Sum(l => l.Held), Lines.Sum(l => l.Paid));
}

/// <summary>報表 for one year: every grouping of the same applications.</summary>
public sealed record ReportView(int Year, IReadOnlyList<ReportSection> Sections)
{
    public ReportLine Total => Sections[0].Total;
}

/// <summary>
/// 報表 (SPEC §12): a year's applications and subsidy by course, organiser, 身分別, 在台居住地 and month, read from the
/// database at each request. The year and the month are those of submission, in Taipei; drafts never count. "Held"
/// is the subsidy of applications in a status that holds money against the cap (SPEC §5, 已撥款 included); "paid"
/// is that of 已撥款 applications. 身分別 and 在台居住地 are the member's as their basic data stands now.
/// </summary>
public sealed class SubsidyReport(IDbContextFactory<AiGoDbContext> dbFactory, TimeProvider clock)
{
    public const string ExportAction = "report.export";
    public const string Unknown = "未填寫";
    public const int FirstYear = 2023;

    private static Outcome? CheckYear(int year) =>
        year is >= FirstYear and <= 2999 ? null : Outcome.Invalid("year", $"年度須為{FirstYear}年以後的西元年");

    public async Task<Outcome<ReportView>> LoadAsync(Actor actor, int year, CancellationToken ct = default)
    {
        if ((OfficeAccess.Reports.Deny(actor, actor) ?? CheckYear(year)) is { } refused) return Outcome<ReportView>.From(refused);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return Outcome<ReportView>.Success(await ComputeAsync(db, year, ct));
    }

    /// <summary>The same figures for 匯出Excel; each export is audited.</summary>
    public async Task<Outcome<ReportView>> ExportAsync(Actor actor, int year, CancellationToken ct = default)
    {
        if ((OfficeAccess.Reports.Deny(actor, actor) ?? CheckYear(year)) is { } refused) return Outcome<ReportView>.From(refused);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var view = await ComputeAsync(db, year, ct);
        db.AuditLog.Add(actor.Audit(clock.GetUtcNow(), ExportAction, "Report", year,
            $"匯出{year}年報表：申請 {view.Total.Applications} 件，保留補助 {view.Total.Held} 元，已撥款 {view.Total.Paid} 元"));
        await db.SaveChangesAsync(ct);
        return Outcome<ReportView>.Success(view);
    }

    private static async Task<ReportView> ComputeAsync(AiGoDbContext db, int year, CancellationToken ct)
    {
        var (start, end) = (Taipei.StartOf(new DateOnly(year, 1, 1)), Taipei.StartOf(new DateOnly(year + 1, 1, 1)));
        var holding = ApplicationStatuses.HoldingMoney;
        var rows = await db.Applications.AsNoTracking()
            .Where(a => a.Status != ApplicationStatus.Draft && a.SubmittedAt >= start && a.SubmittedAt < end)
            .Select(a => new
            {
                a.SubmittedAt, a.CourseId, Course = a.Course.Name, a.Course.OrganiserId, Organiser = a.Course.Organiser.Name,
                Held = holding.Contains(a.Status) ? a.Subsidy : 0,
                Paid = a.Status == ApplicationStatus.Disbursed ? a.Subsidy : 0,
                Profile = db.MemberProfiles.Where(p => p.UserId == a.MemberId).Select(p => new { p.IdentityType, p.Residence }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var residences = await db.Codes.AsNoTracking().Where(c => c.Table == CodeTableKind.Residence).ToListAsync(ct);

        IReadOnlyList<ReportLine> By<TKey>(Func<int, TKey> keyOf, Func<TKey, string> label, IEnumerable<TKey>? order = null) where TKey : notnull
        {
            var lines = Enumerable.Range(0, rows.Count).GroupBy(keyOf).ToDictionary(g => g.Key,
                g => new ReportLine(label(g.Key), g.Count(), g.Sum(i => rows[i].Held), g.Sum(i => rows[i].Paid)));
            return order is null
                ? [.. lines.Values.OrderByDescending(l => l.Applications).ThenBy(l => l.Label, StringComparer.Ordinal)]
                : [.. order.Select(k => lines.GetValueOrDefault(k) ?? new ReportLine(label(k), 0, 0, 0))];
        }

        var residenceOrder = residences.OrderBy(c => c.SortOrder).Select(c => c.Code).ToList();
        string ResidenceOf(int i) => rows[i].Profile?.Residence ?? "";
        var usedResidences = Enumerable.Range(0, rows.Count).Select(ResidenceOf).ToHashSet();
        return new ReportView(year,
        [
            new(ReportGrouping.Course, By(i => rows[i].CourseId, id => rows.First(r => r.CourseId == id).Course)),
            new(ReportGrouping.Organiser, By(i => rows[i].OrganiserId, id => rows.First(r => r.OrganiserId == id).Organiser)),
            new(ReportGrouping.Identity, By(i => rows[i].Profile?.IdentityType is { } t ? (int)t : 0,
                k => k == 0 ? Unknown : ((IdentityType)k).Label(), Enum.GetValues<IdentityType>().Select(t => (int)t).Append(0).Where(k => k != 0 || rows.Any(r => r.Profile?.IdentityType is null)))),
            // Every 在台居住地 a member of the year lives in, in the table's order, by its name (a retired one's too).
            new(ReportGrouping.Residence, By(ResidenceOf, code => code == "" ? Unknown : residences.FirstOrDefault(c => c.Code == code)?.Name ?? code,
                residenceOrder.Append("").Where(usedResidences.Contains).Concat(usedResidences.Except(residenceOrder).Where(c => c != "")))),
            new(ReportGrouping.Month, By(i => Taipei.ToTaipei(rows[i].SubmittedAt!.Value).Month, m => $"{m}月", Enumerable.Range(1, 12))),
        ]);
    }
}
