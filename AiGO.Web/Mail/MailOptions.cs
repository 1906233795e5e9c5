using MailKit.Security;

namespace AiGO.Web.Mail;

/// <summary>Configuration section <c>Mail</c>.</summary>
public sealed class MailOptions
{
    /// <summary><c>Pickup</c> writes .eml files to <see cref="PickupFolder"/>; <c>Smtp</c> sends through <see cref="Smtp"/>.</summary>
    public MailTransportKind Transport { get; set; } = MailTransportKind.Pickup;
    /// <summary>Relative paths are under the app's data folder.</summary>
    public string PickupFolder { get; set; } = "mail-pickup";
    public string FromName { get; set; } = "AIGO 團隊";
    public string FromAddress { get; set; } = "noreply@aigo.org.tw";
    public SmtpOptions Smtp { get; set; } = new();
    /// <summary>How often the sender looks at the outbox when nobody wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>Backoff after the first failure; it doubles with each further failure up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);
    /// <summary>After this many failed attempts the mail is marked failed and waits for the office to resend it.</summary>
    public int MaxAttempts { get; set; } = 10;
    /// <summary>How long a sent mail keeps its body; then only the envelope stays (a mail body is personal data).</summary>
    public TimeSpan BodyRetention { get; set; } = AiGO.Domain.Mail.MailRetention.DefaultBodyRetention;
}

public enum MailTransportKind { Pickup, Smtp }

public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 25;
    /// <summary>None, Auto, SslOnConnect or StartTls (MailKit's names).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
