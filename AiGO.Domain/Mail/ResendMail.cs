using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Office;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Mail;

/// <summary>
/// 重新寄送: a mail that failed every attempt goes back to the queue with a fresh count of attempts, due now, and the
/// sender is woken. Only a failed mail moves (a conditional update on its status), so a second click, or a second
/// instance, finds it already queued and changes nothing; the sender's claim then sends it once.
/// </summary>
public sealed class ResendMail(IDbContextFactory<AiGoDbContext> dbFactory, TimeProvider clock, IMailSignal signal)
{
    /// <summary>Who may put a failed mail back in the queue: the office.</summary>
    public static readonly Permission<Actor> Resend =
        new("mail.resend", (a, _) => a.IsOffice, "只有計畫辦公室可以重新寄送郵件");

    public async Task<Outcome> ResendAsync(Actor actor, Guid mailId, CancellationToken ct = default)
    {
        if (Resend.Deny(actor, actor) is { } refused) return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mail = await db.Outbox.AsNoTracking().Where(m => m.Id == mailId)
            .Select(m => new { m.ToAddress, m.Subject, m.Attempts, m.LastError }).SingleOrDefaultAsync(ct);
        if (mail is null) return Outcome.NotFound("找不到這封郵件");

        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var moved = await db.Outbox.Where(m => m.Id == mailId && m.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Pending)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), ct);
        if (moved == 0) return Outcome.Conflict("這封郵件已不是寄送失敗狀態（可能已重新寄送），不需再送一次");
        db.AuditLog.Add(actor.Audit(now, AuditActions.MailResend, nameof(OutboxMessage), mailId,
            $"重新寄送「{mail.Subject}」給 {mail.ToAddress}（原已嘗試{mail.Attempts}次：{mail.LastError}）"));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        signal.Notify();
        return Outcome.Ok;
    }
}
