using System.Net;
using AiGO.Tests.Accounts;
using AiGO.Tests.Infrastructure;

namespace AiGO.Tests.Security;

/// <summary>
/// Issue 18 item 5: a hostile value gets a safe redirect or a Chinese refusal, never HTTP 500 — after a correct
/// password, at logout, and in the catalogue's query string.
/// </summary>
[Collection(AppCollection.Name)]
public class HostileInputTests(AppFixture app)
{
    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("http://evil.example/steal")]
    [InlineData("//evil.example")]
    [InlineData("///evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(document.cookie)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("my/courses\r\nSet-Cookie: x=1")]
    public async Task A_hostile_return_url_after_a_correct_password_signs_in_and_goes_home(string returnUrl)
    {
        var email = AccountTestData.UniqueEmail("return");
        await AccountTestData.CreateMemberAsync(app, email);
        using var client = HtmlForms.Client(app);

        var response = await HtmlForms.SignInAsync(client, email, AccountTestData.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri(app.BaseUrl), new Uri(new Uri(app.BaseUrl), response.Headers.Location!));
        // Signed in: the member's own page opens.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("my/courses")).StatusCode);
    }

    [Theory]
    [InlineData("my/courses", "my/courses")]
    [InlineData("/my/courses?tab=1", "my/courses?tab=1")]
    [InlineData("courses/1/apply", "courses/1/apply")]
    public async Task A_return_url_on_this_site_is_still_followed(string returnUrl, string expected)
    {
        var email = AccountTestData.UniqueEmail("return-ok");
        await AccountTestData.CreateMemberAsync(app, email);
        using var client = HtmlForms.Client(app);

        var response = await HtmlForms.SignInAsync(client, email, AccountTestData.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri(new Uri(app.BaseUrl), expected), new Uri(new Uri(app.BaseUrl), response.Headers.Location!));
    }

    [Fact]
    public async Task A_return_url_given_as_this_sites_full_address_is_followed()
    {
        var email = AccountTestData.UniqueEmail("return-abs");
        await AccountTestData.CreateMemberAsync(app, email);
        using var client = HtmlForms.Client(app);

        var response = await HtmlForms.SignInAsync(client, email, AccountTestData.Password, app.BaseUrl + "my/courses");

        Assert.Equal(new Uri(app.BaseUrl + "my/courses"), new Uri(new Uri(app.BaseUrl), response.Headers.Location!));
    }

    [Theory]
    [InlineData("/evil.example", "evil.example")]
    [InlineData("//evil.example", "")]
    [InlineData("https://evil.example/", "")]
    [InlineData("/\\evil.example", "")]
    [InlineData("javascript:alert(1)", "")]
    [InlineData("", "")]
    public async Task Logout_with_a_hostile_return_url_signs_out_and_stays_on_this_site(string returnUrl, string expected)
    {
        var email = AccountTestData.UniqueEmail("logout");
        await AccountTestData.CreateMemberAsync(app, email);
        using var client = HtmlForms.Client(app);
        Assert.Equal(HttpStatusCode.Redirect, (await HtmlForms.SignInAsync(client, email, AccountTestData.Password)).StatusCode);

        var response = await HtmlForms.SubmitAsync(client, "my/courses", new Dictionary<string, string> { ["ReturnUrl"] = returnUrl }, action: "Account/Logout");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri(new Uri(app.BaseUrl), expected), new Uri(new Uri(app.BaseUrl), response.Headers.Location!));
        // Signed out: the member's page sends to the login page again.
        var after = await client.GetAsync("my/courses");
        Assert.Contains("Account/Login", after.Headers.Location?.ToString() ?? await after.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("courses?page=abc")]
    [InlineData("courses?page=1e20")]
    [InlineData("courses?page=99999999999")]
    [InlineData("courses?org=abc")]
    [InlineData("courses?org=99999999999")]
    [InlineData("courses?past=maybe")]
    [InlineData("courses?year=二〇二七")]
    [InlineData("courses?page=1&page=x")]
    public async Task An_unreadable_query_value_gets_400_and_a_chinese_page(string url) => await AssertRefusedAsync(HtmlForms.Client(app), url);

    [Theory]
    [InlineData("office/board?page=abc")]
    [InlineData("office/board?org=1e3")]
    [InlineData("office/audit?page=x")]
    [InlineData("office/mail?open=not-a-guid")]
    [InlineData("office/reports?year=next")]
    public async Task The_office_pages_refuse_an_unreadable_query_value_the_same_way(string url)
    {
        var client = HtmlForms.Client(app);
        Assert.Equal(HttpStatusCode.Redirect, (await HtmlForms.SignInAsync(client, "office@aigo.example.tw", SignIn.DemoPassword)).StatusCode);
        await AssertRefusedAsync(client, url);
    }

    private static async Task AssertRefusedAsync(HttpClient owned, string url)
    {
        using var client = owned;

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>無法處理此要求</h1>", body);
        Assert.Contains("網址中的參數格式不正確", body);
    }

    [Theory]
    [InlineData("courses?page=2147483647")]
    [InlineData("courses?page=-5")]
    [InlineData("courses?page=")]
    [InlineData("courses?org=2147483647")]
    [InlineData("courses?year=99999")]
    [InlineData("courses?year=-1")]
    [InlineData("courses?q=%27%20OR%201%3D1--&venue=%3Cscript%3E")]
    public async Task A_readable_but_odd_query_value_gets_the_catalogue(string url)
    {
        using var client = HtmlForms.Client(app);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>實體培訓課程</h1>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_address_gets_404_and_a_chinese_page()
    {
        using var client = HtmlForms.Client(app);

        var response = await client.GetAsync("no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>找不到頁面</h1>", await response.Content.ReadAsStringAsync());
    }
}
