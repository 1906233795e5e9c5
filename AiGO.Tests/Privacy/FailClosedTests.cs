using System.Net;
using AiGO.Domain.Applications;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Mail;
using AiGO.Tests.Infrastructure;
using AiGO.Web.Hosting;
using AiGO.Web.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AiGO.Tests.Privacy;

/// <summary>Fail closed: with the data folder gone, a write is refused in Chinese instead of "succeeding" into nothing; /healthz says what is wrong.</summary>
public class FailClosedTests
{
    /// <summary>
    /// A folder no file can be created in, even by root (the tests run as root, which a chmod does not stop): sysfs
    /// refuses every new file. The guard's probe finds it read-only, so saves and uploads there are refused.
    /// </summary>
    [Fact]
    public void A_data_folder_that_takes_no_new_file_is_reported_read_only_in_chinese()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var guard = new DataFolderGuard("/sys", null, clock);
        Assert.Equal(DataFolderGuard.ReadOnly, guard.Problem());
        Assert.Throws<StorageUnavailableException>(guard.EnsureWritable);
        Assert.Equal(DataFolderGuard.ReadOnly, guard.FolderProblem("/sys/kernel"));

        var writable = new DataFolderGuard(Path.GetTempPath(), null, clock);
        Assert.Null(writable.Problem());
    }

    [Fact]
    public async Task When_the_data_folder_disappears_saves_and_mails_are_refused_in_chinese_and_healthz_is_unhealthy()
    {
        var app = new AppFixture(new Dictionary<string, string> { ["Mail:Transport"] = "Pickup" });
        await ((Xunit.IAsyncLifetime)app).InitializeAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
            var healthy = await http.GetAsync("healthz");
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);

            var db = app.DataFolder;
            var moved = db + "-gone";
            Directory.Move(db, moved); // the SQLite file stays open through the pooled connections, as when a volume goes away
            try
            {
                var sick = await http.GetAsync("healthz");
                Assert.Equal(HttpStatusCode.ServiceUnavailable, sick.StatusCode);

                var office = new Actor("office-x", "計畫辦公室", new HashSet<string> { AiGO.Domain.Accounts.Roles.Office }, null);
                var codes = app.Services.GetRequiredService<AiGO.Domain.Office.EditCodes>();
                await using (var read = app.CreateDbContext())
                {
                    var member = await read.Users.FirstAsync(u => u.Email == "trainee@aigo.example.tw");
                    var sanction = await app.Services.GetRequiredService<RecordSanction>()
                        .RecordAsync(office, new SanctionInput(member.Id, null, "測試資料夾消失", DateOnly.FromDateTime(DateTime.UtcNow)));
                    Assert.Equal((OutcomeKind.Conflict, DataFolderGuard.Missing), (sanction.Kind, sanction.Message));
                }
                await using (var write = app.CreateDbContext())
                {
                    write.AuditLog.Add(office.Audit(DateTimeOffset.UtcNow, "test", "Test", 1, "不應寫入"));
                    var refused = await Assert.ThrowsAsync<StorageUnavailableException>(() => write.SaveChangesAsync());
                    Assert.Equal(DataFolderGuard.Missing, refused.Message);
                }

                var transport = app.Services.GetRequiredService<IMailTransport>();
                var mail = OutboxSender.ToMime(Outbox.Create("a@example.tw", null, new MailContent("主旨", "<p>x</p>", "x"), DateTimeOffset.UtcNow), new MailOptions());
                await Assert.ThrowsAsync<StorageUnavailableException>(() => transport.SendAsync(mail, CancellationToken.None));
                Assert.False(Directory.Exists(db), "the mail transport recreated the vanished data folder");
            }
            finally
            {
                Directory.Move(moved, db);
            }
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("healthz")).StatusCode);
        }
        finally
        {
            await ((Xunit.IAsyncLifetime)app).DisposeAsync();
        }
    }

    [Fact]
    public async Task A_growing_count_of_failed_mails_is_unhealthy_and_a_steady_one_is_not()
    {
        await using var database = await (await TestDatabases.CreateEmptyAsync(DatabaseProvider.Sqlite)).MigrateAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero));
        var check = new FailedMailHealthCheck(new TestDbFactory(database), clock);
        async Task FailAsync()
        {
            await using var db = database.CreateContext();
            var m = Outbox.Create("a@example.tw", null, new MailContent("主旨", "<p>x</p>", "x"), clock.GetUtcNow());
            (m.Status, m.Attempts) = (OutboxStatus.Failed, 10);
            db.Outbox.Add(m);
            await db.SaveChangesAsync();
        }

        await FailAsync();
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, (await check.CheckHealthAsync(new())).Status);
        clock.Advance(TimeSpan.FromMinutes(5));
        await FailAsync();
        var growing = await check.CheckHealthAsync(new());
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, growing.Status);
        Assert.Equal("寄送失敗的郵件在60分鐘內增加了1封（共2封）", growing.Description);

        clock.Advance(FailedMailHealthCheck.Window + TimeSpan.FromMinutes(1));
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, (await check.CheckHealthAsync(new())).Status);
    }
}
