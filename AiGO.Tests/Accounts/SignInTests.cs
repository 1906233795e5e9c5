using AiGO.Domain.Office;
using AiGO.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiGO.Tests.Accounts;

[Collection(AppCollection.Name)]
public class SignInTests(AppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var email = AccountTestData.UniqueEmail("lockout");
        await AccountTestData.CreateMemberAsync(app, email);
        var page = await browser.NewPageAsync(app.BaseUrl);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await AccountTestData.SignInAsync(page, email, "wrong-password-" + attempt);
            await Expect(page.GetByText("錯誤：信箱或密碼不正確。")).ToBeVisibleAsync();
        }
        await AccountTestData.SignInAsync(page, email, "wrong-password-5");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "帳號已暫時鎖定" })).ToBeVisibleAsync();

        await AccountTestData.SignInAsync(page, email, AccountTestData.Password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "帳號已暫時鎖定" })).ToBeVisibleAsync();
        await Expect(page.GetByText("登入失敗次數過多，為保護您的帳號，已暫時鎖定 15 分鐘，請稍後再試。")).ToBeVisibleAsync();
        await page.ScreenshotAsync("accounts-07-locked-out");

        // 稽核紀錄 holds the lockout once, not once per attempt made while it lasts.
        await using var db = app.CreateDbContext();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var lockouts = await db.AuditLog.Where(e => e.Action == AuditActions.Lockout && e.EntityId == userId).ToListAsync();
        Assert.Single(lockouts);
        Assert.Contains(email, lockouts[0].Details);
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_through_the_mailed_link()
    {
        var email = AccountTestData.UniqueEmail("reset");
        await AccountTestData.CreateMemberAsync(app, email, "黃小明");
        var page = await browser.NewPageAsync(app.BaseUrl);

        await page.GotoAsync("Account/Login");
        await page.GetByRole(AriaRole.Link, new() { Name = "忘記密碼" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "忘記密碼" })).ToBeVisibleAsync();
        await page.GetByLabel("信箱").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "寄送重設密碼信" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "重設密碼信已寄出" })).ToBeVisibleAsync();

        var mail = await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(email) && m.Subject == "AIGO 重設密碼");
        Assert.Contains("黃小明您好：", mail.TextBody);
        await page.GotoAsync(AccountTestData.LinkIn(mail, "Account/ResetPassword"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "重設密碼" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("信箱")).ToHaveValueAsync(email);
        await page.GetByLabel("新密碼 長度為8~64個字元").FillAsync("Brand-new-2026");
        await page.GetByLabel("確認新密碼").FillAsync("Brand-new-2026");
        await page.ScreenshotAsync("accounts-08-reset-password");
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "重設密碼" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "密碼已重設" })).ToBeVisibleAsync();

        await AccountTestData.SignInAsync(page, email, AccountTestData.Password);
        await Expect(page.GetByText("錯誤：信箱或密碼不正確。")).ToBeVisibleAsync();
        await AccountTestData.SignInAsync(page, email, "Brand-new-2026");
        await page.Locator("main[data-interactive='True']").WaitForAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "黃小明" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_reset_link_that_was_tampered_with_is_refused_in_chinese()
    {
        var email = AccountTestData.UniqueEmail("badreset");
        await AccountTestData.CreateMemberAsync(app, email);
        var page = await browser.NewPageAsync(app.BaseUrl);

        await page.GotoAsync($"Account/ResetPassword?email={Uri.EscapeDataString(email)}&code=bm90LWEtdG9rZW4");
        await page.GetByLabel("新密碼 長度為8~64個字元").FillAsync("Brand-new-2026");
        await page.GetByLabel("確認新密碼").FillAsync("Brand-new-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "重設密碼" }).ClickAsync();

        await Expect(page.GetByText("錯誤：連結無效或已過期，請重新申請")).ToBeVisibleAsync();
    }
}
