using System.Collections.Concurrent;
using AiGO.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AiGO.Tests.Site;

/// <summary>
/// Every route of SPEC §13 (and the pages around them), signed in as whoever uses it, on a phone (390 px) and a
/// laptop (1280 px): a screenshot of each, no page wider than the screen, and no serious or critical axe finding.
/// </summary>
[Collection(SweepCollection.Name)]
public class EveryPageFitsTests(AppFixture app, BrowserFixture browser)
{
    public const int Phone = 390;
    public const int Laptop = 1280;

    private const string Visitor = "";
    private const string Trainee = "trainee@aigo.example.tw";
    private const string Alumna = "alumni@aigo.example.tw";
    private const string Organiser = "ctbc@aigo.example.tw";
    private const string Office = "office@aigo.example.tw";

    /// <summary>Route (with placeholders resolved against the demo data), who opens it, and whether it is a static form page.</summary>
    internal static readonly (string Route, string As, bool Static)[] Pages =
    [
        ("", Visitor, false),
        ("courses", Visitor, false),
        ("courses?venue=雙軌同步&page=1", Visitor, false),
        ("courses/{course}", Visitor, false),
        ("courses/{course}", Trainee, false),
        ("courses/{course}/apply", Trainee, false),
        ("courses/{course}/consent-form", Trainee, false),
        ("my/courses", Trainee, false),
        ("my/courses", Alumna, false),
        ("my/courses/{alumna-application}/questionnaire", Alumna, false),
        ("Account/Login", Visitor, true),
        ("Account/Register", Visitor, false),
        ("Account/ForgotPassword", Visitor, true),
        ("Account/ConfirmEmail?userId=none&code=none", Visitor, true),
        ("Account/AccessDenied", Trainee, true),
        ("Account/Manage", Trainee, false),
        ("Account/Manage/Email", Trainee, true),
        ("Account/Manage/ChangePassword", Trainee, true),
        ("Account/Manage/PersonalData", Trainee, true),
        ("org/courses", Organiser, false),
        ("org/courses/{ctbc-course}/applicants", Organiser, false),
        ("org/courses/{ctbc-course}/attendance", Organiser, false),
        ("org/courses/{ctbc-course}/import", Organiser, false),
        ("office/board", Office, false),
        ("office/courses", Office, false),
        ("office/credits", Office, false),
        ("office/disbursements", Office, false),
        ("office/sanctions", Office, false),
        ("office/organisers", Office, false),
        ("office/codes", Office, false),
        ("office/codes?table=IndustryDivision", Office, false),
        ("office/reports", Office, false),
        ("office/applications/{alumna-application}", Office, false),
        ("office/audit", Office, false),
        ("office/audit?action=nationalid.read&page=1", Office, false),
        ("office/privacy", Office, false),
        ("office/mail", Office, false),
        ("office/mail?status=Failed", Office, false),
        ("privacy", Visitor, false),
        ("accessibility", Visitor, false),
        ("dev/mailbox", Visitor, false),
    ];

    public static TheoryData<string, string, int> Cases()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var width in new[] { Phone, Laptop })
            foreach (var (route, who, _) in Pages)
                data.Add(route, who.Length == 0 ? "visitor" : who, width);
        return data;
    }

    private static readonly ConcurrentDictionary<(string App, string Email), string> SignedIn = new();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_page_fits_the_screen_and_passes_axe(string route, string who, int width)
    {
        var email = who == "visitor" ? Visitor : who;
        var isStatic = Pages.Single(p => p.Route == route && p.As == email).Static;
        var page = await browser.NewPageAsync(app.BaseUrl, width, width == Phone ? 844 : 900, await StorageStateAsync(email));
        var url = await ResolveAsync(app, route);

        var response = await page.GotoAsync(url);
        Assert.True(response is { Ok: true }, $"{url} answered {response?.Status}");
        Security.SecurityHeadersTests.AssertHardened(url, (await response!.AllHeadersAsync()).ToDictionary(h => h.Key, h => (string?)h.Value));
        await page.Locator(isStatic ? "main[data-interactive]" : "main[data-interactive='True']").WaitForAsync();
        // Loading bars give way to the content.
        await Assertions.Expect(page.Locator(".mud-progress-indeterminate")).ToHaveCountAsync(0);
        // Fonts and images in place before the picture; the circuit's socket never lets the network go idle for long.
        await page.WaitForFunctionAsync("() => document.fonts.status === 'loaded' && [...document.images].every(i => i.complete)");

        var name = $"sweep-{width}-{Slug(route)}-{(email.Length == 0 ? "visitor" : email.Split('@')[0])}";
        await page.ScreenshotAsync(name);

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{url} at {width}px is {overflow}px wider than the screen (see {name}.png)");

        await page.AssertNoSeriousViolationsAsync();
        await page.Context.CloseAsync();
    }

    private async Task<string?> StorageStateAsync(string email)
    {
        if (email.Length == 0) return null;
        if (SignedIn.TryGetValue((app.BaseUrl, email), out var state)) return state;
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.AsAsync(email);
        state = await page.Context.StorageStateAsync();
        await page.Context.CloseAsync();
        return SignedIn[(app.BaseUrl, email)] = state;
    }

    /// <summary>The route with its placeholders replaced by the demo data's ids.</summary>
    internal static async Task<string> ResolveAsync(AppFixture app, string route)
    {
        await using var db = app.CreateDbContext();
        if (route.Contains("{course}"))
            route = route.Replace("{course}", (await db.Courses.SingleAsync(c => c.Name == "AI+大數據分析應用實務")).Id.ToString());
        if (route.Contains("{ctbc-course}"))
            route = route.Replace("{ctbc-course}", (await db.Courses.SingleAsync(c => c.Name == "AI智慧防詐(臺南班)")).Id.ToString());
        if (route.Contains("{alumna-application}"))
        {
            var alumna = await db.Users.SingleAsync(u => u.Email == Alumna);
            var id = await db.Applications
                .Where(a => a.MemberId == alumna.Id && a.Course.Name == "Python資料科學入門")
                .Select(a => a.Id).SingleAsync();
            route = route.Replace("{alumna-application}", id.ToString());
        }
        return route;
    }

    private static string Slug(string route) =>
        route.Length == 0 ? "home" : new string(route.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-' ? ch : '_').ToArray()).Trim('_');
}
