using AiGO.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AiGO.Tests.Applications;

/// <summary>
/// Issue #11: on a fresh demo, 黃雅婷 (member@aigo.example.tw) shows on 課程管理 every status a member can meet when
/// things do not go to plan — 備取, 未通過 with a reason she can fix, 未達結訓標準 and 已取消 — on a desk and a phone.
/// </summary>
[Collection(AppCollection.Name)]
public class DemoMemberJourneyTests(AppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task The_demo_member_sees_waitlisted_rejected_not_completed_and_cancelled_on_a_desk_and_a_phone()
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.AsAsync("member@aigo.example.tw", returnUrl: "my/courses");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "課程管理", Level = 1 })).ToBeVisibleAsync();

        // Only the waitlisted application still holds money: the not-completed one released its subsidy.
        await Assertions.Expect(page.GetByTestId("my-summary")).ToHaveTextAsync("數量：2 · 政府補助總額度 8000");

        var waitlisted = Card(page, "邊緣運算AI模型部署實務");
        await Assertions.Expect(waitlisted.GetByTestId("status")).ToHaveTextAsync("備取（第1位）");
        await Assertions.Expect(waitlisted.GetByTestId("subsidy")).ToHaveTextAsync("8000");
        await Assertions.Expect(waitlisted.GetByRole(AriaRole.Button, new() { Name = "取消報名" })).ToBeEnabledAsync();

        var notCompleted = Card(page, "金融數據分析與Python實作");
        await Assertions.Expect(notCompleted.GetByTestId("status")).ToHaveTextAsync("未達結訓標準");
        await Assertions.Expect(notCompleted.GetByTestId("subsidy")).ToHaveTextAsync("0（原 8000 元已釋出）");
        await Assertions.Expect(notCompleted.GetByTestId("checklist"))
            .ToContainTextAsync("出席時數（未通過）：已出席18小時，缺席6小時，超過可缺席的4.8小時，未達80%。");
        await notCompleted.GetByText("申請紀錄（3）").ClickAsync();
        await Assertions.Expect(notCompleted.GetByTestId("history")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"已完成報名繳費 →\s*未達結訓標準\s*（系統）：出席時數"));

        // The ended ones fold below the live ones; the panel opens by itself because the rejection can be fixed.
        var ended = page.GetByTestId("ended-applications");
        await Assertions.Expect(ended).ToContainTextAsync("已結束的申請（已取消、未通過）：2 筆");
        var rejected = Card(page, "深度學習實作：TensorFlow與PyTorch");
        await Assertions.Expect(rejected.GetByTestId("status")).ToHaveTextAsync("未通過");
        await Assertions.Expect(rejected.GetByTestId("rejection")).ToContainTextAsync("未通過原因：申請資料不完整或有誤：工作內容僅填「接案」");
        await Assertions.Expect(rejected.GetByRole(AriaRole.Link, new() { Name = "修正個人資料" })).ToBeVisibleAsync();
        await Assertions.Expect(rejected.GetByRole(AriaRole.Link, new() { Name = "修正後重新申請" })).ToBeVisibleAsync();
        var cancelled = Card(page, "MLOps機器學習維運實務");
        await Assertions.Expect(cancelled.GetByTestId("status")).ToHaveTextAsync("已取消");
        await Assertions.Expect(cancelled.GetByTestId("subsidy")).ToHaveTextAsync("0（原 11000 元已釋出）");
        await Assertions.Expect(cancelled.GetByRole(AriaRole.Button, new() { Name = "取消報名" })).ToHaveCountAsync(0);

        // The ended cards come after every live one.
        var order = await page.GetByTestId("my-application").EvaluateAllAsync<string[]>(
            "cards => cards.map(c => c.querySelector('[data-testid=status]').textContent.trim())");
        Assert.Equal(4, order.Length);
        Assert.Equal(["備取（第1位）", "未達結訓標準"], order[..2].Order());
        Assert.Equal(["已取消", "未通過"], order[2..].Order());

        await page.ScreenshotAsync("demo-member-01-desk");
        await page.AssertNoSeriousViolationsAsync();

        await page.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(waitlisted.GetByTestId("status")).ToBeVisibleAsync();
        await page.ScreenshotAsync("demo-member-02-phone");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "課程管理 is wider than a phone");
        await page.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task The_organiser_roster_of_an_ended_demo_course_shows_the_seeded_marks()
    {
        int courseId;
        await using (var db = app.CreateDbContext())
            courseId = await db.Courses.Where(c => c.Name == "金融數據分析與Python實作").Select(c => c.Id).SingleAsync();
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.AsAsync("ctbc@aigo.example.tw", returnUrl: $"org/courses/{courseId}/attendance");
        var summary = page.GetByTestId("attendance-summary");
        var alumna = summary.GetByRole(AriaRole.Row).Filter(new() { HasText = "林怡君" });
        await Assertions.Expect(alumna).ToContainTextAsync("24／22 小時");
        await Assertions.Expect(alumna).ToContainTextAsync("已撥款");
        var member = summary.GetByRole(AriaRole.Row).Filter(new() { HasText = "黃雅婷" });
        await Assertions.Expect(member).ToContainTextAsync("24／18 小時");
        await Assertions.Expect(member.GetByTestId("out-of-reach")).ToBeVisibleAsync();
        await Assertions.Expect(member).ToContainTextAsync("未達結訓標準");
        await page.ScreenshotAsync("demo-member-03-roster");
    }

    private static ILocator Card(IPage page, string courseName) =>
        page.GetByTestId("my-application").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = courseName, Exact = true }) });
}
