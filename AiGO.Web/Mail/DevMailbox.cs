using MimeKit;

namespace AiGO.Web.Mail;

/// <summary>Reads the pickup folder for the Development-only /dev/mailbox page.</summary>
public sealed class DevMailbox(MailPaths paths)
{
    public sealed record Mail(string File, string Subject, string From, string To, DateTimeOffset Date, string Text, string? Html);

    public string Folder => paths.PickupFolder;

    public async Task<IReadOnlyList<Mail>> ListAsync(int max = 200)
    {
        if (!Directory.Exists(paths.PickupFolder)) return [];
        var files = new DirectoryInfo(paths.PickupFolder).GetFiles("*.eml")
            .OrderByDescending(f => f.Name).Take(max);
        var list = new List<Mail>();
        foreach (var f in files)
        {
            var m = await MimeMessage.LoadAsync(f.FullName);
            list.Add(new Mail(f.Name, m.Subject ?? "(無主旨)", m.From.ToString(), m.To.ToString(), m.Date, m.TextBody ?? "", m.HtmlBody));
        }
        return list;
    }
}
