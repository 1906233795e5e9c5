using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Tests.Accounts;
using AiGO.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiGO.Tests.Organisers;

/// <summary>匯入學員 in the browser: template down, a filled file up, the preview, the progress, the import, the rejected rows down.</summary>
[Collection(AppCollection.Name)]
public class ImportJourneyTests(AppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task The_organiser_imports_a_filled_template_and_gets_the_rejected_rows_back()
    {
        int courseId;
        await using (var db = app.CreateDbContext())
            courseId = await db.Courses.Where(c => c.Name == "AI智慧防詐(臺南班)").Select(c => c.Id).SingleAsync();
        var ready = await AccountTestData.CreateMemberAsync(app, AccountTestData.UniqueEmail("import-ok"), "匯入學員");
        var noCredits = await AccountTestData.CreateMemberAsync(app, AccountTestData.UniqueEmail("import-credits"), "積分不足");
        await using (var db = app.CreateDbContext())
        {
            db.LearningCredits.Add(new LearningCredit { UserId = ready.Id, Title = "AI 概論", Points = 2, Status = CreditStatus.Approved, Source = CreditSource.OnlineCourse, SubmittedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.AsAsync("ctbc@aigo.example.tw", returnUrl: "org/courses");
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "AI智慧防詐(臺南班)" }).GetByRole(AriaRole.Link, new() { Name = "匯入學員" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "匯入學員：AI智慧防詐(臺南班)" })).ToBeVisibleAsync();
        await page.Locator("main[data-interactive='True']").WaitForAsync();

        var template = await page.DownloadBytesAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "下載匯入範本" }).ClickAsync());
        var filled = ImportKit.Fill(template,
        [
            ImportKit.Row(1, "匯入學員", AccountTestData.NewNationalId(), ready.Email!, "79/01/01"),
            ImportKit.Row(2, "積分不足", AccountTestData.NewNationalId(), noCredits.Email!, "1990-01-01"),
            ImportKit.Row(3, "沒有帳號", AccountTestData.NewNationalId(), "nobody-import@example.tw", "1990-01-01"),
        ]);
        await page.Locator("#import-file").SetInputFilesAsync(new FilePayload { Name = "學員名單.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = filled });

        await Expect(page.GetByTestId("import-summary")).ToHaveTextAsync("共 3 列：可匯入 1 筆，未通過 2 列。");
        var rows = page.GetByTestId("import-rows");
        await Expect(rows.GetByRole(AriaRole.Row).Filter(new() { HasText = "匯入學員" })).ToContainTextAsync("正取（已報名成功）");
        await Expect(rows.GetByRole(AriaRole.Row).Filter(new() { HasText = "積分不足" })).ToContainTextAsync("學習積分");
        await Expect(rows.GetByRole(AriaRole.Row).Filter(new() { HasText = "沒有帳號" })).ToContainTextAsync("找不到以此E-mail登入的AIGO帳號");
        await page.ScreenshotAsync("org-import-preview");
        await page.AssertNoSeriousViolationsAsync();
        await using (var db = app.CreateDbContext())
            Assert.False(await db.Applications.AnyAsync(a => a.MemberId == ready.Id)); // the preview saved nothing

        var apply = page.GetByRole(AriaRole.Button, new() { Name = "確認匯入 1 筆" });
        await Expect(apply).ToBeDisabledAsync();
        await page.GetByLabel("本單位已取得每位學員簽署之個人資料同意書及參訓學員須知暨切結書").CheckAsync();
        await apply.ClickAsync();

        var progress = page.GetByTestId("import-progress");
        await Expect(progress.GetByRole(AriaRole.Progressbar)).ToHaveAttributeAsync("aria-valuenow", "100");
        await Expect(progress).ToContainTextAsync("匯入完成：已處理 1 / 1 筆");
        await Expect(page.GetByTestId("import-summary")).ToHaveTextAsync("已匯入 1 筆申請；2 列未匯入，請下載未通過名單，修正後再上傳。");
        await using (var db = app.CreateDbContext())
        {
            var application = await db.Applications.Include(a => a.Course).SingleAsync(a => a.MemberId == ready.Id);
            Assert.Equal((courseId, ApplicationStatus.Approved), (application.CourseId, application.Status));
            var history = await db.StatusChanges.SingleAsync(h => h.ApplicationId == application.Id);
            Assert.Contains("代學員申請", history.Reason);
            Assert.NotEqual(ready.Id, history.ActorId);
        }

        var rejected = await page.DownloadWorkbookAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "下載未通過名單（含錯誤原因）" }).ClickAsync());
        Assert.Equal("錯誤原因", rejected[0][^1]);
        Assert.Equal(["積分不足", "沒有帳號"], rejected.Skip(2).Select(r => r[1]));
        Assert.Contains("學習積分", rejected[2][^1]);
        Assert.Contains("找不到以此E-mail登入的AIGO帳號", rejected[3][^1]);

        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync("org-import-result-phone");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the screen");
    }
}
