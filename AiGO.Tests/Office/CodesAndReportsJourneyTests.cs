using AiGO.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AiGO.Tests.Office;

/// <summary>代碼維護 and 報表 in the browser, as the office uses them.</summary>
[Collection(AppCollection.Name)]
public class CodesAndReportsJourneyTests(AppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task The_office_adds_renames_and_retires_a_code_is_refused_deleting_one_in_use_and_opens_the_years_report()
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.AsAsync("office@aigo.example.tw", returnUrl: "office/codes?table=Motivation");
        await page.GotoInteractiveAsync("office/codes?table=Motivation");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "培訓動機", Level = 2 })).ToBeVisibleAsync();
        var message = page.GetByTestId("code-message");
        var table = page.GetByTestId("code-table");

        // A code of its own, so the other journeys' choices stay as seeded.
        await page.Locator("#new-code").FillAsync("7");
        await page.Locator("#new-code-name").FillAsync("主管指派");
        await page.GetByRole(AriaRole.Button, new() { Name = "新增", Exact = true }).ClickAsync();
        await Assertions.Expect(message).ToContainTextAsync("已新增代碼 7「主管指派」");

        await page.GetByRole(AriaRole.Button, new() { Name = "修改名稱：主管指派" }).ClickAsync();
        await page.GetByLabel("新名稱").FillAsync("主管指派受訓");
        await page.GetByRole(AriaRole.Button, new() { Name = "儲存" }).ClickAsync();
        await Assertions.Expect(message).ToContainTextAsync("已將代碼 7 的名稱改為「主管指派受訓」");
        await Assertions.Expect(table).ToContainTextAsync("主管指派受訓");

        await page.GetByRole(AriaRole.Button, new() { Name = "停用：主管指派受訓" }).ClickAsync();
        await Assertions.Expect(message).ToContainTextAsync("已停用「主管指派受訓」");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "恢復使用：主管指派受訓" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("codes-01-retired");
        await page.AssertNoSeriousViolationsAsync();

        // 臺北市 is where demo members live and courses are held: it can only be retired.
        await page.GotoInteractiveAsync("office/codes?table=Residence");
        await page.GetByRole(AriaRole.Button, new() { Name = "刪除：臺北市" }).ClickAsync();
        await Assertions.Expect(message).ToContainTextAsync("筆資料使用，不能刪除");
        await Assertions.Expect(page.GetByTestId("code-table")).ToContainTextAsync("臺北市");
        await page.ScreenshotAsync("codes-02-refused");
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync("codes-02-refused-phone");
        await page.AssertNoSeriousViolationsAsync();

        var year = DateTime.UtcNow.AddHours(8).Year;
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoInteractiveAsync($"office/reports?year={year}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "報表", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("report-definitions")).ToContainTextAsync("保留補助");
        await Assertions.Expect(page.GetByTestId("report-Month")).ToContainTextAsync("12月");
        Assert.EndsWith($"office/reports.xlsx?year={year}", await page.GetByTestId("report-export").GetAttributeAsync("href"));
        await page.ScreenshotAsync("reports-01-year");
        await page.AssertNoSeriousViolationsAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync("reports-01-year-phone");
        await page.AssertNoSeriousViolationsAsync();
    }
}
