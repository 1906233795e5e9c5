using System.Net;
using AiGO.Domain.Accounts;
using AiGO.Tests.Infrastructure;
using AiGO.Tests.Site;
using AiGO.Web.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AiGO.Tests.Security;

/// <summary>
/// Issue 18 item 6: every answer — each route of SPEC §13 as whoever uses it, files, redirects, refusals — carries
/// the Content-Security-Policy and the other headers; no Server header. (The browser tests check that no page
/// breaks the policy: BrowserFixture fails a test on any reported violation.)
/// </summary>
[Collection(AppCollection.Name)]
public class SecurityHeadersTests(AppFixture app)
{
    internal static void AssertHardened(string url, IReadOnlyDictionary<string, string?> headers)
    {
        string? Header(string name) => headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        var csp = Header("Content-Security-Policy");
        Assert.True(csp is not null, $"{url} has no Content-Security-Policy");
        foreach (var directive in new[] { "default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'" })
            Assert.True(csp.Contains(directive, StringComparison.Ordinal), $"{url}: the policy lacks {directive}: {csp}");
        // Scripts from this site and one nonce: no 'unsafe-inline', no 'unsafe-eval'.
        Assert.Matches(@"(^|; )script-src 'self' 'nonce-[A-Za-z0-9+/]{22}=='(;|$)", csp);
        Assert.Equal(("nosniff", "strict-origin-when-cross-origin", "DENY"),
            (Header("X-Content-Type-Options"), Header("Referrer-Policy"), Header("X-Frame-Options")));
        Assert.True(Header("Server") is null, $"{url} names its server: {Header("Server")}");
    }

    internal static Dictionary<string, string?> HeadersOf(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => (string?)string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);

    public static TheoryData<string, string> Routes()
    {
        var data = new TheoryData<string, string>();
        foreach (var (route, who, _) in EveryPageFitsTests.Pages) data.Add(route, who.Length == 0 ? "visitor" : who);
        return data;
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Every_page_answers_with_the_security_headers(string route, string who)
    {
        using var client = HtmlForms.Client(app);
        if (who != "visitor") Assert.Equal(HttpStatusCode.Redirect, (await HtmlForms.SignInAsync(client, who, SignIn.DemoPassword)).StatusCode);
        var url = await EveryPageFitsTests.ResolveAsync(app, route);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertHardened(url, HeadersOf(response));
    }

    [Theory]
    [InlineData("_framework/blazor.web.js", HttpStatusCode.OK)]
    [InlineData("app.css", HttpStatusCode.OK)]
    [InlineData("healthz", HttpStatusCode.OK)]
    [InlineData("my/courses", HttpStatusCode.Redirect)]
    [InlineData("office/audit.xlsx", HttpStatusCode.Redirect)]
    [InlineData("courses?page=abc", HttpStatusCode.BadRequest)]
    [InlineData("no/such/page", HttpStatusCode.NotFound)]
    public async Task Files_redirects_and_refusals_carry_them_too(string url, HttpStatusCode status)
    {
        using var client = HtmlForms.Client(app);

        var response = await client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        AssertHardened(url, HeadersOf(response));
    }

    [Fact]
    public async Task Antiforgery_does_not_put_back_x_frame_options_sameorigin()
    {
        using var client = HtmlForms.Client(app);

        var response = await client.GetAsync("Account/Login");

        Assert.Equal(["DENY"], response.Headers.GetValues("X-Frame-Options"));
    }
}

/// <summary>The app as in Production, on https, with the secrets Production requires.</summary>
public sealed class ProductionApp : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"aigo-prod-{Guid.NewGuid():N}");

    public WebApplicationFactory<Program> Factory { get; }

    public ProductionApp()
    {
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Data:Folder", _folder);
            b.UseSetting("Hosting:HttpsRedirection", "false");
            foreach (var (key, value) in AiGO.Tests.Site.ProductionStartTests.ProductionKeys(_folder)) b.UseSetting(key, value);
        });
    }

    public HttpClient Client() => Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://aigo.example.tw/") });

    public async Task<string> CreateMemberAsync(string password)
    {
        var email = $"prod-{Guid.NewGuid():N}@example.tw";
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var created = await users.CreateAsync(new AppUser { UserName = email, Email = email, DisplayName = "正式環境學員", EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow }, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        return email;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }
}

/// <summary>Issue 18 items 6 and 7 outside Development: HSTS for a year with sub-domains, and cookies that only travel over TLS.</summary>
public class ProductionTransportTests
{
    [Fact]
    public async Task Https_answers_carry_hsts_for_a_year_with_subdomains_and_no_server_header()
    {
        await using var prod = new ProductionApp();
        using var client = prod.Client();

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["max-age=31536000; includeSubDomains"], response.Headers.GetValues("Strict-Transport-Security"));
        SecurityHeadersTests.AssertHardened("/", SecurityHeadersTests.HeadersOf(response));
    }

    [Fact]
    public async Task The_antiforgery_cookie_is_secure_and_the_sign_in_cookie_is_a_host_only_secure_cookie()
    {
        await using var prod = new ProductionApp();
        var email = await prod.CreateMemberAsync("Prod-pass-2026!");
        using var client = prod.Client();

        var login = await client.GetAsync("Account/Login");
        var antiforgery = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);

        var signedIn = await HtmlForms.SignInAsync(client, email, "Prod-pass-2026!");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(CookieSecurity.SignInCookie + "=", StringComparison.Ordinal));
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("path=/", attributes);
        Assert.Contains("httponly", attributes);
        Assert.DoesNotContain(attributes, a => a.StartsWith("domain=", StringComparison.Ordinal));
        // The cookie works: the member's page opens with it.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("my/courses")).StatusCode);
    }
}
