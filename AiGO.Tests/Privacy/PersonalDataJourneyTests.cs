using System.Text.Json;
using AiGO.Domain.Applications;
using AiGO.Tests.Accounts;
using AiGO.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AiGO.Tests.Privacy;

/// <summary>行使個資權利 in a real browser: both downloads, a request, and deleting an account that was paid a subsidy.</summary>
[Collection(AppCollection.Name)]
public class PersonalDataJourneyTests(AppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task A_paid_member_downloads_their_data_files_a_request_deletes_the_account_and_the_office_still_sees_the_subsidy()
    {
        int courseId;
        await using (var db = app.CreateDbContext()) courseId = await db.Courses.Where(c => c.Name == "AI+大數據分析應用實務").Select(c => c.Id).SingleAsync();
        var (member, applicationId) = await AccountTestData.ApplyAsEligibleMemberAsync(app, courseId, "個資測試", "privacy");
        await using (var db = app.CreateDbContext())
        {
            var application = await db.Applications.SingleAsync(a => a.Id == applicationId);
            await db.Applications.Where(a => a.Id == applicationId).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Status, ApplicationStatus.Disbursed).SetProperty(a => a.DisbursedOn, new DateOnly(2026, 10, 1)));
        }

        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.AsAsync(member.Email!, AccountTestData.Password);
        await page.GotoAsync("Account/Manage/PersonalData"); // a static page: the sign-in waits for an interactive one
        await page.ScreenshotAsync("privacy-01-personal-data");

        var json = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "下載我的資料（JSON）" }).ClickAsync());
        Assert.EndsWith(".json", json.SuggestedFilename);
        using (var copy = JsonDocument.Parse(await File.ReadAllTextAsync(await json.PathAsync())))
        {
            Assert.Equal(member.Email, copy.RootElement.GetProperty("帳號").GetProperty("電子郵件").GetString());
            var applied = copy.RootElement.GetProperty("課程申請")[0];
            Assert.Equal("已撥款", applied.GetProperty("申請狀態").GetString());
            Assert.True(applied.GetProperty("狀態歷程").GetArrayLength() >= 1);
            Assert.Contains(copy.RootElement.GetProperty("同意紀錄").EnumerateArray(), c => c.GetProperty("同意事項").GetString()!.StartsWith("學員選課"));
        }

        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "下載我的資料（Excel）" }).ClickAsync());
        Assert.EndsWith(".xlsx", xlsx.SuggestedFilename);
        using (var workbook = SpreadsheetDocument.Open(await xlsx.PathAsync(), false))
        {
            var names = workbook.WorkbookPart!.Workbook.Descendants<Sheet>().Select(s => s.Name!.Value).ToList();
            Assert.Equal(["帳號", "基本資料", "同意紀錄", "課程申請", "狀態歷程", "問卷回答", "學習積分", "個資請求"], names);
        }

        await page.GetByLabel("請求項目").SelectOptionAsync(new SelectOptionValue { Label = "請求停止蒐集、處理或利用" });
        await page.GetByLabel("請求內容").FillAsync("請停止寄送課程推廣訊息");
        await page.GetByRole(AriaRole.Button, new() { Name = "送出請求" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("my-requests")).ToContainTextAsync("請求停止蒐集、處理或利用");

        await page.GotoAsync("Account/Manage/DeletePersonalData");
        await page.GetByLabel("密碼").FillAsync(AccountTestData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "刪除資料並關閉帳號" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("Account/Login"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("您的帳號已刪除並關閉，此信箱已無法登入。");

        var again = await browser.NewPageAsync(app.BaseUrl);
        await again.GotoAsync("Account/Login");
        await again.GetByLabel("信箱").FillAsync(member.Email!);
        await again.GetByLabel("密碼").FillAsync(AccountTestData.Password);
        await again.GetByRole(AriaRole.Button, new() { Name = "登入" }).ClickAsync();
        await Assertions.Expect(again.Locator(".status-error, .validation-message, [role=alert]").First).ToBeVisibleAsync();
        Assert.Contains("Account/Login", again.Url);

        var office = await browser.NewPageAsync(app.BaseUrl);
        await office.AsAsync("office@aigo.example.tw", returnUrl: $"office/board?course={courseId}");
        await Assertions.Expect(office.Locator("main")).ToContainTextAsync("個資測試");
        await office.GotoInteractiveAsync("office/privacy");
        await Assertions.Expect(office.Locator("h1")).ToHaveTextAsync("個資請求");
        await office.ScreenshotAsync("privacy-02-office-desk");
        await office.SetViewportSizeAsync(390, 844);
        await office.ScreenshotAsync("privacy-02-office-desk-phone");
    }
}
