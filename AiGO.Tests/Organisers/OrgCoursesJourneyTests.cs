using System.Text.RegularExpressions;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Data;
using AiGO.Domain.Organisers;
using AiGO.Tests.Accounts;
using AiGO.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiGO.Tests.Organisers;

/// <summary>培訓中心 in the browser: 我的課程 and 申請名單 on a phone and a desktop, the Excel export, and the office's 公開.</summary>
[Collection(AppCollection.Name)]
public class OrgCoursesJourneyTests(AppFixture app, BrowserFixture browser)
{
    /// <summary>No other test touches this demo course of 中信金融管理學院.</summary>
    private const string Course = "保險業AI理賠自動化實務";

    [Fact]
    public async Task My_courses_and_the_applicant_list_fit_a_phone_and_a_desktop_without_serious_axe_findings()
    {
        var courseId = await CourseIdAsync(Course);
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.AsAsync("ctbc@aigo.example.tw", returnUrl: "org/courses");
        var row = page.GetByTestId("org-courses").GetByRole(AriaRole.Row).Filter(new() { HasText = Course });
        await Expect(row).ToContainTextAsync("0 / 30");
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = "申請名單" })).ToHaveAttributeAsync("href", $"org/courses/{courseId}/applicants");

        foreach (var path in new[] { "org/courses", $"org/courses/{courseId}/applicants" })
        {
            await page.GotoInteractiveAsync(path);
            foreach (var width in new[] { 390, 1280 })
            {
                await page.SetViewportSizeAsync(width, 900);
                await page.ScreenshotAsync($"org-courses-{(path.EndsWith("applicants") ? "applicants" : "list")}-{width}");
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                Assert.True(overflow <= 0, $"{path} is {overflow}px wider than a {width}px screen");
                await page.AssertNoSeriousViolationsAsync();
            }
        }
    }

    [Fact]
    public async Task The_organiser_exports_its_applicants_masked_or_after_a_confirmation_in_full_and_each_export_is_audited()
    {
        var courseId = await CourseIdAsync(Course);
        await AccountTestData.ApplyAsEligibleMemberAsync(app, courseId, "=cmd|'/C calc'!A0", "export");
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.AsAsync("ctbc@aigo.example.tw", returnUrl: $"org/courses/{courseId}/applicants");

        var masked = await page.DownloadWorkbookAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "匯出Excel" }).ClickAsync());
        var row = Assert.Single(masked, r => r[1] == "=cmd|'/C calc'!A0");
        Assert.Matches(@"^[A-Z][12]\*{4}\d{4}$", row[2]);

        await page.GetByRole(AriaRole.Button, new() { Name = "匯出完整名單(含身分證字號)" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("記錄於稽核紀錄");
        await page.ScreenshotAsync("org-export-full-confirm", fullPage: false);
        var full = await page.DownloadWorkbookAsync(() => dialog.GetByRole(AriaRole.Button, new() { Name = "確定匯出" }).ClickAsync());
        Assert.Matches(@"^[A-Z][12]\d{8}$", Assert.Single(full, r => r[1] == "=cmd|'/C calc'!A0")[2]);

        // Another organiser gets neither file, and leaves no entry.
        var other = await browser.NewPageAsync(app.BaseUrl);
        await other.AsAsync("teca@aigo.example.tw");
        var refused = await other.APIRequest.GetAsync($"org/courses/{courseId}/applicants.xlsx?full=true");
        Assert.Equal(403, refused.Status);

        await using var db = app.CreateDbContext();
        var audit = await db.AuditLog.Where(a => a.EntityType == nameof(Domain.Catalogue.Course) && a.EntityId == courseId.ToString() && a.Action.StartsWith("applicants.export"))
            .OrderBy(a => a.Id).Select(a => new { a.Action, a.ActorName, a.Details }).ToListAsync();
        Assert.Equal([ApplicantExport.MaskedAction, ApplicantExport.FullAction], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Contains("中信金融管理學院", a.ActorName));
        Assert.All(audit, a => Assert.Contains($"「{Course}」1筆", a.Details));
    }

    [Fact]
    public async Task The_office_confirms_before_publishing_and_is_shown_everything_the_course_lacks()
    {
        const string name = "公開前檢查用草稿";
        int courseId;
        await using (var db = app.CreateDbContext())
        {
            var course = TestData.Course(await db.Organisers.SingleAsync(o => o.Name == DemoCourses.Iii), name, DateOnly.FromDateTime(DateTime.Today).AddDays(60), status: CourseStatus.Draft);
            course.ContactPhone = "";
            course.CreatedAt = course.UpdatedAt = DateTimeOffset.UtcNow;
            db.Courses.Add(course);
            await db.SaveChangesAsync();
            courseId = course.Id;
        }
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.AsAsync("office@aigo.example.tw", returnUrl: "office/courses?q=" + Uri.EscapeDataString(name));
        var grid = page.GetByRole(AriaRole.Table);
        await Expect(grid.GetByRole(AriaRole.Link, new() { Name = "申請名單" })).ToHaveAttributeAsync("href", $"org/courses/{courseId}/applicants");

        await grid.GetByRole(AriaRole.Button, new() { Name = "公開", Exact = true }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Expect(confirm).ToContainTextAsync($"確定要公開「{name}」嗎？");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "公開", Exact = true }).ClickAsync();

        var refusal = page.GetByRole(AriaRole.Dialog).Filter(new() { HasText = "無法公開" });
        await Expect(refusal.GetByTestId("course-missing").Locator("li")).ToHaveTextAsync(
            ["請填寫課程大綱", "請填寫先備知識，或勾選「先備知識：無」", "請填寫聯絡人的連絡電話", "請填寫課程報名網址", "上課日尚未排定"]);
        await page.ScreenshotAsync("office-publish-refused", fullPage: false);
        await page.AssertNoSeriousViolationsAsync();
        await refusal.GetByRole(AriaRole.Button, new() { Name = "我知道了" }).ClickAsync();

        // The office fills the rest in the whole course form; listed prerequisites and "none" cannot go together.
        await grid.GetByRole(AriaRole.Button, new() { Name = $"編輯「{name}」的所有欄位" }).ClickAsync();
        var form = page.GetByRole(AriaRole.Dialog).Filter(new() { HasText = $"編輯課程：{name}" });
        await form.GetByLabel("課程大綱（每行一項）").FillAsync("理賠流程概論\n文件辨識實作");
        await form.GetByLabel("先備知識（每行一項）").FillAsync("具備基本電腦操作能力");
        await form.GetByLabel("先備知識：無（本課程不需先備知識）").CheckAsync();
        await form.GetByLabel("連絡電話").FillAsync("02-66317245");
        await form.GetByLabel("課程報名網址").FillAsync("https://edu.iii.example.tw/course/9999");
        await form.GetByRole(AriaRole.Button, new() { Name = "儲存" }).ClickAsync();
        await Expect(form).ToContainTextAsync("已勾選「先備知識：無」，請清空先備知識或取消勾選");
        await page.ScreenshotAsync("office-edit-prerequisites-refused", fullPage: false);
        await form.GetByLabel("先備知識（每行一項）").FillAsync("");
        await form.GetByRole(AriaRole.Button, new() { Name = "儲存" }).ClickAsync();
        await Expect(page.GetByText($"已儲存「{name}」")).ToBeVisibleAsync();

        await grid.GetByRole(AriaRole.Button, new() { Name = "公開", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "公開", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog).Filter(new() { HasText = "無法公開" }).GetByTestId("course-missing").Locator("li")).ToHaveTextAsync(["上課日尚未排定"]);

        await using (var db = app.CreateDbContext())
        {
            var stored = await db.Courses.SingleAsync(c => c.Id == courseId);
            Assert.Equal((CourseStatus.Draft, true, "02-66317245"), (stored.Status, stored.NoPrerequisites, stored.ContactPhone));
            Assert.Equal(["理賠流程概論", "文件辨識實作"], stored.Outline);
        }
    }

    private async Task<int> CourseIdAsync(string name)
    {
        await using var db = app.CreateDbContext();
        return await db.Courses.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
    }
}
