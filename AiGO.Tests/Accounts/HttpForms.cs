using System.Net;
using System.Text.RegularExpressions;
using AiGO.Tests.Infrastructure;

namespace AiGO.Tests.Accounts;

/// <summary>A plain HTTP client with its own cookie jar that fills the static account forms as a browser would.</summary>
public static partial class HttpForms
{
    public static HttpClient NewClient(AppFixture app, CookieContainer jar, string? host = null)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = true }) { BaseAddress = new Uri(app.BaseUrl) };
        if (host is not null) client.DefaultRequestHeaders.Host = host;
        return client;
    }

    /// <summary>GETs the page for its antiforgery token, then posts the named form; the response is where the redirects end.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string formName, IReadOnlyDictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        var token = Token().Match(page);
        Assert.True(token.Success, $"No antiforgery token on {path}: {page[..Math.Min(page.Length, 300)]}");
        var form = new Dictionary<string, string>(fields) { ["_handler"] = formName, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    public static async Task SignInAsync(HttpClient client, string email, string password = AccountTestData.Password)
    {
        var signedIn = await PostAsync(client, "Account/Login", "login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal("/", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
    }

    /// <summary>The path a GET ends on after redirects: the page itself when signed in, /Account/Login when not.</summary>
    public static async Task<string> LandingPathAsync(HttpClient client, string path) =>
        (await client.GetAsync(path)).RequestMessage!.RequestUri!.AbsolutePath;

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
