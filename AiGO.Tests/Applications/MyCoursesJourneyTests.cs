using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Common;
using AiGO.Tests.Accounts;
using AiGO.Tests.Infrastructure;
using AiGO.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AiGO.Tests.Applications;

[Collection(AppCollection.Name)]
public class MyCoursesJourneyTests(AppFixture app, BrowserFixture browser)
{
    private static readonly LocatorAssertionsToHaveTextOptions WithinTwoSeconds = new() { Timeout = 2000 };

    [Fact]
    public async Task The_alumna_sees_each_stage_fills_the_questionnaire_and_completes_the_course()
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.AsAsync("alumni@aigo.example.tw", returnUrl: "my/courses");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "課程管理", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "導覽路徑" })).ToContainTextAsync("個人設定課程管理實體補助課程");
        await Assertions.Expect(page.GetByTestId("my-summary")).ToHaveTextAsync("數量：3 · 政府補助總額度 19000");
        var ended = Card(page, "Python資料科學入門");
        await Assertions.Expect(ended.GetByTestId("status")).ToHaveTextAsync("已完成報名繳費");
        await Assertions.Expect(ended.GetByTestId("questionnaire")).ToHaveTextAsync("問卷尚未填寫");
        await Assertions.Expect(ended.GetByTestId("test")).ToHaveTextAsync("已通過");
        await Assertions.Expect(ended.GetByTestId("checklist")).ToContainTextAsync("出席時數（已完成）：已出席16/18小時，達80%。");
        var paid = Card(page, "金融數據分析與Python實作");
        await Assertions.Expect(paid.GetByTestId("status")).ToHaveTextAsync("已撥款");
        await Assertions.Expect(paid).ToContainTextAsync("實際撥款時間：");
        var upcoming = Card(page, "智慧理財機器人開發實務");
        await Assertions.Expect(upcoming.GetByTestId("test")).ToHaveTextAsync("預計完成課程後開放");
        await Assertions.Expect(upcoming.GetByRole(AriaRole.Button, new() { Name = "取消報名" })).ToBeEnabledAsync();
        await Assertions.Expect(upcoming.GetByRole(AriaRole.Button, new() { Name = "填寫問卷" })).ToBeDisabledAsync();
        await page.ScreenshotAsync("my-courses-01-alumna");
        await page.AssertNoSeriousViolationsAsync();

        await ended.GetByRole(AriaRole.Link, new() { Name = "填寫問卷" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "課程問卷" })).ToBeVisibleAsync();
        await page.Locator("main[data-interactive='True']").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "送出問卷" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("question-overall")).ToContainTextAsync("請選擇滿意度");
        await page.AssertNoSeriousViolationsAsync();
        foreach (var q in Questionnaire.Questions.Where(q => q.Kind == QuestionKind.Rating))
            await page.GetByTestId($"question-{q.Key}").GetByRole(AriaRole.Radio, new() { Name = q.Scale!.Labels[1], Exact = true }).CheckAsync();
        await page.GetByTestId("question-best").GetByRole(AriaRole.Textbox).FillAsync("pandas 實作很實用");
        await page.ScreenshotAsync("my-courses-02-questionnaire");
        await page.GetByRole(AriaRole.Button, new() { Name = "送出問卷" }).ClickAsync();
        await Assertions.Expect(page.GetByText("感謝您填寫課程問卷！")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "回到課程管理" }).ClickAsync();
        ended = Card(page, "Python資料科學入門");
        await Assertions.Expect(ended.GetByTestId("status")).ToHaveTextAsync("已結訓");
        await Assertions.Expect(ended.GetByTestId("questionnaire")).ToContainTextAsync("已填寫");
        await page.ScreenshotAsync("my-courses-03-completed");
    }

    [Fact]
    public async Task A_status_change_by_the_organiser_and_a_cancel_in_another_tab_show_without_reload()
    {
        var (member, enrolledId, cancelledId) = await MemberWithTwoApplicationsAsync();
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.AsAsync(member.Email!, AccountTestData.Password, "my/courses");
        var first = page.Locator($"[data-application-id='{enrolledId}']");
        var second = page.Locator($"[data-application-id='{cancelledId}']");
        await Assertions.Expect(first.GetByTestId("status")).ToHaveTextAsync("已報名成功");

        // The organiser confirms registration and payment through the application service.
        await using (var db = app.CreateDbContext())
        {
            var organiserId = await db.Applications.Where(a => a.Id == enrolledId).Select(a => a.Course.OrganiserId).SingleAsync();
            var organiser = new Actor("org-test", "開課單位承辦人", new HashSet<string> { Roles.Organiser }, organiserId);
            var outcome = await app.Services.GetRequiredService<ConfirmEnrolment>().ConfirmAsync(organiser, enrolledId, "已繳費");
            Assert.True(outcome.Succeeded, outcome.Message);
        }
        await Assertions.Expect(first.GetByTestId("status")).ToHaveTextAsync("已完成報名繳費", WithinTwoSeconds);

        // The same trainee cancels the other application in a second browser context.
        var phone = await browser.NewPageAsync(app.BaseUrl);
        await phone.AsAsync(member.Email!, AccountTestData.Password, "my/courses");
        await phone.Locator($"[data-application-id='{cancelledId}']").GetByRole(AriaRole.Button, new() { Name = "取消報名" }).ClickAsync();
        var dialog = phone.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("確定要取消「語音辨識與語音合成應用」的補助申請嗎？");
        await phone.ScreenshotAsync("my-courses-04-cancel-dialog", fullPage: false);
        await phone.AssertNoSeriousViolationsAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "確定取消報名" }).ClickAsync();
        await Assertions.Expect(phone.Locator($"[data-application-id='{cancelledId}']").GetByTestId("card-message")).ToContainTextAsync("已取消報名");

        // The cancelled one leaves 數量 and folds below, counted apart, without what no longer applies to it.
        var ended = page.GetByTestId("ended-applications");
        await Assertions.Expect(ended).ToContainTextAsync("已結束的申請（已取消、未通過）：1 筆", new() { Timeout = 2000 });
        await Assertions.Expect(page.GetByTestId("my-summary")).ToContainTextAsync("數量：1 · 政府補助總額度", new() { Timeout = 2000 });
        await ended.GetByText("已結束的申請（已取消、未通過）").ClickAsync();
        await Assertions.Expect(second.GetByTestId("status")).ToHaveTextAsync("已取消");
        await Assertions.Expect(second.GetByTestId("questionnaire")).ToHaveCountAsync(0);
        await Assertions.Expect(second.GetByTestId("test")).ToHaveCountAsync(0);
        await Assertions.Expect(second.GetByRole(AriaRole.Button, new() { Name = "取消報名" })).ToHaveCountAsync(0);
        await page.ScreenshotAsync("my-courses-05-live");
        await page.AssertNoSeriousViolationsAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync("my-courses-06-phone");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "課程管理 is wider than a phone");

        var mail = await app.Smtp.WaitForAsync(m => m.Subject == "您已取消AIGO計畫課程補助《語音辨識與語音合成應用》");
        Assert.Contains(member.Email!, mail.To.ToString());
    }

    private static ILocator Card(IPage page, string courseName) =>
        page.GetByTestId("my-application").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = courseName, Exact = true }) });

    /// <summary>A new eligible trainee with two approved applications on demo courses no other test uses.</summary>
    private async Task<(AppUser Member, int First, int Second)> MemberWithTwoApplicationsAsync()
    {
        var member = await AccountTestData.CreateMemberAsync(app, AccountTestData.UniqueEmail("mycourses"), "林小美");
        await using var db = app.CreateDbContext();
        var profile = new MemberProfile { UserId = member.Id, Name = "林小美", NationalId = AccountTestData.NewNationalId(), Birthday = new DateOnly(1991, 4, 5), UpdatedAt = DateTimeOffset.UtcNow };
        app.Services.GetRequiredService<NationalIdProtector>().Seal(profile);
        db.MemberProfiles.Add(profile);
        db.LearningCredits.Add(new LearningCredit { UserId = member.Id, Title = "AI 概論", Points = 2, Status = CreditStatus.Approved, Source = CreditSource.OnlineCourse, SubmittedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();

        var submit = app.Services.GetRequiredService<SubmitApplication>();
        var facts = await app.Services.GetRequiredService<IMemberFactsReader>().ReadAsync(db, member.Id);
        var actor = new Actor(member.Id, "林小美", new HashSet<string> { Roles.Trainee }, null);
        var ids = new List<int>();
        foreach (var name in new[] { "AI專案管理與導入策略", "語音辨識與語音合成應用" })
        {
            var courseId = await db.Courses.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
            var outcome = await submit.SubmitAsync(actor, courseId, facts, new Consents(true, true, true));
            Assert.True(outcome.Succeeded, outcome.Message);
            ids.Add(outcome.Value!.ApplicationId);
        }
        return (member, ids[0], ids[1]);
    }
}
