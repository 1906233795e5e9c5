using AiGO.Domain.Data;
using AiGO.Domain.Mail;
using AiGO.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AiGO.Tests.Privacy;

/// <summary>Mail bodies are personal data: a sent mail keeps its text for the retention period, then only its envelope.</summary>
public class MailRetentionTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_sent_mail_keeps_its_body_for_30_days_and_then_only_its_envelope_and_an_unsent_one_keeps_it(DatabaseProvider provider)
    {
        await using var database = await (await TestDatabases.CreateEmptyAsync(provider)).MigrateAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
        OutboxMessage Mail(OutboxStatus status, DateTimeOffset? sentAt) => new()
        {
            Id = Guid.NewGuid(), ToAddress = "wang@example.com", Subject = "AIGO 會員信箱驗證", HtmlBody = "<p>王小明您好</p>", TextBody = "王小明您好",
            Status = status, CreatedAt = clock.GetUtcNow().AddDays(-40), NextAttemptAt = clock.GetUtcNow().AddDays(-40), SentAt = sentAt,
        };
        var old = Mail(OutboxStatus.Sent, clock.GetUtcNow().AddDays(-30).AddMinutes(-1));
        var recent = Mail(OutboxStatus.Sent, clock.GetUtcNow().AddDays(-29));
        var waiting = Mail(OutboxStatus.Pending, null);
        await using (var db = database.CreateContext())
        {
            db.Outbox.AddRange(old, recent, waiting);
            await db.SaveChangesAsync();
        }

        var retention = new MailRetention(new TestDbFactory(database), clock);
        Assert.Equal(1, await retention.SweepAsync(MailRetention.DefaultBodyRetention));
        Assert.Equal(0, await retention.SweepAsync(MailRetention.DefaultBodyRetention)); // nothing twice

        await using (var db = database.CreateContext())
        {
            var mails = await db.Outbox.AsNoTracking().ToDictionaryAsync(m => m.Id);
            Assert.Equal(("", ""), (mails[old.Id].HtmlBody, mails[old.Id].TextBody));
            Assert.Equal(clock.GetUtcNow(), mails[old.Id].BodyRemovedAt);
            Assert.Equal(("wang@example.com", "AIGO 會員信箱驗證"), (mails[old.Id].ToAddress, mails[old.Id].Subject)); // the envelope stays
            Assert.Equal("王小明您好", mails[recent.Id].TextBody);
            Assert.Null(mails[recent.Id].BodyRemovedAt);
            Assert.Equal("王小明您好", mails[waiting.Id].TextBody);
        }

        clock.Advance(TimeSpan.FromDays(2)); // the recent one passes 30 days
        Assert.Equal(1, await retention.SweepAsync(MailRetention.DefaultBodyRetention));
    }
}
