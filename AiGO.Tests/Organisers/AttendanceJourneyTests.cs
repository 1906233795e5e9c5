using AiGO.Domain.Accounts;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Tests.Accounts;
using AiGO.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiGO.Tests.Organisers;

/// <summary>
/// 培訓中心 in the browser, from enrolment to certificate: each step the organiser records reaches the trainee's open
/// 課程管理 page within two seconds, without a reload.
/// </summary>
[Collection(AppCollection.Name)]
public class AttendanceJourneyTests(AppFixture app, BrowserFixture browser)
{
    private const string CourseName = "金融科技AI應用實務";
    private static readonly LocatorAssertionsToContainTextOptions Live = new() { Timeout = 2000 };

    [Fact]
    public async Task The_organiser_enrols_two_trainees_records_two_sessions_the_test_and_the_certificate_and_the_trainee_sees_each_live()
    {
        int courseId;
        await using (var db = app.CreateDbContext()) courseId = await db.Courses.Where(c => c.Name == CourseName).Select(c => c.Id).SingleAsync();
        var (first, firstApp) = await AccountTestData.ApplyAsEligibleMemberAsync(app, courseId, "鄭雅文", "roster");
        var (_, secondApp) = await AccountTestData.ApplyAsEligibleMemberAsync(app, courseId, "蔡宗翰", "roster");
        var (yesterday, today) = await StartedTwoSessionCourseAsync(courseId);

        var trainee = await browser.NewPageAsync(app.BaseUrl);
        await trainee.AsAsync(first.Email!, AccountTestData.Password, "my/courses");
        var card = trainee.Locator($"[data-application-id='{firstApp}']");
        await Expect(card.GetByTestId("status")).ToHaveTextAsync("已報名成功");

        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.AsAsync("ctbc@aigo.example.tw", returnUrl: $"org/courses/{courseId}/applicants");
        await page.Locator("main[data-interactive='True']").WaitForAsync();
        var table = page.GetByTestId("applicant-table");
        foreach (var name in new[] { "鄭雅文", "蔡宗翰" })
            await table.GetByRole(AriaRole.Row).Filter(new() { HasText = name }).GetByRole(AriaRole.Checkbox).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "確認報名繳費" }).ClickAsync();
        await Expect(page.GetByTestId("batch-result")).ToContainTextAsync("已確認報名繳費 2 筆。");
        await Expect(card.GetByTestId("status")).ToContainTextAsync("已完成報名繳費", Live);

        // The roster: the first session all present, the second with 蔡宗翰 absent.
        await page.GetByRole(AriaRole.Link, new() { Name = "上課日與出席" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"上課日與出席：{CourseName}" })).ToBeVisibleAsync();
        await page.Locator("main[data-interactive='True']").WaitForAsync();
        await Expect(page.GetByText("課程已開課，上課日不可再修改")).ToBeVisibleAsync();
        await PickSessionAsync(page, yesterday);
        await page.GetByRole(AriaRole.Button, new() { Name = "全部出席" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "儲存出席" }).ClickAsync();
        await Expect(page.GetByTestId("roster-form")).ToContainTextAsync($"{Taipei.Format(yesterday)} 09:00-16:00（6小時）的出席已儲存。");
        await Expect(card.GetByTestId("checklist")).ToContainTextAsync("已上課6小時，出席6小時；您還可以缺席2.4小時", Live);

        await PickSessionAsync(page, today);
        var roster = page.GetByTestId("roster-table");
        await roster.GetByRole(AriaRole.Row).Filter(new() { HasText = "鄭雅文" }).GetByRole(AriaRole.Radio, new() { Name = "出席" }).CheckAsync();
        await roster.GetByRole(AriaRole.Row).Filter(new() { HasText = "蔡宗翰" }).GetByRole(AriaRole.Radio, new() { Name = "缺席" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "儲存出席" }).ClickAsync();
        await Expect(page.GetByTestId("roster-form")).ToContainTextAsync("的出席已儲存。");
        await Expect(card.GetByTestId("checklist")).ToContainTextAsync("已出席12/12小時，達80%。", Live);
        var summary = page.GetByTestId("attendance-summary");
        await Expect(summary.GetByRole(AriaRole.Row).Filter(new() { HasText = "蔡宗翰" })).ToContainTextAsync("已無法達到80%");
        await Expect(summary.GetByRole(AriaRole.Row).Filter(new() { HasText = "蔡宗翰" })).ToContainTextAsync("已通知學員");
        await page.ScreenshotAsync("org-02-attendance");
        await page.AssertNoSeriousViolationsAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync("org-02-attendance-phone");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0, "the roster is wider than a phone");
        await page.AssertNoSeriousViolationsAsync();
        await page.SetViewportSizeAsync(1280, 900);

        // The test and the certificate, for the trainee who attended.
        await page.GetByRole(AriaRole.Link, new() { Name = "回申請名單" }).ClickAsync();
        await page.Locator("main[data-interactive='True']").WaitForAsync();
        var row = page.GetByTestId("applicant-table").GetByRole(AriaRole.Row).Filter(new() { HasText = "鄭雅文" });
        await row.GetByRole(AriaRole.Checkbox).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "測驗通過" }).ClickAsync();
        await Expect(page.GetByTestId("batch-result")).ToContainTextAsync("已登錄測驗通過 1 筆。");
        await Expect(card.GetByTestId("test")).ToContainTextAsync("已通過", Live);
        await row.GetByRole(AriaRole.Checkbox).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "登錄結訓證書" }).ClickAsync();
        await Expect(page.GetByTestId("batch-result")).ToContainTextAsync("已登錄結訓證書 1 筆。");
        await Expect(card.GetByTestId("checklist")).ToContainTextAsync($"結訓證書（已完成）：已於{Taipei.Format(today)}發給", Live);
        await trainee.ScreenshotAsync("org-03-trainee-live");

        await using var check = app.CreateDbContext();
        Assert.Equal(1, await check.Outbox.CountAsync(m => m.Subject.Contains("出席時數已無法達到結訓標準") && m.ToName == "蔡宗翰"));
        Assert.Equal(2, await check.AuditLog.CountAsync(e => e.Action == "course.attendance" && e.Details.StartsWith(CourseName)));
        Assert.Equal(secondApp, await check.Applications.Where(a => a.AttendanceWarningSentAt != null && a.CourseId == courseId).Select(a => a.Id).SingleAsync());
    }

    private static async Task PickSessionAsync(IPage page, DateOnly date)
    {
        await page.GetByTestId("roster-session").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = $"{Taipei.Format(date)} 09:00-16:00（6小時）" }).ClickAsync();
    }

    /// <summary>Moves the course so it started yesterday and ends today, with one six-hour session on each day.</summary>
    private async Task<(DateOnly Yesterday, DateOnly Today)> StartedTwoSessionCourseAsync(int courseId)
    {
        var today = TimeProvider.System.Today();
        await using var db = app.CreateDbContext();
        var course = await db.Courses.Include(c => c.Sessions).SingleAsync(c => c.Id == courseId);
        (course.StartDate, course.EndDate, course.Hours, course.ClassTimes) = (today.AddDays(-1), today, 12, "每日 09:00-16:00");
        db.CourseSessions.RemoveRange(course.Sessions);
        await db.SaveChangesAsync();
        foreach (var day in new[] { today.AddDays(-1), today })
            db.CourseSessions.Add(new CourseSession { CourseId = courseId, Date = day, Start = new TimeOnly(9, 0), End = new TimeOnly(16, 0), Minutes = 360 });
        await db.SaveChangesAsync();
        return (today.AddDays(-1), today);
    }
}
