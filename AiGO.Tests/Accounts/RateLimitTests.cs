using System.Net;
using AiGO.Tests.Infrastructure;
using AiGO.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace AiGO.Tests.Accounts;

/// <summary>An app of its own whose account limit is 3 per minute per client.</summary>
public sealed class RateLimitedApp : IAsyncLifetime
{
    public AppFixture App { get; } = new(new Dictionary<string, string> { ["RateLimiting:Accounts:PermitLimit"] = "3" });

    public Task InitializeAsync() => ((IAsyncLifetime)App).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}

public class RateLimitTests(RateLimitedApp limited) : IClassFixture<RateLimitedApp>
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
}
