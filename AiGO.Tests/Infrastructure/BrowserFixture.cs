using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace AiGO.Tests.Infrastructure;

/// <summary>
/// One headless Debian chromium per test collection; each test takes a fresh context (its own cookies). Every
/// context reports Content-Security-Policy violations (the browser's <c>securitypolicyviolation</c> event): the page
/// helpers below fail the test that caused one, and the fixture fails at the end if any page had one at all.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private const string ReportViolation = "__aigoCspViolation";

    private static readonly ConcurrentDictionary<IBrowserContext, ConcurrentQueue<string>> Violations = new();

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotFolder { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("AIGO_SCREENSHOTS") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "screenshots"));

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: run ./test.sh, or apt-get install -y chromium fonts-noto-cjk.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task<IPage> NewPageAsync(string baseUrl, int width = 1280, int height = 900, string? storageState = null)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = baseUrl, Locale = "zh-TW", TimezoneId = "Asia/Taipei", ViewportSize = new() { Width = width, Height = height },
            StorageState = storageState,
        });
        context.SetDefaultTimeout(15_000);
        var violations = Violations.GetOrAdd(context, _ => new ConcurrentQueue<string>());
        await context.ExposeFunctionAsync<string>(ReportViolation, violations.Enqueue);
        await context.AddInitScriptAsync($$"""
            document.addEventListener('securitypolicyviolation', e => window.{{ReportViolation}}(
                `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile || location.pathname}:${e.lineNumber}) on ${location.pathname}${location.search}`));
            """);
        return await context.NewPageAsync();
    }

    /// <summary>The CSP violations this page's context has reported so far.</summary>
    public static IReadOnlyList<string> CspViolations(IPage page) =>
        Violations.TryGetValue(page.Context, out var list) ? [.. list] : [];

    public async Task DisposeAsync()
    {
        var all = Violations.Values.SelectMany(v => v).ToList();
        if (all.Count > 0)
            throw new InvalidOperationException("Content-Security-Policy violations in the browser tests:\n" + string.Join("\n", all.Distinct()));
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

public static class PageExtensions
{
    /// <summary>
    /// Navigates and waits until the circuit has rendered live: a click on prerendered HTML can be lost.
    /// MainLayout renders data-interactive="True" only from the live circuit.
    /// </summary>
    public static async Task GotoInteractiveAsync(this IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.Locator("main[data-interactive='True']").WaitForAsync();
        page.AssertNoCspViolations();
    }

    /// <param name="fullPage">False for what the viewport shows, e.g. a dialog fixed over the page.</param>
    public static async Task ScreenshotAsync(this IPage page, string name, bool fullPage = true)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"), FullPage = fullPage });
        page.AssertNoCspViolations();
    }

    /// <summary>Fails when the browser has refused anything under the Content-Security-Policy in this page's context.</summary>
    public static void AssertNoCspViolations(this IPage page)
    {
        var violations = BrowserFixture.CspViolations(page);
        Assert.True(violations.Count == 0, "Content-Security-Policy violations:\n" + string.Join("\n", violations));
    }
}

/// <summary>Browser journeys share one app and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "app";
}

/// <summary>
/// The route sweep has an app and a browser of its own: it runs beside the journeys instead of after them, and
/// sees the demo data as seeded, whatever the journeys change.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SweepCollection : ICollectionFixture<AppFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "sweep";
}

public static class SignIn
{
    public const string DemoPassword = Web.Hosting.DemoSeeder.Password;

    /// <summary>Signs in through the real login form, then waits for the page it returns to.</summary>
    public static async Task AsAsync(this IPage page, string email, string password = DemoPassword, string returnUrl = "")
    {
        await page.GotoAsync("Account/Login" + (returnUrl.Length > 0 ? "?ReturnUrl=" + Uri.EscapeDataString(returnUrl) : ""));
        await page.GetByLabel("信箱").FillAsync(email);
        await page.GetByLabel("密碼").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登入" }).ClickAsync();
        await page.Locator("main[data-interactive='True']").WaitForAsync();
        page.AssertNoCspViolations();
    }
}
