using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AiGO.Web.Mail;

/// <summary>Delivers one message or throws; the outbox sender decides about retries.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>Real SMTP through MailKit.</summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, ct);
        if (!string.IsNullOrEmpty(smtp.UserName))
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}

/// <summary>Development default: each mail becomes an .eml file that /dev/mailbox lists.</summary>
public sealed class PickupFolderTransport(MailPaths paths, AiGO.Web.Hosting.DataFolderGuard guard) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        // Never recreate a vanished data folder: the mail would "go" into a folder nobody reads.
        guard.EnsureWritable();
        Directory.CreateDirectory(paths.PickupFolder);
        var name = $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml";
        var temp = Path.Combine(paths.PickupFolder, name + ".tmp");
        await message.WriteToAsync(temp, ct);
        // Renamed only when whole, so the mailbox page never reads half a file.
        File.Move(temp, Path.Combine(paths.PickupFolder, name));
    }
}

public sealed record MailPaths(string PickupFolder);
