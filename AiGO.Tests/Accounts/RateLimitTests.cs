using System.Net;
using AiGO.Tests.Infrastructure;
using AiGO.Web.Accounts;
using AiGO.Domain.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiGO.Tests.Accounts;

/// <summary>An app of its own whose account limit is 3 per minute per client.</summary>
public sealed class RateLimitedApp : IAsyncLifetime
{
    public AppFixture App { get; } = new(new Dictionary<string, string> { ["RateLimiting:Accounts:PermitLimit"] = "3" });

    public Task InitializeAsync() => ((IAsyncLifetime)App).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}

public class RateLimitTests(RateLimitedApp limited, BrowserFixture browser) : IClassFixture<RateLimitedApp>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_fourth_sign_in_within_a_minute_gets_429_and_a_chinese_page()
    {
        using var client = limited.App.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login", ["Input.Email"] = "nobody@example.tw", ["Input.Password"] = "whatever-123",
            }));
            statuses.Add(last.StatusCode);
        }

        Assert.All(statuses.Take(3), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
        Assert.Equal("text/html", last!.Content.Headers.ContentType?.MediaType);
        var body = await last.Content.ReadAsStringAsync();
        Assert.Contains("<h1>嘗試次數過多</h1>", body);
        Assert.Contains(AccountThrottle.TooManyMessage, body);
        Assert.True(last.Headers.RetryAfter is not null);

        // Reading the page stays possible: only submissions count.
        var get = await client.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }

    [Fact]
    public async Task The_interactive_registration_is_limited_per_client_in_the_service()
    {
        await using var scope = limited.App.Services.CreateAsyncScope();
        var register = scope.ServiceProvider.GetRequiredService<RegisterMember>();
        var request = new RegistrationRequest { Consented = true, Name = "洪水", Email = "bad", Password = "x", ConfirmPassword = "x" };

        for (var i = 0; i < 3; i++)
            Assert.False((await register.RegisterAsync(request, "203.0.113.7")).Errors.ContainsKey(RegistrationField.General));
        var fourth = await register.RegisterAsync(request, "203.0.113.7");
        var otherClient = await register.RegisterAsync(request, "203.0.113.8");

        Assert.Equal(AccountThrottle.TooManyMessage, fourth.Errors[RegistrationField.General]);
        Assert.False(otherClient.Errors.ContainsKey(RegistrationField.General));
    }

    [Fact]
    public async Task The_registration_page_counts_against_the_browsers_own_address()
    {
        var page = await browser.NewPageAsync(limited.App.BaseUrl);
        for (var i = 0; i < 4; i++)
        {
            await page.GotoInteractiveAsync("Account/Register");
            await page.GetByLabel(PrivacyNotice.ConsentText).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync();
            await page.Locator("#reg-name").FillAsync("限流測試");
            await page.Locator("#reg-email").FillAsync(AccountTestData.UniqueEmail("limit"));
            await page.Locator("#reg-password").FillAsync("Limit-pass-2026");
            await page.Locator("#reg-confirm").FillAsync("Limit-pass-2026");
            await page.GetByRole(AriaRole.Button, new() { Name = "送出" }).ClickAsync();
            // Hashing a password and the first writes of a cold app can take a while on two cores.
            if (i < 3)
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "註冊完成" })).ToBeVisibleAsync(new() { Timeout = 15_000 });
        }
        await Expect(page.GetByText(AccountThrottle.TooManyMessage)).ToBeVisibleAsync();
        await page.ScreenshotAsync("accounts-12-register-rate-limited");

        // The page passed the address it saw at its first request: 127.0.0.1 is spent, another client is not.
        await using var scope = limited.App.Services.CreateAsyncScope();
        var register = scope.ServiceProvider.GetRequiredService<RegisterMember>();
        var probe = new RegistrationRequest { Consented = true, Name = "探測", Email = "bad", Password = "x", ConfirmPassword = "x" };
        Assert.Equal(AccountThrottle.TooManyMessage, (await register.RegisterAsync(probe, "127.0.0.1")).Errors[RegistrationField.General]);
        Assert.False((await register.RegisterAsync(probe, "192.0.2.55")).Errors.ContainsKey(RegistrationField.General));
    }
}
