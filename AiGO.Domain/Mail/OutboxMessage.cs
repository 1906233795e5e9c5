namespace AiGO.Domain.Mail;

/// <summary>
/// A mail waiting to be sent. It is written in the same transaction as the change that causes it,
/// so a mail is never lost nor sent for a change that was rolled back.
/// </summary>
public class OutboxMessage
{
    public Guid Id { get; set; }
    public string ToAddress { get; set; } = "";
    public string? ToName { get; set; }
    public string Subject { get; set; } = "";
    public string HtmlBody { get; set; } = "";
    public string TextBody { get; set; } = "";
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>A sender that claims the message holds it until then; another instance skips it meanwhile.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>
    /// When the body was removed: a sent mail keeps its text only for <c>Mail:BodyRetention</c> (it is personal data),
    /// then only the envelope (to, subject, times) stays as the record that it was sent.
    /// </summary>
    public DateTimeOffset? BodyRemovedAt { get; set; }
}

public enum OutboxStatus
{
    /// <summary>等待寄送</summary>
    Pending = 0,
    /// <summary>已寄出</summary>
    Sent = 1,
    /// <summary>寄送失敗 — retries exhausted; the office may resend.</summary>
    Failed = 2,
}
