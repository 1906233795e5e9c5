using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Office;

/// <summary>
/// 稽核紀錄's filters, as they stand in the URL: who (a name or an account id), the action key, the record (type and
/// id) and Taipei dates.
/// </summary>
public sealed record AuditFilter(
    string? Who = null, string? Action = null, string? EntityType = null, string? EntityId = null,
    DateOnly? From = null, DateOnly? To = null, int Page = 1)
{
    public const int PageSize = 50;

    /// <summary>The filter in words, for the audit entry an export writes.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Who is not null) parts.Add($"操作者：{Who}");
        if (Action is not null) parts.Add($"動作：{AuditActions.Label(Action)}");
        if (EntityType is not null) parts.Add($"紀錄類型：{AuditActions.EntityLabel(EntityType)}");
        if (EntityId is not null) parts.Add($"紀錄編號：{EntityId}");
        if (From is not null || To is not null)
            parts.Add($"日期：{(From is { } f ? Taipei.Format(f) : "不限")}～{(To is { } t ? Taipei.Format(t) : "不限")}");
        return parts.Count == 0 ? "全部" : string.Join("，", parts);
    }
}

/// <summary>One page of the log, newest first, with every action and record type present (for the filter's choices).</summary>
public sealed record AuditView(int Total, IReadOnlyList<AuditEntry> Rows, IReadOnlyList<Option<string>> Actions, IReadOnlyList<Option<string>> EntityTypes)
{
    public int Pages => Math.Max(1, (Total + AuditFilter.PageSize - 1) / AuditFilter.PageSize);
}

/// <summary>What an export holds: the filtered entries, newest first, at most <see cref="AuditLogQuery.ExportCap"/>.</summary>
public sealed record AuditSheet(IReadOnlyList<AuditEntry> Rows, int Total)
{
    public bool Capped => Rows.Count < Total;
}

/// <summary>稽核紀錄: reading and exporting the audit log; office only. An export is itself audited.</summary>
public sealed class AuditLogQuery(IDbContextFactory<AiGoDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The most rows one export writes; a larger filter exports its newest rows and says so.</summary>
    public const int ExportCap = 50_000;

    public async Task<Outcome<AuditView>> LoadAsync(Actor actor, AuditFilter filter, CancellationToken ct = default)
    {
        if (OfficeAccess.Desk.Deny(actor, actor) is { } refused) return Outcome<AuditView>.From(refused);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var matching = Filtered(db, filter);
        var total = await matching.CountAsync(ct);
        var rows = await Newest(matching).Skip((Math.Max(1, filter.Page) - 1) * AuditFilter.PageSize).Take(AuditFilter.PageSize).ToListAsync(ct);
        var actions = await db.AuditLog.Select(e => e.Action).Distinct().ToListAsync(ct);
        var types = await db.AuditLog.Select(e => e.EntityType).Distinct().ToListAsync(ct);
        return Outcome<AuditView>.Success(new AuditView(total, rows, Choices(actions, filter.Action, AuditActions.Label), Choices(types, filter.EntityType, AuditActions.EntityLabel)));
    }

    /// <summary>The filtered log for Excel, newest first; the export is written to the log in the same call.</summary>
    public async Task<Outcome<AuditSheet>> ExportAsync(Actor actor, AuditFilter filter, CancellationToken ct = default)
    {
        if (OfficeAccess.Desk.Deny(actor, actor) is { } refused) return Outcome<AuditSheet>.From(refused);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var matching = Filtered(db, filter);
        var total = await matching.CountAsync(ct);
        var rows = await Newest(matching).Take(ExportCap).ToListAsync(ct);
        var capped = rows.Count < total ? $"（符合{total}筆，僅匯出最新{ExportCap}筆）" : "";
        db.AuditLog.Add(actor.Audit(clock.GetUtcNow(), AuditActions.Export, "AuditLog", "", $"匯出稽核紀錄{rows.Count}筆{capped}；篩選：{filter.Describe()}"));
        await db.SaveChangesAsync(ct);
        return Outcome<AuditSheet>.Success(new AuditSheet(rows, total));
    }

    private static IQueryable<AuditEntry> Newest(IQueryable<AuditEntry> entries) =>
        entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id);

    /// <summary>Each value present, with its Chinese label, sorted by label; the chosen one stays even when absent.</summary>
    private static IReadOnlyList<Option<string>> Choices(List<string> present, string? chosen, Func<string, string> label)
    {
        if (chosen is not null && !present.Contains(chosen)) present.Add(chosen);
        return present.Where(v => v.Length > 0).Select(v => new Option<string>(v, label(v))).OrderBy(o => o.Label, StringComparer.Ordinal).ToList();
    }

    private static IQueryable<AuditEntry> Filtered(AiGoDbContext db, AuditFilter f)
    {
        var entries = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Who))
        {
            var who = f.Who.Trim();
            entries = entries.Where(e => e.ActorId == who || e.ActorName.Contains(who));
        }
        if (!string.IsNullOrWhiteSpace(f.Action)) entries = entries.Where(e => e.Action == f.Action);
        if (!string.IsNullOrWhiteSpace(f.EntityType)) entries = entries.Where(e => e.EntityType == f.EntityType);
        if (!string.IsNullOrWhiteSpace(f.EntityId))
        {
            var id = f.EntityId.Trim();
            entries = entries.Where(e => e.EntityId == id);
        }
        if (f.From is { } from)
        {
            var start = Taipei.StartOf(from);
            entries = entries.Where(e => e.At >= start);
        }
        if (f.To is { } to)
        {
            var end = Taipei.StartOf(to.AddDays(1));
            entries = entries.Where(e => e.At < end);
        }
        return entries;
    }
}
