using System.Net;
using AiGO.Domain.Accounts;
using AiGO.Domain.Common;
using AiGO.Tests.Accounts;
using AiGO.Tests.Infrastructure;
using AiGO.Web.Accounts;
using AiGO.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AiGO.Tests.Security;

/// <summary>
/// An app of its own: visits are written only when the test flushes them (the interval is an hour), every password
/// check is counted, and a request may say which address it comes from (X-Test-Remote-Address), as a proxy would.
/// </summary>
public sealed class HardeningApp : IAsyncLifetime
{
    public const string RemoteAddressHeader = "X-Test-Remote-Address";

    public CountingPasswordHasher Hasher { get; } = new();

    public AppFixture App { get; }

    public HardeningApp() => App = new(
        new Dictionary<string, string> { ["Hosting:VisitFlushInterval"] = "01:00:00", ["Demo:Seed"] = "false" },
        services =>
        {
            services.AddSingleton<IPasswordHasher<AppUser>>(Hasher);
            services.AddSingleton<IStartupFilter, RemoteAddressFromHeader>();
        });

    public Task InitializeAsync() => ((IAsyncLifetime)App).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();

    private sealed class RemoteAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(RemoteAddressHeader, out var address))
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>Identity's own hasher, counting how often a password is checked.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> _inner = new();
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>Issue 18 item 7: the smaller findings.</summary>
public class SmallerHardeningTests(HardeningApp hardening) : IClassFixture<HardeningApp>
{
    private AppFixture App => hardening.App;

    [Fact]
    public async Task An_unknown_email_costs_the_same_password_check_as_a_known_one()
    {
        var email = AccountTestData.UniqueEmail("timing");
        await AccountTestData.CreateMemberAsync(App, email);

        var known = await ChecksDuringAsync(email);
        var unknown = await ChecksDuringAsync(AccountTestData.UniqueEmail("nobody"));

        // Timing follows the work done: one PBKDF2 check either way (the duration itself is measured in bench/, not here).
        Assert.Equal((1, 1), (known, unknown));
    }

    private async Task<int> ChecksDuringAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<PasswordSignIn>();
        var before = hardening.Hasher.Verifications;
        var result = await signIn.SignInAsync(email, "Wrong-password-2026", rememberMe: false, "127.0.0.1");
        Assert.False(result.Succeeded);
        return hardening.Hasher.Verifications - before;
    }

    [Fact]
    public async Task Visits_are_counted_in_memory_and_written_in_one_batch()
    {
        var counter = App.Services.GetRequiredService<VisitCounter>();
        await counter.FlushAsync();
        var stored = await StoredVisitsAsync();
        // A client that never keeps the visit cookie: every request is a new visit.
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = new Uri(App.BaseUrl) };

        for (var i = 0; i < 25; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HtmlRequest("privacy"))).StatusCode);

        // 25 new visits and not one write.
        Assert.Equal(stored, await StoredVisitsAsync());
        Assert.Equal(stored + 25, await counter.CurrentAsync());

        await counter.FlushAsync();
        Assert.Equal(stored + 25, await StoredVisitsAsync());

        // And at shutdown: the flusher writes what is left when the host stops it.
        for (var i = 0; i < 3; i++) await client.SendAsync(HtmlRequest("privacy"));
        var flusher = App.Services.GetServices<IHostedService>().OfType<VisitFlusher>().Single();
        await flusher.StopAsync(CancellationToken.None);
        Assert.Equal(stored + 28, await StoredVisitsAsync());
    }

    [Theory]
    [InlineData("203.0.113.7", HttpStatusCode.NotFound)]
    [InlineData("10.0.0.5", HttpStatusCode.NotFound)]
    [InlineData("::ffff:192.0.2.1", HttpStatusCode.NotFound)]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    [InlineData("::1", HttpStatusCode.OK)]
    public async Task The_dev_mailbox_answers_only_callers_on_this_machine(string address, HttpStatusCode status)
    {
        using var client = App.CreateClient(new() { BaseAddress = new Uri(App.BaseUrl) });
        var request = HtmlRequest("dev/mailbox");
        request.Headers.Add(HardeningApp.RemoteAddressHeader, address);

        var response = await client.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        if (status == HttpStatusCode.OK) Assert.Contains("開發用信箱", body);
        else Assert.DoesNotContain("開發用信箱", body);
    }

    private static HttpRequestMessage HtmlRequest(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html");
        return request;
    }

    private async Task<long> StoredVisitsAsync()
    {
        await using var db = App.CreateDbContext();
        return await db.SiteCounters.Where(c => c.Id == SiteCounter.SingletonId).Select(c => c.Visits).SingleAsync();
    }
}
