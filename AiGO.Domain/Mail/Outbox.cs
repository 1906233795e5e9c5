namespace AiGO.Domain.Mail;

/// <summary>Puts a mail in the outbox of the caller's context: it goes out only if the caller's change commits.</summary>
public static class Outbox
{
    public static OutboxMessage Create(string toAddress, string? toName, MailContent content, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        ToAddress = toAddress,
        ToName = toName,
        Subject = content.Subject,
        HtmlBody = content.Html,
        TextBody = content.Text,
        Status = OutboxStatus.Pending,
        CreatedAt = now,
        NextAttemptAt = now,
    };
}
