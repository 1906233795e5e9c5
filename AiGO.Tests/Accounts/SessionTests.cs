using AiGO.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiGO.Tests.Accounts;

/// <summary>An app of its own that re-checks security stamps every second, so a test need not wait a minute.</summary>
public sealed class QuickRevalidationApp : IAsyncLifetime
{
    public AppFixture App { get; } = new(new Dictionary<string, string> { ["Accounts:Session:RevalidationInterval"] = "00:00:01" });

    public Task InitializeAsync() => ((IAsyncLifetime)App).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}

public class SessionTests(QuickRevalidationApp quick, BrowserFixture browser) : IClassFixture<QuickRevalidationApp>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Changing_the_password_signs_out_the_other_sessions_but_not_this_one()
    {
        var app = quick.App;
        var email = AccountTestData.UniqueEmail("stamp");
        await AccountTestData.CreateMemberAsync(app, email, "張家豪");
        var here = await browser.NewPageAsync(app.BaseUrl);
        var elsewhere = await browser.NewPageAsync(app.BaseUrl);
        await AccountTestData.SignInAsync(here, email, AccountTestData.Password);
        await AccountTestData.SignInAsync(elsewhere, email, AccountTestData.Password);
        await Expect(elsewhere.GetByRole(AriaRole.Button, new() { Name = "張家豪" })).ToBeVisibleAsync();

        await here.GotoAsync("Account/Manage/ChangePassword");
        await here.GetByLabel("目前密碼").FillAsync(AccountTestData.Password);
        await here.GetByLabel("新密碼 長度為8~64個字元").FillAsync("Changed-pass-2026");
        await here.GetByLabel("確認新密碼").FillAsync("Changed-pass-2026");
        await here.AssertNoSeriousViolationsAsync();
        await here.GetByRole(AriaRole.Button, new() { Name = "變更密碼" }).ClickAsync();
        await Expect(here.GetByText("密碼已變更，其他裝置上的登入將自動登出。")).ToBeVisibleAsync();
        await Task.Delay(1500);

        await elsewhere.GotoAsync("Account/Manage");
        await Expect(elsewhere.GetByRole(AriaRole.Heading, new() { Name = "AiGO 登入" })).ToBeVisibleAsync();
        await here.GotoInteractiveAsync("Account/Manage");
        await Expect(here.GetByRole(AriaRole.Heading, new() { Name = "帳號管理", Exact = true })).ToBeVisibleAsync();
    }
}
