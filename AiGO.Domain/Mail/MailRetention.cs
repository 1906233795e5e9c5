using AiGO.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Mail;

/// <summary>
/// Mail bodies are personal data: a sent mail keeps its text only for the retention period after it was sent, then
/// only its envelope (to, subject, times, attempts) stays as the record that it went out. Unsent mails keep their
/// bodies (they still have to go). Deleting an account removes its unsent mails and the bodies of the sent ones.
/// </summary>
public sealed class MailRetention(IDbContextFactory<AiGoDbContext> dbFactory, TimeProvider clock)
{
    public static readonly TimeSpan DefaultBodyRetention = TimeSpan.FromDays(30);

    /// <summary>Empties the bodies of mails sent more than <paramref name="retention"/> ago; returns how many.</summary>
    public async Task<int> SweepAsync(TimeSpan retention, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - retention;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Outbox
            .Where(m => m.Status == OutboxStatus.Sent && m.SentAt != null && m.SentAt <= cutoff && m.BodyRemovedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.HtmlBody, "").SetProperty(m => m.TextBody, "").SetProperty(m => m.BodyRemovedAt, now), ct);
    }

    /// <summary>For a deleted account: its unsent mails go, the sent ones keep only their envelope.</summary>
    public static async Task ForgetAsync(AiGoDbContext db, string address, DateTimeOffset now, CancellationToken ct = default)
    {
        await db.Outbox.Where(m => m.ToAddress == address && m.Status != OutboxStatus.Sent).ExecuteDeleteAsync(ct);
        await db.Outbox.Where(m => m.ToAddress == address && m.BodyRemovedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.HtmlBody, "").SetProperty(m => m.TextBody, "").SetProperty(m => m.BodyRemovedAt, now), ct);
    }
}
