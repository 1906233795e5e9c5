using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Common;
using AiGO.Tests.Accounts;
using AiGO.Tests.Infrastructure;
using AiGO.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AiGO.Tests.Office;

/// <summary>管理中心 in the browser: every menu item is a real page for the office and shut to everyone else.</summary>
[Collection(AppCollection.Name)]
public class OfficeDeskJourneyTests(AppFixture app, BrowserFixture browser)
{
    private static readonly string[] Desk = ["office/board", "office/courses", "office/credits", "office/disbursements", "office/sanctions", "office/organisers", "office/codes", "office/reports", "office/audit", "office/privacy", "office/mail"];

    [Fact]
    public async Task Every_office_menu_item_is_a_page_for_the_office_and_refused_to_members_and_organisers()
    {
        var office = await browser.NewPageAsync(app.BaseUrl);
        await office.AsAsync("office@aigo.example.tw");
        await office.GetByRole(AriaRole.Button, new() { Name = "管理中心" }).ClickAsync();
        var items = office.GetByRole(AriaRole.Menuitem);
        await Assertions.Expect(items.First).ToBeVisibleAsync();
        var hrefs = new List<string>();
        foreach (var item in await items.AllAsync())
            hrefs.Add((await item.GetAttributeAsync("href"))!.TrimStart('/'));
        Assert.Equal(Desk, hrefs);

        foreach (var href in Desk)
        {
            var response = await office.GotoAsync(href);
            Assert.Equal(200, response!.Status);
            await Assertions.Expect(office.Locator("h1")).Not.ToHaveTextAsync("找不到頁面");
            await Assertions.Expect(office.Locator("h1")).Not.ToContainTextAsync("拒絕");
        }

        foreach (var (email, who) in new[] { ("trainee@aigo.example.tw", "member"), ("ctbc@aigo.example.tw", "organiser") })
        {
            var page = await browser.NewPageAsync(app.BaseUrl);
            await page.AsAsync(email);
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "管理中心" })).ToHaveCountAsync(0);
            foreach (var href in Desk)
            {
                await page.GotoAsync(href);
                Assert.True(page.Url.Contains("Account/AccessDenied", StringComparison.Ordinal), $"{who} reached {href}: {page.Url}");
            }
        }
    }

    [Fact]
    public async Task The_board_shows_a_new_application_without_reload_and_the_office_reviews_it()
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.AsAsync("office@aigo.example.tw", returnUrl: "office/board");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "申請看板", Level = 1 })).ToBeVisibleAsync();
        var courseId = await CourseIdAsync("反洗錢(AML)智慧監控與AI應用");
        await page.GotoInteractiveAsync($"office/board?course={courseId}");
        await Assertions.Expect(page.GetByTestId("board-total")).ToHaveTextAsync("共 0 筆申請");

        var (member, applicationId) = await ApplyAsync(courseId, "王大明");
        await Assertions.Expect(page.GetByTestId("board-total")).ToHaveTextAsync("共 1 筆申請", new() { Timeout = 2000 });
        await Assertions.Expect(page.GetByTestId("application-table")).ToContainTextAsync("王大明");
        await Assertions.Expect(page.GetByTestId("status-counts").Locator("[data-status='Approved']")).ToHaveTextAsync("已報名成功 1");
        await page.ScreenshotAsync("office-01-board");
        await page.AssertNoSeriousViolationsAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync("office-01-board-phone");
        await AssertFitsAsync(page);
        await page.SetViewportSizeAsync(1280, 900);

        await page.GetByRole(AriaRole.Link, new() { Name = "查看王大明的申請" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "申請審核：王大明" })).ToBeVisibleAsync();
        await page.Locator("main[data-interactive='True']").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("eligibility-now")).ToHaveTextAsync("目前符合各項申請資格。");
        var masked = await page.GetByTestId("national-id").TextContentAsync();
        Assert.Matches("^[A-Z][12]\\*{4}\\d{4}$", masked);
        await page.ScreenshotAsync("office-02-review");
        await page.AssertNoSeriousViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "顯示完整身分證字號" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("national-id")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Z][12]\\d{8}$"));
        await using (var db = app.CreateDbContext())
            Assert.True(await db.AuditLog.AnyAsync(e => e.Action == "nationalid.read" && e.EntityId == member.Id && e.ActorName == "計畫辦公室"));

        await page.GetByRole(AriaRole.Button, new() { Name = "設為未通過" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "確定設為未通過" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("reject-form")).ToContainTextAsync("請選擇未通過原因");
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync("office-02-review-phone");
        await AssertFitsAsync(page);
        await page.SetViewportSizeAsync(1280, 900);
        await page.GetByLabel("說明（選擇「其他」時必填）").FillAsync("服務單位與證明文件不符");
        await page.GetByTestId("reject-form").GetByRole(AriaRole.Combobox).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "身分別或任職資料與證明文件不符" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "確定設為未通過" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("review-status")).ToHaveTextAsync("未通過");
        await Assertions.Expect(page.GetByTestId("review-history")).ToContainTextAsync("身分別或任職資料與證明文件不符：服務單位與證明文件不符");
        var mail = await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(member.Email!) && m.Subject?.Contains("未通過") == true);
        Assert.Contains("服務單位與證明文件不符", mail.TextBody);
        await using (var db = app.CreateDbContext())
            Assert.Equal(ApplicationStatus.Rejected, (await db.Applications.SingleAsync(a => a.Id == applicationId)).Status);
    }

    [Fact]
    public async Task Disbursement_and_sanction_pages_read_right_on_a_desk_and_a_phone()
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.AsAsync("office@aigo.example.tw", returnUrl: "office/disbursements");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "撥款", Level = 1 })).ToBeVisibleAsync();
        await page.Locator("main[data-interactive='True']").WaitForAsync();
        await page.ScreenshotAsync("office-03-disbursements");
        await page.AssertNoSeriousViolationsAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync("office-03-disbursements-phone");
        await AssertFitsAsync(page);

        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoInteractiveAsync("office/sanctions");
        await page.GetByLabel("會員信箱（登入帳號）").FillAsync("nobody@example.tw");
        await page.GetByRole(AriaRole.Button, new() { Name = "查詢會員" }).ClickAsync();
        await Assertions.Expect(page.GetByText("查無此信箱的會員")).ToBeVisibleAsync();
        await page.GetByLabel("會員信箱（登入帳號）").FillAsync("alumni@aigo.example.tw");
        await page.GetByRole(AriaRole.Button, new() { Name = "查詢會員" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("sanction-candidate")).ToContainTextAsync("林怡君");
        await page.ScreenshotAsync("office-04-sanctions");
        await page.AssertNoSeriousViolationsAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync("office-04-sanctions-phone");
        await AssertFitsAsync(page);
    }

    /// <summary>Nothing is wider than the screen.</summary>
    private static async Task AssertFitsAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the screen");
    }

    private async Task<int> CourseIdAsync(string name)
    {
        await using var db = app.CreateDbContext();
        return await db.Courses.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
    }

    private Task<(AppUser Member, int ApplicationId)> ApplyAsync(int courseId, string name) =>
        AccountTestData.ApplyAsEligibleMemberAsync(app, courseId, name, "board");
}
