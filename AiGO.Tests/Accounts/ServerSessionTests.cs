using System.Net;
using System.Text.RegularExpressions;
using AiGO.Domain.Accounts;
using AiGO.Domain.Common;
using AiGO.Tests.Infrastructure;
using AiGO.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiGO.Tests.Accounts;

/// <summary>Logging out, changing the password or being disabled ends the sign-in on the server, not only in one browser.</summary>
[Collection(AppCollection.Name)]
public class ServerSessionTests(AppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task A_cookie_copied_before_logout_is_refused_after_it()
    {
        var email = AccountTestData.UniqueEmail("replay");
        await AccountTestData.CreateMemberAsync(app, email, "吳冠廷");
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.AsAsync(email, AccountTestData.Password);

        // The attacker's copy: every cookie of the signed-in browser, replayed from another client.
        var jar = new CookieContainer();
        foreach (var c in await page.Context.CookiesAsync())
            jar.Add(new System.Net.Cookie(c.Name, c.Value, c.Path, c.Domain));
        using var replay = HttpForms.NewClient(app, jar);
        Assert.Equal("/my/courses", await HttpForms.LandingPathAsync(replay, "my/courses"));

        await page.GetByRole(AriaRole.Button, new() { Name = "吳冠廷" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "登出" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "登入" }).First).ToBeVisibleAsync();

        Assert.Equal("/Account/Login", await HttpForms.LandingPathAsync(replay, "my/courses"));
        var download = await replay.PostAsync("Account/Manage/DownloadPersonalData", new FormUrlEncodedContent([]));
        Assert.NotEqual("application/json", download.Content.Headers.ContentType?.MediaType);
        await using var db = app.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        Assert.Equal(SessionEnd.SignedOut, (await db.UserSessions.SingleAsync(s => s.UserId == user.Id)).RevokedReason);
    }

    [Fact]
    public async Task An_open_page_goes_to_sign_in_within_5_seconds_of_logout_in_another_tab()
    {
        var email = AccountTestData.UniqueEmail("tabs");
        await AccountTestData.CreateMemberAsync(app, email, "蔡宗翰");
        var open = await browser.NewPageAsync(app.BaseUrl);
        await open.AsAsync(email, AccountTestData.Password);
        await open.GotoInteractiveAsync("my/courses");
        var other = await open.Context.NewPageAsync(); // a second tab: the same cookies
        await other.GotoInteractiveAsync("Account/Manage");

        await other.GetByRole(AriaRole.Button, new() { Name = "蔡宗翰" }).ClickAsync();
        await other.GetByRole(AriaRole.Menuitem, new() { Name = "登出" }).ClickAsync();

        await Expect(open).ToHaveURLAsync(new Regex("Account/Login"), new() { Timeout = 5_000 });
        await Expect(open.GetByRole(AriaRole.Heading, new() { Name = "AiGO 登入" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Changing_the_password_ends_every_other_sign_in_on_the_server()
    {
        var email = AccountTestData.UniqueEmail("pwchange");
        await AccountTestData.CreateMemberAsync(app, email);
        using var here = HttpForms.NewClient(app, new CookieContainer());
        using var elsewhere = HttpForms.NewClient(app, new CookieContainer());
        await HttpForms.SignInAsync(here, email);
        await HttpForms.SignInAsync(elsewhere, email);

        var changed = await HttpForms.PostAsync(here, "Account/Manage/ChangePassword", "change-password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = AccountTestData.Password, ["Input.NewPassword"] = "Changed-pass-2026", ["Input.ConfirmPassword"] = "Changed-pass-2026",
        });
        Assert.Contains("密碼已變更", await changed.Content.ReadAsStringAsync());

        Assert.Equal("/Account/Login", await HttpForms.LandingPathAsync(elsewhere, "my/courses"));
        Assert.Equal("/my/courses", await HttpForms.LandingPathAsync(here, "my/courses"));
    }

    [Fact]
    public async Task Removing_a_staff_account_ends_its_sign_ins()
    {
        await using var db = app.CreateDbContext();
        var organiserId = await db.Organisers.Select(o => o.Id).FirstAsync();
        var email = AccountTestData.UniqueEmail("staff");
        var staff = await AccountTestData.CreateMemberAsync(app, email, "承辦人甲");
        await db.Users.Where(u => u.Id == staff.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.OrganiserId, organiserId));
        using var client = HttpForms.NewClient(app, new CookieContainer());
        await HttpForms.SignInAsync(client, email);
        var sessions = app.Services.GetRequiredService<ServerSessions>();
        Assert.Equal(1, await sessions.CountLiveAsync(staff.Id));

        await using var scope = app.Services.CreateAsyncScope();
        var office = new Actor("office-test", "計畫辦公室", new HashSet<string> { Roles.Office }, null);
        var removed = await scope.ServiceProvider.GetRequiredService<OrganiserStaff>().RemoveAsync(office, staff.Id);
        Assert.True(removed.Succeeded, removed.Message);

        Assert.Equal(0, await sessions.CountLiveAsync(staff.Id));
        Assert.Equal("/Account/Login", await HttpForms.LandingPathAsync(client, "Account/Manage/ChangePassword"));
    }
}
