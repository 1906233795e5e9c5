using Microsoft.Extensions.DependencyInjection;
using System.Net;
using AiGO.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AiGO.Tests.Site;

[Collection(AppCollection.Name)]
public class HomePageTests(AppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task A_visitor_sees_the_banner_the_manuals_menu_and_the_footer()
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.GotoInteractiveAsync("");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "AI智慧應用新世代人才培育" })).ToBeVisibleAsync();
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "主選單" });
        foreach (var item in new[] { "關於AiGO", "解題競賽", "學習專區", "技術專區", "高中生AI", "AI HUB", "註冊/登入" })
            await Assertions.Expect(nav.GetByText(item, new() { Exact = true })).ToBeVisibleAsync();

        await nav.GetByRole(AriaRole.Button, new() { Name = "學習專區" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "實體培訓課程" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "線上自學課程" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("site-01-home-menu");
        await page.GetByRole(AriaRole.Heading, new() { Name = "AI智慧應用新世代人才培育" }).ClickAsync();

        var footer = page.Locator("footer");
        foreach (var link in new[] { "其他資訊", "聯絡我們", "無障礙聲明", "隱私權聲明", "政府網站資料開放宣告", "行使個資權利" })
            await Assertions.Expect(footer.GetByRole(AriaRole.Link, new() { Name = link, Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(footer.GetByText("瀏覽人次：")).ToBeVisibleAsync();
        await Assertions.Expect(footer.GetByRole(AriaRole.Img, new() { Name = "通過AA等級無障礙網頁檢測（無障礙標準 2.0）" })).ToBeVisibleAsync();

        await page.ScreenshotAsync("site-02-home");
        await page.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task A_section_outside_this_system_says_so_and_links_to_the_public_site()
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.GotoInteractiveAsync("");
        await page.GetByRole(AriaRole.Link, new() { Name = "解題競賽" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(app.BaseUrl + "external/contest");
        await Assertions.Expect(page.GetByText("「解題競賽」不屬於實體培訓課程補助系統")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "前往 AiGO 官方網站「解題競賽」（另開新視窗）" }))
            .ToHaveAttributeAsync("href", "https://aigo.org.tw/zh-TW/competitions");
        await page.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task Each_new_visit_counts_once()
    {
        // Visits are written in batches (VisitFlusher); flushing here makes the stored count exact.
        var counter = app.Services.GetRequiredService<Web.Hosting.VisitCounter>();
        await counter.FlushAsync();
        using var first = app.CreateClient();
        var before = await VisitsAsync();
        await GetHtmlAsync(first);
        await GetHtmlAsync(first); // same browser, same visit
        using var second = app.CreateClient();
        await GetHtmlAsync(second);
        await counter.FlushAsync();
        Assert.Equal(before + 2, await VisitsAsync());
    }

    [Fact]
    public async Task Healthz_answers_200_when_the_database_answers()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_dev_mailbox_lists_pickup_mails_in_development()
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.GotoInteractiveAsync("dev/mailbox");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "開發用信箱" })).ToBeVisibleAsync();
    }

    private async Task<long> VisitsAsync()
    {
        await using var db = app.CreateDbContext();
        return db.SiteCounters.Single().Visits;
    }

    private static async Task GetHtmlAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/privacy");
        request.Headers.Accept.ParseAdd("text/html");
        (await client.SendAsync(request)).EnsureSuccessStatusCode();
    }
}
