using AiGO.Domain.Data;
using AiGO.Domain.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AiGO.Web.Mail;

/// <summary>
/// Delivers the outbox. Each message is claimed with a conditional update (so two instances never send
/// the same one at once), sent, then marked sent; a failure is recorded and retried with exponential backoff.
/// </summary>
public sealed class OutboxSender(
    IDbContextFactory<AiGoDbContext> dbFactory,
    IMailTransport transport,
    IOptions<MailOptions> options,
    TimeProvider clock,
    OutboxSignal signal,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private const int BatchSize = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Outbox pass failed; the next pass retries");
            }
            await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
        }
    }

    /// <summary>Sends every message that is due now; returns how many were delivered.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var sent = 0;
        while (true)
        {
            var now = clock.GetUtcNow();
            List<Guid> due;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                due = await db.Outbox
                    .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
                    .OrderBy(m => m.NextAttemptAt)
                    .Select(m => m.Id)
                    .Take(BatchSize)
                    .ToListAsync(ct);
            }
            if (due.Count == 0) return sent;
            foreach (var id in due)
            {
                if (await TrySendAsync(id, ct)) sent++;
            }
            if (due.Count < BatchSize) return sent;
        }
    }

    private async Task<bool> TrySendAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var claimed = await db.Outbox
            .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, now + Lease), ct);
        if (claimed == 0) return false;

        var message = await db.Outbox.SingleAsync(m => m.Id == id, ct);
        var o = options.Value;
        try
        {
            await transport.SendAsync(ToMime(message, o), ct);
            message.Status = OutboxStatus.Sent;
            message.SentAt = clock.GetUtcNow();
            message.LastError = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            message.Attempts++;
            message.LastError = Truncate($"{ex.GetType().Name}: {ex.Message}", 2000);
            if (message.Attempts >= o.MaxAttempts)
            {
                message.Status = OutboxStatus.Failed;
                logger.LogError(ex, "Mail {Id} to {To} failed {Attempts} times; given up", id, message.ToAddress, message.Attempts);
            }
            else
            {
                message.NextAttemptAt = clock.GetUtcNow() + Backoff(message.Attempts, o);
                logger.LogWarning("Mail {Id} attempt {Attempts} failed ({Error}); next at {Next}", id, message.Attempts, message.LastError, message.NextAttemptAt);
            }
        }
        message.LockedUntil = null;
        // Not the sender's token: a delivered mail must be recorded even while the host shuts down.
        await db.SaveChangesAsync(CancellationToken.None);
        return message.Status == OutboxStatus.Sent;
    }

    /// <summary>FirstRetryDelay × 2^(attempts−1), capped.</summary>
    public static TimeSpan Backoff(int attempts, MailOptions o)
    {
        var factor = Math.Pow(2, Math.Min(attempts - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(o.FirstRetryDelay.Ticks * factor, o.MaxBackoff.Ticks));
        return delay;
    }

    internal static MimeMessage ToMime(OutboxMessage m, MailOptions o)
    {
        var mime = new MimeMessage
        {
            Subject = m.Subject,
            // Stable across retries, so a receiver can drop a duplicate if a retry follows a lost reply.
            MessageId = $"{m.Id:N}@aigo.outbox",
            Body = new BodyBuilder { HtmlBody = m.HtmlBody, TextBody = m.TextBody }.ToMessageBody(),
        };
        mime.From.Add(new MailboxAddress(o.FromName, o.FromAddress));
        mime.To.Add(new MailboxAddress(m.ToName ?? "", m.ToAddress));
        return mime;
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}

/// <summary>Lets code that has just committed a mail wake the sender instead of waiting for its next poll.</summary>
public sealed class OutboxSignal : IMailSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try { _signal.Release(); } catch (SemaphoreFullException) { }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        try { await _signal.WaitAsync(timeout, ct); } catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }
}
