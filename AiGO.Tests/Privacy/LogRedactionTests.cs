using AiGO.Tests.Infrastructure;
using AiGO.Tests.Office;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiGO.Tests.Privacy;

/// <summary>An app of its own logging at the levels it ships with (Information, ASP.NET Core at Warning) into a capture.</summary>
public sealed class LoggedApp : IAsyncLifetime
{
    public LogCapture Logs { get; } = new();

    public AppFixture App { get; }

    public LoggedApp() => App = new(
        new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Information", ["Logging:LogLevel:AiGO"] = "Debug" },
        s => s.AddSingleton<ILoggerProvider>(Logs));

    public Task InitializeAsync() => ((IAsyncLifetime)App).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}

public class LogRedactionTests(LoggedApp logged, BrowserFixture browser) : IClassFixture<LoggedApp>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_new_members_whole_journey_leaves_no_national_id_phone_or_token_in_the_logs()
    {
        var trail = await NewMemberJourney.RunAsync(logged.App, browser, "logged");

        var code = QueryHelpers.ParseQuery(new Uri(trail.ConfirmationLink).Query)["code"].ToString();
        var secrets = new List<(string What, string Value)>
        {
            ("national ID", trail.NationalId), ("national ID", trail.NationalId.ToLowerInvariant()),
            ("phone", trail.Phone), ("phone", "06-2345-6789"), ("mobile", trail.Mobile), ("mobile", "0912-345-678"),
            ("confirmation token", code), ("confirmation token", Uri.EscapeDataString(code)),
        };
        secrets.AddRange(trail.CookieValues.Where(v => v.Length >= 16).Select(v => ("cookie", v)));

        var entries = logged.Logs.Entries.ToList();
        Assert.NotEmpty(entries); // the capture sees the app's logging at all
        Assert.Contains(entries, e => e.Contains("AiGO", StringComparison.Ordinal));
        foreach (var (what, value) in secrets)
        {
            var leak = entries.FirstOrDefault(e => e.Contains(value, StringComparison.Ordinal));
            Assert.True(leak is null, $"The {what} appears in the log: {leak}");
        }
    }
}
