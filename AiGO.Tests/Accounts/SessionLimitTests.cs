using System.Text.RegularExpressions;
using AiGO.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiGO.Tests.Accounts;

/// <summary>An app of its own on a fake clock.</summary>
public sealed class FakeClockApp : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public AppFixture App { get; }

    public FakeClockApp() => App = new(
        new Dictionary<string, string> { ["Accounts:Session:RevalidationInterval"] = "00:00:01", ["Accounts:Session:HeartbeatInterval"] = "00:00:00" },
        s => s.AddSingleton<TimeProvider>(Clock));

    public Task InitializeAsync() => ((IAsyncLifetime)App).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}

public partial class SessionLimitTests(FakeClockApp fake, BrowserFixture browser) : IClassFixture<FakeClockApp>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_page_left_open_is_signed_out_12_hours_after_sign_in()
    {
        var email = AccountTestData.UniqueEmail("circuit");
        await AccountTestData.CreateMemberAsync(fake.App, email, "周明德");
        var page = await browser.NewPageAsync(fake.App.BaseUrl);
        await AccountTestData.SignInAsync(page, email, AccountTestData.Password);
        await page.Locator("main[data-interactive='True']").WaitForAsync();
        await page.GotoInteractiveAsync("Account/Manage");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "周明德" })).ToBeVisibleAsync();

        fake.Clock.Advance(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1));

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "周明德" })).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Expect(page).ToHaveURLAsync(new Regex("Account/Login"), new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task An_open_page_counts_input_and_ends_at_the_idle_limit()
    {
        var email = AccountTestData.UniqueEmail("idle");
        var member = await AccountTestData.CreateMemberAsync(fake.App, email, "江俊賢");
        var page = await browser.NewPageAsync(fake.App.BaseUrl);
        await AccountTestData.SignInAsync(page, email, AccountTestData.Password);
        await page.Locator("main[data-interactive='True']").WaitForAsync();
        await page.GotoInteractiveAsync("my/courses");

        // Twenty minutes of reading, a key pressed, twenty more: 40 minutes since the last request, 20 since the input.
        for (var i = 0; i < 2; i++)
        {
            fake.Clock.Advance(TimeSpan.FromMinutes(20));
            await TypeUntilSeenAsync(page, member.Id, fake.Clock.GetUtcNow());
        }
        await Expect(page).ToHaveURLAsync(new Regex("my/courses"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "江俊賢" })).ToBeVisibleAsync();

        fake.Clock.Advance(TimeSpan.FromMinutes(31)); // no input, no request
        await Expect(page).ToHaveURLAsync(new Regex("Account/Login"), new() { Timeout = 15_000 });
        await using var db = fake.App.CreateDbContext();
        Assert.Equal(Domain.Accounts.SessionEnd.Idle, (await db.UserSessions.SingleAsync(s => s.UserId == member.Id)).RevokedReason);
    }

    /// <summary>
    /// Presses a key until the member's session has recorded activity at <paramref name="at"/>: the page starts listening
    /// for input only after its first interactive render, and the report is asynchronous.
    /// </summary>
    private async Task TypeUntilSeenAsync(IPage page, string userId, DateTimeOffset at)
    {
        for (var tries = 0; tries < 100; tries++)
        {
            await page.Keyboard.PressAsync("Shift");
            await using var db = fake.App.CreateDbContext();
            var session = await db.UserSessions.AsNoTracking().SingleAsync(s => s.UserId == userId);
            Assert.Null(session.RevokedAt);
            if ((at - session.LastSeenAt).Duration() < TimeSpan.FromMilliseconds(1)) return; // stored to 0.1 ms
            await Task.Delay(100);
        }
        Assert.Fail("The input in the open page was not reported to the server.");
    }

    [Fact]
    public async Task An_active_session_still_ends_12_hours_after_sign_in()
    {
        var email = AccountTestData.UniqueEmail("absolute");
        await AccountTestData.CreateMemberAsync(fake.App, email);
        // Over Kestrel the client follows redirects whatever its options say: judge by where a request ends up.
        using var client = fake.App.CreateClient();

        var login = await client.GetStringAsync("/Account/Login");
        var token = Token().Match(login).Groups[1].Value;
        var signIn = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email, ["Input.Password"] = AccountTestData.Password,
        }));
        Assert.Equal("/", signIn.RequestMessage!.RequestUri!.AbsolutePath);

        // Busy all day: a request every 20 minutes keeps the 30-minute idle limit from ending it.
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(11.5); elapsed += TimeSpan.FromMinutes(20))
        {
            fake.Clock.Advance(TimeSpan.FromMinutes(20));
            var page = await client.GetAsync("/Account/Manage/ChangePassword");
            Assert.True(page.RequestMessage!.RequestUri!.AbsolutePath == "/Account/Manage/ChangePassword", $"signed out after {elapsed + TimeSpan.FromMinutes(20)}");
        }

        fake.Clock.Advance(TimeSpan.FromMinutes(10)); // 11 h 50 min after sign-in
        Assert.Equal("/Account/Manage/ChangePassword", (await client.GetAsync("/Account/Manage/ChangePassword")).RequestMessage!.RequestUri!.AbsolutePath);
        fake.Clock.Advance(TimeSpan.FromMinutes(20)); // 12 h 10 min, only 20 idle minutes
        var late = await client.GetAsync("/Account/Manage/ChangePassword");
        Assert.Equal("/Account/Login", late.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
