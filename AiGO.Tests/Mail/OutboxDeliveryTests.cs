using AiGO.Domain.Data;
using AiGO.Domain.Mail;
using AiGO.Tests.Infrastructure;
using AiGO.Web.Mail;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AiGO.Tests.Mail;

public class OutboxDeliveryTests
{
    private static readonly MailTemplates Templates = new(new ProgrammeOfficeOptions());

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_mail_made_while_the_smtp_server_is_down_is_delivered_once_after_it_returns(DatabaseProvider provider)
    {
        await using var database = await (await TestDatabases.CreateEmptyAsync(provider)).MigrateAsync();
        await using var smtp = new SmtpSink();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero));
        var options = Options(smtp.Port);
        var sender = Sender(database, options, clock);

        await using (var db = database.CreateContext())
        {
            db.Outbox.Add(Outbox.Create("member@example.tw", "陳志堅", Templates.Welcome("陳志堅"), clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        // The server is down: the attempt fails, is recorded, and waits for its backoff.
        Assert.Equal(0, await sender.SendDueAsync(CancellationToken.None));
        var failed = await Single(database);
        Assert.Equal(OutboxStatus.Pending, failed.Status);
        Assert.Equal(1, failed.Attempts);
        Assert.False(string.IsNullOrEmpty(failed.LastError));
        Assert.Equal(clock.GetUtcNow() + options.Value.FirstRetryDelay, failed.NextAttemptAt);

        smtp.Start();
        Assert.Equal(0, await sender.SendDueAsync(CancellationToken.None)); // not due yet
        clock.Advance(options.Value.FirstRetryDelay);
        Assert.Equal(1, await sender.SendDueAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await sender.SendDueAsync(CancellationToken.None));

        var received = await smtp.WaitForAsync(m => m.Subject == "歡迎加入AIGO");
        Assert.Single(smtp.Messages);
        Assert.Equal("歡迎加入AIGO", received.Subject);
        Assert.Equal("AIGO 團隊", received.From.Mailboxes.Single().Name);
        Assert.Contains("【參加培訓課程補助】", received.TextBody);
        Assert.Contains("陳志堅您好，歡迎加入 AIGO!", received.HtmlBody);

        var sent = await Single(database);
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Null(sent.LastError);
    }

    [Fact]
    public async Task After_the_last_attempt_the_mail_is_marked_failed_with_its_error()
    {
        await using var database = await (await TestDatabases.CreateEmptyAsync(DatabaseProvider.Sqlite)).MigrateAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero));
        var options = Options(port: 1); // nothing listens there
        options.Value.MaxAttempts = 3;
        var sender = Sender(database, options, clock);
        await using (var db = database.CreateContext())
        {
            db.Outbox.Add(Outbox.Create("member@example.tw", null, Templates.Welcome("王小明"), clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        var delays = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            var before = await Single(database);
            clock.SetUtcNow(before.NextAttemptAt);
            await sender.SendDueAsync(CancellationToken.None);
            var after = await Single(database);
            if (after.Status == OutboxStatus.Pending) delays.Add(after.NextAttemptAt - clock.GetUtcNow());
        }

        var final = await Single(database);
        Assert.Equal(OutboxStatus.Failed, final.Status);
        Assert.Equal(3, final.Attempts);
        Assert.Contains("Exception", final.LastError);
        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60)], delays); // doubling backoff
    }

    [Fact]
    public void Backoff_doubles_and_is_capped()
    {
        var o = new MailOptions { FirstRetryDelay = TimeSpan.FromSeconds(30), MaxBackoff = TimeSpan.FromMinutes(10) };
        Assert.Equal(TimeSpan.FromSeconds(30), OutboxSender.Backoff(1, o));
        Assert.Equal(TimeSpan.FromSeconds(120), OutboxSender.Backoff(3, o));
        Assert.Equal(TimeSpan.FromMinutes(10), OutboxSender.Backoff(20, o));
        Assert.Equal(TimeSpan.FromMinutes(10), OutboxSender.Backoff(500, o));
    }

    private static IOptions<MailOptions> Options(int port) => Microsoft.Extensions.Options.Options.Create(new MailOptions
    {
        Transport = MailTransportKind.Smtp,
        Smtp = new SmtpOptions { Host = "127.0.0.1", Port = port, Security = SecureSocketOptions.None, Timeout = TimeSpan.FromSeconds(5) },
        FirstRetryDelay = TimeSpan.FromSeconds(30),
    });

    private static OutboxSender Sender(EmptyDatabase database, IOptions<MailOptions> options, TimeProvider clock) =>
        new(new TestDbFactory(database), new SmtpMailTransport(options), options, clock, new OutboxSignal(), NullLogger<OutboxSender>.Instance);

    private static async Task<OutboxMessage> Single(EmptyDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.Outbox.AsNoTracking().SingleAsync();
    }
}
