using System.Net;
using System.Text.RegularExpressions;

namespace AiGO.Tests.Infrastructure;

/// <summary>Posts the app's static server-rendered forms over plain HTTP, antiforgery token included, as a browser would.</summary>
public static partial class HtmlForms
{
    /// <summary>A client of the app that keeps its cookies and shows redirects instead of following them.</summary>
    public static HttpClient Client(AppFixture app) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(app.BaseUrl) };

    /// <summary>The hidden fields (<c>_handler</c>, <c>__RequestVerificationToken</c> …) of the form with this action, or of the page's first form.</summary>
    public static Dictionary<string, string> HiddenFields(string html, string? action = null)
    {
        var forms = FormPattern().Matches(html).Select(m => m.Value);
        var form = action is null ? forms.First() : forms.First(f => f.Contains($"action=\"{action}\"", StringComparison.Ordinal));
        return HiddenPattern().Matches(form)
            .Select(m => (Name: NamePattern().Match(m.Value).Groups[1].Value, Value: ValuePattern().Match(m.Value).Groups[1].Value))
            .Where(f => f.Name.Length > 0)
            .ToDictionary(f => f.Name, f => WebUtility.HtmlDecode(f.Value));
    }

    /// <summary>Opens <paramref name="pageUrl"/>, then posts its form with the hidden fields and <paramref name="fields"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, IDictionary<string, string> fields, string? action = null, string? postUrl = null)
    {
        var page = await client.GetStringAsync(pageUrl);
        var form = HiddenFields(page, action);
        foreach (var (name, value) in fields) form[name] = value;
        return await client.PostAsync(postUrl ?? action ?? pageUrl, new FormUrlEncodedContent(form));
    }

    /// <summary>Signs in through the login form (correct password) with this ReturnUrl; returns the login POST's answer.</summary>
    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password, string? returnUrl = null)
    {
        var url = "Account/Login" + (returnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        return SubmitAsync(client, url, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
    }

    [GeneratedRegex(@"<form\b[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();
    [GeneratedRegex(@"<input\b[^>]*type=""hidden""[^>]*>")]
    private static partial Regex HiddenPattern();
    [GeneratedRegex(@"\bname=""([^""]*)""")]
    private static partial Regex NamePattern();
    [GeneratedRegex(@"\bvalue=""([^""]*)""")]
    private static partial Regex ValuePattern();
}
