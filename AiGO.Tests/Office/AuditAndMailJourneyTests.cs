using AiGO.Domain.Common;
using AiGO.Domain.Mail;
using AiGO.Domain.Office;
using AiGO.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AiGO.Tests.Office;

/// <summary>稽核紀錄 and 郵件佇列 in the browser, as the office uses them.</summary>
[Collection(AppCollection.Name)]
public class AuditAndMailJourneyTests(AppFixture app, BrowserFixture browser)
{
    private static readonly MailTemplates Templates = new(new ProgrammeOfficeOptions());

    [Fact]
    public async Task The_office_filters_the_audit_log_by_action_pages_through_it_and_exports_it_and_the_export_is_audited()
    {
        await SeedLiftsAsync(60);
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.AsAsync("office@aigo.example.tw", returnUrl: "office/audit");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "稽核紀錄", Level = 1 })).ToBeVisibleAsync();
        await page.Locator("main[data-interactive='True']").WaitForAsync();

        await page.GetByRole(AriaRole.Combobox, new() { Name = "動作" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "解除處分", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "搜尋" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("office/audit\\?action=member.sanction-lift$"));
        var total = await CountAsync("member.sanction-lift");
        await Assertions.Expect(page.GetByTestId("audit-total")).ToHaveTextAsync($"共 {total} 筆紀錄");
        await Assertions.Expect(page.GetByTestId("row-action")).ToHaveCountAsync(AuditFilter.PageSize);
        foreach (var cell in await page.GetByTestId("row-action").AllTextContentsAsync()) Assert.Equal("解除處分", cell);
        await page.ScreenshotAsync("audit-01-filtered");
        await page.AssertNoSeriousViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "第 2 頁" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("action=member.sanction-lift&page=2$"));
        await Assertions.Expect(page.GetByTestId("row-action")).ToHaveCountAsync(total - AuditFilter.PageSize);
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync("audit-02-page-2-phone");
        await AssertFitsAsync(page);
        await page.AssertNoSeriousViolationsAsync();
        await page.SetViewportSizeAsync(1280, 900);

        var rows = await page.DownloadWorkbookAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "匯出Excel" }).ClickAsync());
        Assert.Equal(["時間", "操作者", "操作者帳號編號", "動作", "動作代碼", "紀錄類型", "紀錄編號", "內容"], rows[0]);
        Assert.Equal(total, rows.Count - 1);
        Assert.All(rows.Skip(1), r => Assert.Equal("解除處分", r[3]));
        Assert.Contains(rows, r => r[7] == "=HYPERLINK(\"x\")"); // formula-looking text stays text

        await using var db = app.CreateDbContext();
        var export = await db.AuditLog.Where(e => e.Action == AuditActions.Export).OrderByDescending(e => e.Id).FirstAsync();
        Assert.Equal("計畫辦公室", export.ActorName);
        Assert.Equal($"匯出稽核紀錄{total}筆；篩選：動作：解除處分", export.Details);
    }

    [Fact]
    public async Task The_office_opens_a_failed_mail_and_resends_it_and_it_is_delivered_once()
    {
        var address = $"resend-{Guid.NewGuid():N}@example.tw";
        var mail = Outbox.Create(address, "林美惠", Templates.Welcome("林美惠"), DateTimeOffset.UtcNow.AddHours(-2));
        (mail.Status, mail.Attempts, mail.LastError) = (OutboxStatus.Failed, 10, "SocketException: Connection refused");
        await using (var db = app.CreateDbContext())
        {
            db.Outbox.Add(mail);
            await db.SaveChangesAsync();
        }

        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.AsAsync("office@aigo.example.tw", returnUrl: $"office/mail?status=Failed&q={Uri.EscapeDataString(address)}");
        await page.Locator("main[data-interactive='True']").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("mail-total")).ToHaveTextAsync("共 1 封郵件");
        await Assertions.Expect(page.GetByTestId("mail-table")).ToContainTextAsync("SocketException: Connection refused");
        await page.GetByRole(AriaRole.Link, new() { Name = $"查看內容：寄給{address}的「歡迎加入AIGO」" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("mail-body")).ToContainTextAsync("林美惠您好");
        await page.ScreenshotAsync("mail-01-failed-opened");
        await page.AssertNoSeriousViolationsAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync("mail-02-failed-opened-phone");
        await AssertFitsAsync(page);
        await page.AssertNoSeriousViolationsAsync();
        await page.SetViewportSizeAsync(1280, 900);

        await page.GetByRole(AriaRole.Button, new() { Name = $"重新寄送：寄給{address}的「歡迎加入AIGO」" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("mail-message")).ToHaveTextAsync("已重新排入寄送，系統將立即寄出。");
        await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(address));
        await page.ReloadAsync();
        await page.Locator("main[data-interactive='True']").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("mail-total")).ToHaveTextAsync("共 0 封郵件");
        await page.GotoInteractiveAsync($"office/mail?status=Sent&q={Uri.EscapeDataString(address)}");
        await Assertions.Expect(page.GetByTestId("mail-status-cell")).ToHaveTextAsync("已寄出");
        await page.ScreenshotAsync("mail-03-resent");

        await Task.Delay(500);
        Assert.Single(app.Smtp.Messages, m => m.To.ToString().Contains(address));
        await using var check = app.CreateDbContext();
        Assert.Equal(1, await check.AuditLog.CountAsync(e => e.Action == AuditActions.MailResend && e.EntityId == mail.Id.ToString()));
    }

    /// <summary>Sanction lifts by an organiser-less 系統 actor; the first one's details look like a spreadsheet formula.</summary>
    private async Task SeedLiftsAsync(int count)
    {
        await using var db = app.CreateDbContext();
        var start = DateTimeOffset.UtcNow.AddDays(-1);
        for (var i = 0; i < count; i++)
            db.AuditLog.Add(Actor.System.Audit(start.AddMinutes(i), "member.sanction-lift", "Sanction", 9000 + i, i == count - 1 ? "=HYPERLINK(\"x\")" : $"解除處分第{i}筆"));
        await db.SaveChangesAsync();
    }

    private async Task<int> CountAsync(string action)
    {
        await using var db = app.CreateDbContext();
        return await db.AuditLog.CountAsync(e => e.Action == action);
    }

    private static async Task AssertFitsAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{page.Url} is {overflow}px wider than the phone");
    }
}
