using AiGO.Tests.Accounts;
using AiGO.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiGO.Tests.Office;

/// <summary>開課單位帳號 in the browser: an invited staff account sets its own password and sees only its organiser's courses.</summary>
[Collection(AppCollection.Name)]
public class OrganiserAccountsJourneyTests(AppFixture app, BrowserFixture browser)
{
    private const string Teca = "社團法人台灣電子連接產業協會";

    [Fact]
    public async Task An_invited_staff_account_sets_its_password_sees_only_its_organisers_courses_and_ends_when_removed()
    {
        var email = AccountTestData.UniqueEmail("staff");
        var office = await browser.NewPageAsync(app.BaseUrl);
        await office.AsAsync("office@aigo.example.tw", returnUrl: "office/organisers");
        await Expect(office.GetByRole(AriaRole.Heading, new() { Name = "開課單位帳號", Level = 1 })).ToBeVisibleAsync();
        await office.Locator("main[data-interactive='True']").WaitForAsync();
        var card = office.GetByTestId("organiser").Filter(new() { Has = office.GetByRole(AriaRole.Heading, new() { Name = Teca }) });
        await Expect(card).ToContainTextAsync("統一編號 08040005");

        await card.GetByLabel("承辦人信箱（登入帳號）").FillAsync("not-an-address");
        await card.GetByRole(AriaRole.Button, new() { Name = $"邀請承辦人（{Teca}）" }).ClickAsync();
        await Expect(card).ToContainTextAsync("請填入姓名");
        await card.GetByLabel("承辦人姓名").FillAsync("邱承辦");
        await card.GetByLabel("承辦人信箱（登入帳號）").FillAsync(email);
        await card.GetByRole(AriaRole.Button, new() { Name = $"邀請承辦人（{Teca}）" }).ClickAsync();
        await Expect(card).ToContainTextAsync($"已寄出邀請信給{email}");
        await Expect(card.GetByTestId("staff").Filter(new() { HasText = email })).ToContainTextAsync("尚未設定密碼");
        await office.ScreenshotAsync("office-organisers");
        await office.AssertNoSeriousViolationsAsync();
        await office.SetViewportSizeAsync(390, 844);
        await office.ScreenshotAsync("office-organisers-phone");
        Assert.True(await office.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0, "the page is wider than a phone");
        await office.SetViewportSizeAsync(1280, 900);

        var mail = await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(email) && m.Subject == $"AIGO培訓中心帳號邀請（{Teca}）");
        var staff = await browser.NewPageAsync(app.BaseUrl);
        await staff.GotoAsync(AccountTestData.LinkIn(mail, "Account/ResetPassword"));
        await staff.GetByLabel("新密碼 長度為8~64個字元").FillAsync("Staff-pass-2026");
        await staff.GetByLabel("確認新密碼").FillAsync("Staff-pass-2026");
        await staff.GetByRole(AriaRole.Button, new() { Name = "重設密碼" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "密碼已重設" })).ToBeVisibleAsync();
        await staff.AsAsync(email, "Staff-pass-2026", "org/courses");
        await Expect(staff.GetByText("AI+大數據分析應用實務")).ToBeVisibleAsync();
        await Expect(staff.GetByText("AI智慧防詐(臺南班)")).ToHaveCountAsync(0);

        await office.ReloadAsync();
        await office.Locator("main[data-interactive='True']").WaitForAsync();
        var row = card.GetByTestId("staff").Filter(new() { HasText = email });
        await Expect(row).ToContainTextAsync("已啟用");
        await row.GetByRole(AriaRole.Button, new() { Name = "停用邱承辦的帳號" }).ClickAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "停用", Exact = true }).ClickAsync();
        await Expect(card).ToContainTextAsync("已停用邱承辦的帳號。");

        await using var db = app.CreateDbContext();
        Assert.Equal(["role.grant", "role.revoke"], await db.AuditLog.Where(e => e.Details.Contains(email)).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        var signIn = await browser.NewPageAsync(app.BaseUrl);
        await AccountTestData.SignInAsync(signIn, email, "Staff-pass-2026");
        await Expect(signIn.GetByRole(AriaRole.Heading, new() { Name = "帳號已暫時鎖定" })).ToBeVisibleAsync();
    }
}
