using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Office;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Mail;

/// <summary>郵件佇列's filters, as they stand in the URL: the status and part of the recipient's address or name.</summary>
public sealed record MailFilter(OutboxStatus? Status = null, string? Recipient = null, int Page = 1)
{
    public const int PageSize = 20;
}

/// <summary>One mail in the queue, without its body.</summary>
public sealed record MailRow(
    Guid Id, string ToAddress, string? ToName, string Subject, OutboxStatus Status, int Attempts, string? LastError,
    DateTimeOffset NextAttemptAt, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);

/// <summary>One page of the queue, newest first, with the count of each status under the recipient search.</summary>
public sealed record MailQueueView(IReadOnlyDictionary<OutboxStatus, int> Counts, int Total, IReadOnlyList<MailRow> Rows)
{
    public int Pages => Math.Max(1, (Total + MailFilter.PageSize - 1) / MailFilter.PageSize);
}

/// <summary>A mail opened: its row and the text the recipient reads.</summary>
public sealed record MailDetail(MailRow Mail, string TextBody);

/// <summary>郵件佇列: the outbox as the office reads it — sent, waiting and failed mail; office only.</summary>
public sealed class OutboxQueue(IDbContextFactory<AiGoDbContext> dbFactory)
{
    public async Task<Outcome<MailQueueView>> LoadAsync(Actor actor, MailFilter filter, CancellationToken ct = default)
    {
        if (OfficeAccess.Desk.Deny(actor, actor) is { } refused) return Outcome<MailQueueView>.From(refused);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var matching = db.Outbox.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Recipient))
        {
            var q = filter.Recipient.Trim();
            var lower = q.ToLowerInvariant();
            matching = matching.Where(m => m.ToAddress.ToLower().Contains(lower) || (m.ToName != null && m.ToName.Contains(q)));
        }
        var counts = await matching.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byStatus = Enum.GetValues<OutboxStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0);
        var listed = filter.Status is { } status ? matching.Where(m => m.Status == status) : matching;
        var total = filter.Status is { } only ? byStatus[only] : byStatus.Values.Sum();
        var rows = await listed.OrderByDescending(m => m.CreatedAt).ThenBy(m => m.Id)
            .Skip((Math.Max(1, filter.Page) - 1) * MailFilter.PageSize).Take(MailFilter.PageSize)
            .Select(Row).ToListAsync(ct);
        return Outcome<MailQueueView>.Success(new MailQueueView(byStatus, total, rows));
    }

    public async Task<Outcome<MailDetail>> OpenAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        if (OfficeAccess.Desk.Deny(actor, actor) is { } refused) return Outcome<MailDetail>.From(refused);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.Outbox.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new { TextBody = m.BodyRemovedAt == null ? m.TextBody : "（郵件內容已依保存期限刪除，僅保留寄送紀錄。）", Row = new MailRow(m.Id, m.ToAddress, m.ToName, m.Subject, m.Status, m.Attempts, m.LastError, m.NextAttemptAt, m.CreatedAt, m.SentAt) })
            .SingleOrDefaultAsync(ct);
        return found is null
            ? Outcome<MailDetail>.From(Outcome.NotFound("找不到這封郵件"))
            : Outcome<MailDetail>.Success(new MailDetail(found.Row, found.TextBody));
    }

    private static readonly System.Linq.Expressions.Expression<Func<OutboxMessage, MailRow>> Row =
        m => new MailRow(m.Id, m.ToAddress, m.ToName, m.Subject, m.Status, m.Attempts, m.LastError, m.NextAttemptAt, m.CreatedAt, m.SentAt);
}

public static class OutboxStatusText
{
    /// <summary>The status as 郵件佇列 shows it.</summary>
    public static string Label(this OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => "等待寄送",
        OutboxStatus.Sent => "已寄出",
        OutboxStatus.Failed => "寄送失敗",
        _ => status.ToString(),
    };
}
