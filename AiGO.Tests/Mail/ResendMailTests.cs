using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Mail;
using AiGO.Domain.Office;
using AiGO.Tests.Infrastructure;
using AiGO.Web.Mail;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AiGO.Tests.Mail;

/// <summary>郵件佇列's 重新寄送: a failed mail goes out again exactly once, however many times the office clicks.</summary>
public class ResendMailTests
{
    private static readonly MailTemplates Templates = new(new ProgrammeOfficeOptions());

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_failed_mail_resent_twice_is_delivered_once_over_smtp_and_the_resend_is_audited(DatabaseProvider provider)
    {
        await using var database = await (await TestDatabases.CreateEmptyAsync(provider)).MigrateAsync();
        await using var smtp = new SmtpSink().Start();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero));
        var signal = new CountingMailSignal();
        var services = TestServices.Build(database, clock, new RecordingNotifier(), signal);
        var options = Options.Create(new MailOptions
        {
            Transport = MailTransportKind.Smtp,
            Smtp = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, Security = SecureSocketOptions.None, Timeout = TimeSpan.FromSeconds(5) },
            MaxAttempts = 3,
        });
        OutboxSender Sender() => new(new TestDbFactory(database), new SmtpMailTransport(options), options, clock, new OutboxSignal(), NullLogger<OutboxSender>.Instance);

        var failed = Outbox.Create("member@example.tw", "陳志堅", Templates.Welcome("陳志堅"), clock.GetUtcNow());
        (failed.Status, failed.Attempts, failed.LastError) = (OutboxStatus.Failed, 3, "SocketException: Connection refused");
        await using (var db = database.CreateContext())
        {
            db.Outbox.Add(failed);
            await db.SaveChangesAsync();
        }
        // A failed mail stays where it is: the sender does not pick it up by itself.
        Assert.Equal(0, await Sender().SendDueAsync(CancellationToken.None));

        var resend = services.GetRequiredService<ResendMail>();
        var first = await resend.ResendAsync(TestData.Office, failed.Id);
        var second = await resend.ResendAsync(TestData.Office, failed.Id);
        Assert.True(first.Succeeded, first.Message);
        Assert.Equal(OutboxStatus.Pending, (await SingleAsync(database)).Status);
        Assert.Equal(0, (await SingleAsync(database)).Attempts);
        Assert.Equal(OutcomeKind.Conflict, second.Kind);
        Assert.Equal(1, signal.Count);

        // Two senders (two instances) race for it; the claim lets only one send it.
        var sent = await Task.WhenAll(Sender().SendDueAsync(CancellationToken.None), Sender().SendDueAsync(CancellationToken.None));
        Assert.Equal(1, sent.Sum());
        Assert.False((await resend.ResendAsync(TestData.Office, failed.Id)).Succeeded); // sent: nothing to resend
        Assert.Equal(0, await Sender().SendDueAsync(CancellationToken.None));

        await smtp.WaitForAsync(m => m.Subject == "歡迎加入AIGO");
        await Task.Delay(200);
        Assert.Single(smtp.Messages);
        var stored = await SingleAsync(database);
        Assert.Equal(OutboxStatus.Sent, stored.Status);
        Assert.Null(stored.LastError);

        await using var check = database.CreateContext();
        var audit = await check.AuditLog.SingleAsync();
        Assert.Equal(AuditActions.MailResend, audit.Action);
        Assert.Equal(failed.Id.ToString(), audit.EntityId);
        Assert.Contains("member@example.tw", audit.Details);
    }

    private static async Task<OutboxMessage> SingleAsync(EmptyDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.Outbox.AsNoTracking().SingleAsync();
    }
}
