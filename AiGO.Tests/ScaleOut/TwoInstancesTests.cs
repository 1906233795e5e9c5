using AiGO.Domain.Data;
using AiGO.Domain.Mail;
using AiGO.Tests.Accounts;
using AiGO.Tests.Infrastructure;
using AiGO.Web.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiGO.Tests.ScaleOut;

/// <summary>
/// SPEC §14: two instances of the app on loopback with the same configuration, sharing one PostgreSQL database,
/// one Redis server and one SMTP server, as they would behind a load balancer. A starts first and seeds the demo;
/// B finds everything in place.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    private readonly RedisServer _redis = new();
    private EmptyDatabase? _database;
    private readonly string _secrets = Path.Combine(Path.GetTempPath(), $"aigo-two-secrets-{Guid.NewGuid():N}");

    public SmtpSink Smtp { get; } = new SmtpSink().Start();
    public AppFixture A { get; private set; } = null!;
    public AppFixture B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (TestDatabases.PostgresServer is null)
            throw new InvalidOperationException($"{TestDatabases.PostgresVariable} is not set: run ./test.sh, which starts PostgreSQL.");
        await _redis.InitializeAsync();
        _database = await TestDatabases.CreateEmptyAsync(DatabaseProvider.Postgres);
        Web.Hosting.KeyRing.DevelopmentCertificate(_secrets).Dispose();
        var shared = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = _database.ConnectionString,
            ["Redis:Configuration"] = _redis.Configuration,
            ["Redis:Channel"] = $"aigo:two:{Guid.NewGuid():N}",
            ["Mail:Smtp:Port"] = Smtp.Port.ToString(),
            // The secrets every instance is given alike: the key ring's certificate and the national-ID keys.
            ["DataProtection:Certificate:Path"] = Path.Combine(_secrets, Web.Hosting.KeyRing.DevelopmentCertificateFile),
            ["Accounts:NationalIdHashKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Accounts:NationalIdEncryption:CurrentKeyId"] = "two",
            ["Accounts:NationalIdEncryption:Keys:two"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        };
        A = new AppFixture(shared);
        await ((IAsyncLifetime)A).InitializeAsync();
        B = new AppFixture(shared);
        await ((IAsyncLifetime)B).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (B is not null) await ((IAsyncLifetime)B).DisposeAsync();
        if (A is not null) await ((IAsyncLifetime)A).DisposeAsync();
        await Smtp.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
        await _redis.DisposeAsync();
        try { Directory.Delete(_secrets, recursive: true); } catch (IOException) { }
    }
}

public class TwoInstancesTests(TwoInstances two, BrowserFixture browser) : IClassFixture<TwoInstances>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_sign_in_cookie_issued_by_A_is_accepted_by_B()
    {
        var onB = await OfficeSignedInOnAThenOnBAsync();

        await onB.GotoAsync("office/board");

        Assert.StartsWith(two.B.BaseUrl, onB.Url);
        await Expect(onB.GetByRole(AriaRole.Heading, new() { Name = "申請看板", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_submission_on_A_appears_on_the_board_open_on_B_within_two_seconds()
    {
        int courseId;
        await using (var db = two.A.CreateDbContext())
            courseId = await db.Courses.Where(c => c.Name == "反洗錢(AML)智慧監控與AI應用").Select(c => c.Id).SingleAsync();
        var board = await OfficeSignedInOnAThenOnBAsync();
        await board.GotoInteractiveAsync($"office/board?course={courseId}");
        await Expect(board.GetByTestId("board-total")).ToHaveTextAsync("共 0 筆申請");

        await AccountTestData.ApplyAsEligibleMemberAsync(two.A, courseId, "周雙機", "two-instances");

        await Expect(board.GetByTestId("board-total")).ToHaveTextAsync("共 1 筆申請", new() { Timeout = 2000 });
        await Expect(board.GetByTestId("application-table")).ToContainTextAsync("周雙機");
    }

    [Fact]
    public async Task With_both_senders_running_a_hundred_outbox_mails_arrive_exactly_once_each()
    {
        var templates = two.A.Services.GetRequiredService<MailTemplates>();
        var now = DateTimeOffset.UtcNow;
        var mails = Enumerable.Range(1, 100)
            .Select(i => Outbox.Create($"twice-{i}@example.tw", $"學員{i}", templates.ApplicationToOrganiser("培訓單位", $"學員{i}", "雙機課程"), now))
            .ToList();
        await using (var db = two.A.CreateDbContext())
        {
            db.Outbox.AddRange(mails);
            await db.SaveChangesAsync();
        }
        var ids = mails.Select(m => m.Id).ToList();

        // Both senders wake at once and go for the same due rows.
        two.A.Services.GetRequiredService<OutboxSignal>().Notify();
        two.B.Services.GetRequiredService<OutboxSignal>().Notify();
        await WaitUntilAllSentAsync(ids);

        // A row is marked sent only after the SMTP server took its mail, so nothing is still on its way.
        var expected = ids.Select(id => $"{id:N}@aigo.outbox").ToHashSet();
        var received = two.Smtp.Messages.Select(m => m.MessageId ?? "").Where(expected.Contains).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(100, received.Count);
        Assert.All(received, r => Assert.True(r.Value == 1, $"mail {r.Key} arrived {r.Value} times"));
    }

    private async Task WaitUntilAllSentAsync(List<Guid> ids)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        int sent;
        do
        {
            await Task.Delay(250);
            await using var db = two.A.CreateDbContext();
            sent = await db.Outbox.CountAsync(m => ids.Contains(m.Id) && m.Status == OutboxStatus.Sent);
        } while (sent < ids.Count && DateTime.UtcNow < deadline);
        Assert.Equal(ids.Count, sent);
    }

    /// <summary>The office signs in on A; a browser context on B starts with the cookies A issued.</summary>
    private async Task<IPage> OfficeSignedInOnAThenOnBAsync()
    {
        var onA = await browser.NewPageAsync(two.A.BaseUrl);
        await onA.AsAsync("office@aigo.example.tw");
        var cookies = await onA.Context.StorageStateAsync();
        await onA.Context.CloseAsync();
        return await browser.NewPageAsync(two.B.BaseUrl, storageState: cookies);
    }
}
