using AiGO.Domain.Accounts;
using AiGO.Tests.Infrastructure;
using AiGO.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiGO.Tests.Accounts;

[Collection(AppCollection.Name)]
public class RegistrationJourneyTests(AppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task A_visitor_registers_confirms_the_email_signs_in_and_sees_their_name()
    {
        var email = AccountTestData.UniqueEmail("journey");
        const string name = "林美玲";
        const string password = "Journey-pass-2026";
        var page = await browser.NewPageAsync(app.BaseUrl);

        // 註冊/登入 → AiGO 登入
        await page.GotoInteractiveAsync("");
        await page.GetByRole(AriaRole.Link, new() { Name = "註冊/登入" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "AiGO 登入" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "忘記密碼" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("accounts-01-login");
        await page.AssertNoSeriousViolationsAsync();

        // 沒有帳號嗎? → the personal-data notice; no way forward without the tick
        await page.GetByRole(AriaRole.Link, new() { Name = "沒有帳號嗎?" }).ClickAsync();
        await page.Locator("main[data-interactive='True']").WaitForAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "個資宣告" })).ToBeVisibleAsync();
        await Expect(page.GetByText("蒐集個人資料告知事項：")).ToBeVisibleAsync();
        await Expect(page.GetByText("您瞭解此一同意書符合個人資料保護法及相關法規之要求，且同意本署留存此同意書，供日後取出查驗。")).ToBeVisibleAsync();
        await Expect(page.GetByText("本人已充分知悉貴署上述告知事項。")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync();
        await Expect(page.GetByText("請先閱讀並勾選同意個人資料告知事項，才能繼續註冊")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "會員註冊(* 為必填項目)" })).ToHaveCountAsync(0);
        await page.ScreenshotAsync("accounts-02-consent-required");
        await page.AssertNoSeriousViolationsAsync();

        await page.GetByLabel(PrivacyNotice.ConsentText).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "會員註冊(* 為必填項目)" })).ToBeVisibleAsync();
        await Expect(page.Locator("label[for=reg-password]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^密碼 長度為8~64個字元"));

        // Live validation, before 送出
        await page.Locator("#reg-name").FillAsync(name);
        await page.Locator("#reg-email").FillAsync(email);
        await page.Locator("#reg-password").FillAsync(password);
        await page.Locator("#reg-confirm").FillAsync(password + "x");
        var mismatch = page.GetByText("兩次輸入的密碼不一致");
        await Expect(mismatch).ToBeVisibleAsync();
        await Expect(page.Locator("#reg-confirm")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.ScreenshotAsync("accounts-03-register-live-error");
        await page.AssertNoSeriousViolationsAsync();

        await page.Locator("#reg-confirm").FillAsync(password);
        await Expect(mismatch).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "送出" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "註冊完成" })).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.ScreenshotAsync("accounts-04-registered");

        // The account: 學員, consent version and time, not yet confirmed
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(email);
            Assert.NotNull(user);
            Assert.Equal(name, user.DisplayName);
            Assert.Equal(PrivacyNotice.Version, user.PrivacyConsentVersion);
            Assert.NotNull(user.PrivacyConsentedAt);
            Assert.False(user.EmailConfirmed);
            Assert.True(await users.IsInRoleAsync(user, Roles.Trainee));
        }

        // Both mails over real SMTP, in the manual's words
        var welcome = await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(email) && m.Subject == "歡迎加入AIGO");
        Assert.Equal("AIGO 團隊", welcome.From.Mailboxes.Single().Name);
        Assert.Contains($"{name}您好，歡迎加入 AIGO!", welcome.TextBody);
        Assert.Contains("填寫基本資料方法：登入後點擊右上角您的姓名，從下拉式選單進入「帳號管理」。", welcome.TextBody);
        Assert.Contains("請先至培訓課程填寫申請表單並完成一門線上自學課程或上傳學習積分，經審核通過取得課程申請資格，方可選課，合格者通知報名與繳費", welcome.TextBody);
        var confirmation = await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(email) && m.Subject == "AIGO 會員信箱驗證");

        await page.GotoAsync(AccountTestData.LinkIn(confirmation, "Account/ConfirmEmail"));
        await Expect(page.GetByText("您的信箱已完成驗證，現在可以申請培訓課程補助。")).ToBeVisibleAsync();
        await page.ScreenshotAsync("accounts-05-email-confirmed");
        await using (var db = app.CreateDbContext())
            Assert.True((await db.Users.SingleAsync(u => u.Email == email)).EmailConfirmed);

        // Sign in: {姓名} in the top menu
        await AccountTestData.SignInAsync(page, email, password);
        await page.Locator("main[data-interactive='True']").WaitForAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "主選單" }).GetByRole(AriaRole.Button, new() { Name = name })).ToBeVisibleAsync();
        await page.ScreenshotAsync("accounts-06-signed-in");
    }

    [Fact]
    public async Task An_address_already_registered_is_refused_whatever_its_case()
    {
        var local = $"dup-{Guid.NewGuid():N}";
        await using var scope = app.Services.CreateAsyncScope();
        var register = scope.ServiceProvider.GetRequiredService<RegisterMember>();
        var first = await register.RegisterAsync(Request($"{local}@Example.TW"), "198.51.100.1");
        Assert.True(first.Succeeded, string.Join("; ", first.Errors.Values));

        var second = await register.RegisterAsync(Request($"{local.ToUpperInvariant()}@example.tw"), "198.51.100.1");

        Assert.Equal(RegisterMember.DuplicateEmailMessage, second.Errors[RegistrationField.Email]);
        Assert.Equal(RegisterMember.DuplicateEmailMessage, await register.CheckEmailAsync($"{local}@EXAMPLE.tw"));
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.Users.CountAsync(u => u.NormalizedEmail == $"{local}@EXAMPLE.TW".ToUpperInvariant()));
        // One welcome and one confirmation, not two of each
        Assert.Equal(2, await db.Outbox.CountAsync(m => m.ToAddress == $"{local}@Example.TW"));
    }

    [Fact]
    public async Task The_form_says_while_typing_that_an_address_is_taken_whatever_its_case()
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.GotoInteractiveAsync("Account/Register");
        await page.GetByLabel(PrivacyNotice.ConsentText).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync();

        await page.Locator("#reg-email").FillAsync("Trainee@AIGO.example.tw");

        await Expect(page.GetByText(RegisterMember.DuplicateEmailMessage)).ToBeVisibleAsync();
        await Expect(page.Locator("#reg-email")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.Locator("#reg-email").FillAsync("someone-new@aigo.example.tw");
        await Expect(page.GetByText(RegisterMember.DuplicateEmailMessage)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_server_checks_every_rule_again_whatever_the_form_let_through()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var register = scope.ServiceProvider.GetRequiredService<RegisterMember>();

        var result = await register.RegisterAsync(new RegistrationRequest { Consented = false, Name = "", Email = "not-an-email", Password = "Q7#zp", ConfirmPassword = "other" }, "198.51.100.2");

        Assert.Equal("請先閱讀並勾選同意個人資料告知事項，才能繼續註冊", result.Errors[RegistrationField.Consent]);
        Assert.Equal("請填入姓名", result.Errors[RegistrationField.Name]);
        Assert.StartsWith("Email 格式不正確", result.Errors[RegistrationField.Email]);
        Assert.Equal("密碼長度至少需8個字元", result.Errors[RegistrationField.Password]);
        Assert.Equal("兩次輸入的密碼不一致", result.Errors[RegistrationField.ConfirmPassword]);
        Assert.Equal("密碼長度不可超過64個字元", await register.CheckPasswordAsync(new string('x', 65)));
    }

    private static RegistrationRequest Request(string email) => new()
    {
        Consented = true, Name = "重複測試", Email = email, Password = "Duplicate-2026", ConfirmPassword = "Duplicate-2026",
    };
}
