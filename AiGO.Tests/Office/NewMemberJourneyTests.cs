using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Tests.Accounts;
using AiGO.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiGO.Tests.Office;

/// <summary>The new member's whole road (<see cref="NewMemberJourney"/>) on the shared app.</summary>
[Collection(AppCollection.Name)]
public class NewMemberJourneyTests(AppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task A_new_member_registers_gets_credits_approved_applies_and_shows_on_the_open_board()
    {
        var trail = await NewMemberJourney.RunAsync(app, browser, "newcomer");
        await using var db = app.CreateDbContext();
        var memberId = await db.Users.Where(u => u.Email == trail.Email).Select(u => u.Id).SingleAsync();
        var application = await db.Applications.SingleAsync(a => a.CourseId == trail.CourseId && a.MemberId == memberId);
        Assert.Equal(ApplicationStatus.Approved, application.Status);
    }
}

/// <summary>What a journey typed and received: the values that must never reach a log.</summary>
public sealed record JourneyTrail(string Email, int CourseId, string NationalId, string Phone, string Mobile, string ConfirmationLink, IReadOnlyList<string> CookieValues);

/// <summary>
/// The whole road of a new member, with nothing seeded for them: register, confirm the address, upload a proof, have
/// it approved by the office, apply through the wizard, and appear on the office's open board at once.
/// </summary>
public static class NewMemberJourney
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public static async Task<JourneyTrail> RunAsync(AppFixture app, BrowserFixture browser, string emailPrefix)
    {
        var email = AccountTestData.UniqueEmail(emailPrefix);
        const string name = "張新生";
        const string password = "Newcomer-pass-2026";
        var courseId = await CourseIdAsync(app, "AI倫理與金融法規遵循");

        // Register with the consent, and confirm the address from the mail.
        var member = await browser.NewPageAsync(app.BaseUrl);
        await member.GotoInteractiveAsync("Account/Register");
        await member.GetByLabel(PrivacyNotice.ConsentText).CheckAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync();
        await member.Locator("#reg-name").FillAsync(name);
        await member.Locator("#reg-email").FillAsync(email);
        await member.Locator("#reg-password").FillAsync(password);
        await member.Locator("#reg-confirm").FillAsync(password);
        await member.GetByRole(AriaRole.Button, new() { Name = "送出" }).ClickAsync();
        await Expect(member.GetByRole(AriaRole.Heading, new() { Name = "註冊完成" })).ToBeVisibleAsync();
        var confirmation = await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(email) && m.Subject == "AIGO 會員信箱驗證");
        var confirmationLink = AccountTestData.LinkIn(confirmation, "Account/ConfirmEmail");
        await member.GotoAsync(confirmationLink);
        await Expect(member.GetByText("您的信箱已完成驗證，現在可以申請培訓課程補助。")).ToBeVisibleAsync();
        await AccountTestData.SignInAsync(member, email, password);
        await member.Locator("main[data-interactive='True']").WaitForAsync();

        // Upload a learning-credit proof in 帳號管理.
        await member.GotoInteractiveAsync("Account/Manage");
        await member.Locator("#credit-title").FillAsync("AI 概論結業證書");
        await member.Locator("#credit-points").FillAsync("2");
        await member.Locator("#credit-file").SetInputFilesAsync(new FilePayload { Name = "結業證書.png", MimeType = "image/png", Buffer = Png });
        await member.GetByRole(AriaRole.Button, new() { Name = "上傳" }).ClickAsync();
        await Expect(member.GetByText("已送出，待計畫辦公室審核")).ToBeVisibleAsync();

        // The office approves it in 學習積分審核.
        var office = await browser.NewPageAsync(app.BaseUrl);
        await office.AsAsync("office@aigo.example.tw", returnUrl: "office/credits");
        var card = office.GetByTestId("pending-proof").Filter(new() { HasText = name });
        await Expect(card).ToBeVisibleAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "通過", Exact = true }).ClickAsync();
        await Expect(card).ToHaveCountAsync(0);

        // The office's board for the course is open in its own browser context while the member applies.
        var board = await browser.NewPageAsync(app.BaseUrl);
        await board.AsAsync("office@aigo.example.tw", returnUrl: $"office/board?course={courseId}");
        await Expect(board.GetByTestId("board-total")).ToHaveTextAsync("共 0 筆申請");

        // The member applies through the wizard, filling the basic data for the first time.
        await member.GotoInteractiveAsync($"courses/{courseId}/apply");
        await Expect(member.GetByText("以下資訊會影響補助款核撥，請確實填寫")).ToBeVisibleAsync();
        var nationalId = AccountTestData.NewNationalId();
        await member.Locator("#pf-nid").FillAsync(nationalId);
        var birthday = member.GetByLabel("生日");
        await birthday.FillAsync("1995/07/15");
        await birthday.PressAsync("Enter");
        await ChooseAsync(member, "身分別", "學生");
        await member.GetByLabel("就學學校").FillAsync("國立成功大學");
        await member.GetByLabel("就學科系").FillAsync("統計學系");
        await member.GetByRole(AriaRole.Radio, new() { Name = "男" }).CheckAsync();
        await member.Locator("#pf-phone").FillAsync("0623456789");
        await member.Locator("#pf-mobile").FillAsync("0912345678");
        await member.Locator("#pf-years").FillAsync("1");
        await ChooseAsync(member, "在台居住地", "臺南市");
        await ChooseAsync(member, "特殊身份", "無");
        await ChooseAsync(member, "最高學歷", "碩士");
        await ChooseAsync(member, "您的參加培訓的動機為", "未來工作需要");
        await member.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync();
        await member.GetByRole(AriaRole.Radio, new() { Name = "同意", Exact = true }).CheckAsync();
        await member.GetByLabel("本人同意數位發展部數位產業署蒐集個人資料告知事項暨個人資料同意書 (勾選即顯示內容)").CheckAsync();
        await member.GetByLabel("本人同意數位發展部數位產業署「AI產業實戰應用人才淬煉計畫」參訓學員須知暨切結書 (勾選即顯示內容)").CheckAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "填寫完成" }).ClickAsync();
        await Expect(member.GetByTestId("wizard-status")).ToHaveTextAsync("已報名成功");

        // The open board shows it without a reload.
        await Expect(board.GetByTestId("board-total")).ToHaveTextAsync("共 1 筆申請", new() { Timeout = 2000 });
        await Expect(board.GetByTestId("application-table")).ToContainTextAsync(name);
        await board.ScreenshotAsync("office-05-new-member-on-board");
        var cookies = (await member.Context.CookiesAsync()).Concat(await board.Context.CookiesAsync()).Select(c => c.Value).ToList();
        return new JourneyTrail(email, courseId, nationalId, "0623456789", "0912345678", confirmationLink, cookies);
    }

    private static async Task ChooseAsync(IPage page, string label, string option)
    {
        await page.GetByRole(AriaRole.Combobox, new() { Name = label }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true })).ToHaveCountAsync(0);
    }

    private static async Task<int> CourseIdAsync(AppFixture app, string courseName)
    {
        await using var db = app.CreateDbContext();
        return await db.Courses.Where(c => c.Name == courseName).Select(c => c.Id).SingleAsync();
    }
}
