using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AiGO.Tests.Catalogue;

[Collection(AppCollection.Name)]
public class CatalogueJourneyTests(AppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task A_visitor_searches_filters_pages_through_and_opens_a_course()
    {
        var expectedTotal = await ListedCountAsync();
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.GotoInteractiveAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "學習專區" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "實體培訓課程" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "實體培訓課程", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "導覽路徑" })).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("首頁\\s*實體培訓課程"));
        await Assertions.Expect(page.GetByText("一頁最多顯示 10 筆課程")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText($"第 1 到 10 個課程，總共 {expectedTotal} 個課程")).ToBeVisibleAsync();
        foreach (var header in new[] { "開課單位", "課程名稱", "開課日期", "時數", "開課地點", "費用" })
            await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = header, Exact = true })).ToBeVisibleAsync();
        await page.ScreenshotAsync("catalogue-01-list");
        await page.AssertNoSeriousViolationsAsync();

        // Page through; Back returns to the first page.
        await page.GetByRole(AriaRole.Link, new() { Name = "下一頁" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(app.BaseUrl + "courses?page=2");
        await Assertions.Expect(page.GetByText($"第 11 到 20 個課程，總共 {expectedTotal} 個課程")).ToBeVisibleAsync();
        await page.ScreenshotAsync("catalogue-02-page-2");
        await page.GoBackAsync();
        await Assertions.Expect(page.GetByText($"第 1 到 10 個課程，總共 {expectedTotal} 個課程")).ToBeVisibleAsync();

        // Filter by venue: 雙軌同步.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "開課地點" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "雙軌同步", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "搜尋" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("venue=%E9%9B%99%E8%BB%8C%E5%90%8C%E6%AD%A5"));
        var venueCells = page.Locator("table tbody tr td:nth-child(5)");
        await Assertions.Expect(venueCells.Filter(new() { HasNotTextRegex = new System.Text.RegularExpressions.Regex("^\\[雙軌同步\\]") })).ToHaveCountAsync(0);
        Assert.True(await venueCells.CountAsync() > 0);

        // And by organiser; the link reproduces the view.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "開課單位" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "中信金融管理學院" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "搜尋" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("org=\\d+"));
        var organiserCells = page.Locator("table tbody tr td:nth-child(1)");
        await Assertions.Expect(organiserCells.Filter(new() { HasNotText = "中信金融管理學院" })).ToHaveCountAsync(0);
        var organisers = await organiserCells.AllTextContentsAsync();
        Assert.NotEmpty(organisers);
        await page.ScreenshotAsync("catalogue-03-filtered");
        var shared = await browser.NewPageAsync(app.BaseUrl);
        await shared.GotoInteractiveAsync(page.Url);
        Assert.Equal(organisers, await shared.Locator("table tbody tr td:nth-child(1)").AllTextContentsAsync());

        // Name search, then open the course.
        await page.GotoInteractiveAsync("courses");
        await page.GetByLabel("名稱搜尋").FillAsync("智慧防詐");
        await page.GetByRole(AriaRole.Button, new() { Name = "搜尋" }).ClickAsync();
        await Assertions.Expect(page.GetByText("第 1 到 1 個課程，總共 1 個課程")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "AI智慧防詐(臺南班)" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "AI智慧防詐(臺南班)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "導覽路徑" }))
            .ToHaveTextAsync(new System.Text.RegularExpressions.Regex("所有實體培訓課程\\s*中信金融管理學院\\s*AI智慧防詐\\(臺南班\\)"));
        await Assertions.Expect(page.GetByText("預計招生人數：")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("學員負擔：5000元/政府負擔：5000元")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("10000元", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("[雙軌同步]Microsoft Teams、中信金融管理學院中信館六樓L1604(台南市安南區台江大道三段600號)")).ToBeVisibleAsync();
        foreach (var label in new[] { "開課單位", "課程大綱", "開課日期", "結束日期", "上課時間", "上課時數", "費用", "課程費用", "繳費方式", "聯絡人", "連絡電話", "先備知識", "授課師資", "課程報名網址" })
            await Assertions.Expect(page.Locator("dt", new() { HasTextString = label }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "我要申請" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("Account/Login\\?ReturnUrl=courses%2F\\d+%2Fapply"));
        await page.ScreenshotAsync("catalogue-04-course");
        await page.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task A_signed_in_member_sees_their_subsidy_and_the_seats_change_live()
    {
        var courseId = await CourseIdAsync("AI+大數據分析應用實務");
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.AsAsync("trainee@aigo.example.tw", returnUrl: $"courses/{courseId}");

        var meter = page.GetByTestId("subsidy-meter");
        await Assertions.Expect(meter.GetByTestId("subsidy-for-course")).ToHaveTextAsync("4000 元");
        await Assertions.Expect(meter.GetByTestId("my-status")).ToHaveTextAsync("尚未申請");
        var seatsBefore = int.Parse(await page.GetByTestId("seats-left").TextContentAsync() ?? "0");
        await page.ScreenshotAsync("catalogue-05-course-signed-in");

        // Someone else takes a seat: the page follows without a reload.
        await TakeSeatAsync(courseId);
        await Assertions.Expect(page.GetByTestId("seats-left")).ToHaveTextAsync((seatsBefore - 1).ToString(), new() { Timeout = 2000 });
    }

    private async Task<int> ListedCountAsync()
    {
        await using var db = app.CreateDbContext();
        var today = app.Services.GetRequiredService<TimeProvider>().Today();
        return await db.Courses.CountAsync(c => c.Status == CourseStatus.Published && c.StartDate >= today);
    }

    private async Task<int> CourseIdAsync(string name)
    {
        await using var db = app.CreateDbContext();
        return await db.Courses.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
    }

    /// <summary>Stands in for another member's submission (the wizard arrives with its own issue): a seat-holding row, then the notice.</summary>
    private async Task TakeSeatAsync(int courseId)
    {
        await using var db = app.CreateDbContext();
        var member = TestData.Member($"other-{Guid.NewGuid():N}@example.tw");
        db.Users.Add(member);
        var course = await db.Courses.SingleAsync(c => c.Id == courseId);
        db.Applications.Add(TestData.Application(course, member, ApplicationStatus.Approved, 4000));
        await db.SaveChangesAsync();
        app.Services.GetRequiredService<IChangeNotifier>().Publish(LiveChange.ForCourse(courseId, course.OrganiserId));
    }
}
