using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Common;
using AiGO.Tests.Accounts;
using AiGO.Tests.Infrastructure;
using AiGO.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiGO.Tests.Organisers;

/// <summary>申請名單 in the browser: the organiser sees who applied, opens a full ID on purpose, and confirms enrolment.</summary>
[Collection(AppCollection.Name)]
public class ApplicantsJourneyTests(AppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task The_organiser_sees_its_applicants_confirms_enrolment_and_the_trainee_sees_it_live()
    {
        var courseId = await CourseIdAsync("生成式AI於金融客服之應用");
        var (member, applicationId) = await ApplyAsync(courseId, "吳佩珊");

        var trainee = await browser.NewPageAsync(app.BaseUrl);
        await trainee.AsAsync(member.Email!, AccountTestData.Password, "my/courses");
        var card = trainee.Locator($"[data-application-id='{applicationId}']");
        await Expect(card.GetByTestId("status")).ToHaveTextAsync("已報名成功");

        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.AsAsync("ctbc@aigo.example.tw", returnUrl: "org/courses");
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "生成式AI於金融客服之應用" }).GetByRole(AriaRole.Link, new() { Name = "申請名單" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "申請名單：生成式AI於金融客服之應用" })).ToBeVisibleAsync();
        await page.Locator("main[data-interactive='True']").WaitForAsync();
        var row = page.GetByTestId("applicant-table").GetByRole(AriaRole.Row).Filter(new() { HasText = "吳佩珊" });
        await Expect(row.GetByTestId("applicant-id")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Z][12]\\*{4}\\d{4}$"));
        await Expect(row).ToContainTextAsync(member.Email!);
        await page.ScreenshotAsync("org-01-applicants");
        await page.AssertNoSeriousViolationsAsync();

        await row.GetByRole(AriaRole.Button, new() { Name = "顯示完整身分證字號（吳佩珊）" }).ClickAsync();
        await Expect(row.GetByTestId("applicant-id")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Z][12]\\d{8}$"));
        await using (var db = app.CreateDbContext())
            Assert.True(await db.AuditLog.AnyAsync(e => e.Action == "nationalid.read" && e.EntityId == member.Id && e.ActorName.Contains("中信金融管理學院")));

        await row.GetByRole(AriaRole.Checkbox).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "確認報名繳費" }).ClickAsync();
        await Expect(page.GetByTestId("batch-result")).ToContainTextAsync("已確認報名繳費 1 筆。");
        await Expect(row.GetByTestId("applicant-status")).ToHaveTextAsync("已完成報名繳費");
        await Expect(card.GetByTestId("status")).ToHaveTextAsync("已完成報名繳費", new() { Timeout = 2000 });

        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync("org-01-applicants-phone");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the screen");

        // Another organiser is refused the list, and no full ID is read for it.
        var other = await browser.NewPageAsync(app.BaseUrl);
        await other.AsAsync("teca@aigo.example.tw", returnUrl: $"org/courses/{courseId}/applicants");
        await Expect(other.GetByText("您沒有權限查看此課程的申請名單")).ToBeVisibleAsync();
        await Expect(other.GetByTestId("applicant-table")).ToHaveCountAsync(0);
    }

    private async Task<int> CourseIdAsync(string name)
    {
        await using var db = app.CreateDbContext();
        return await db.Courses.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
    }

    private Task<(AppUser Member, int ApplicationId)> ApplyAsync(int courseId, string name) =>
        AccountTestData.ApplyAsEligibleMemberAsync(app, courseId, name, "applicant");
}
