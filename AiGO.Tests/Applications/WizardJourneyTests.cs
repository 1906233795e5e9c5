using AiGO.Domain.Applications;
using AiGO.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using AiGO.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AiGO.Tests.Applications;

[Collection(AppCollection.Name)]
public class WizardJourneyTests(AppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task The_demo_trainee_applies_through_the_wizard_and_both_mails_arrive()
    {
        var courseId = await CourseIdAsync("AI智慧防詐(臺南班)");
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.AsAsync("trainee@aigo.example.tw", returnUrl: $"courses/{courseId}/apply");

        await Assertions.Expect(page.GetByText("參加課程")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("wizard-subsidy")).ToHaveTextAsync("5000");
        await Assertions.Expect(page.GetByTestId("wizard-status")).ToHaveTextAsync("尚未申請，請填寫以下資料");
        await Assertions.Expect(page.GetByText("以下資訊會影響補助款核撥，請確實填寫")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("姓名")).ToHaveValueAsync("陳志堅");
        await page.ScreenshotAsync("wizard-01-basic-data");
        await page.AssertNoSeriousViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "同意", Exact = true }).CheckAsync();
        await page.GetByLabel("本人同意數位發展部數位產業署蒐集個人資料告知事項暨個人資料同意書 (勾選即顯示內容)").CheckAsync();
        await Assertions.Expect(page.GetByText("蒐集個人資料告知事項：").First).ToBeVisibleAsync();
        await page.GetByLabel("本人同意數位發展部數位產業署「AI產業實戰應用人才淬煉計畫」參訓學員須知暨切結書 (勾選即顯示內容)").CheckAsync();
        var affidavit = page.GetByRole(AriaRole.Region, new() { Name = "數位發展部數位產業署「AI產業實戰應用人才淬煉計畫」參訓學員須知暨切結書" });
        await Assertions.Expect(affidavit).ToContainTextAsync("具結人陳志堅");
        await Assertions.Expect(affidavit).ToContainTextAsync("課程名稱：AI智慧防詐(臺南班)");
        await Assertions.Expect(affidavit).ToContainTextAsync("課程培訓期間：自中華民國");
        await page.ScreenshotAsync("wizard-02-consents");
        await page.AssertNoSeriousViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "填寫完成" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("wizard-status")).ToHaveTextAsync("已報名成功");
        await Assertions.Expect(page.GetByText("申請狀態：已報名成功")).ToBeVisibleAsync();
        await page.ScreenshotAsync("wizard-03-submitted");

        var toMember = await app.Smtp.WaitForAsync(m => m.Subject == "您申請參加AIGO計畫課程補助《AI智慧防詐(臺南班)》已通過");
        Assert.Contains("trainee@aigo.example.tw", toMember.To.ToString());
        Assert.Contains("補助資格通過仍需至課程網址報名繳費", toMember.TextBody);
        var toOrganiser = await app.Smtp.WaitForAsync(m => m.Subject == "已申請參加AIGO計畫課程補助《AI智慧防詐(臺南班)》已通過");
        Assert.Contains("陳志堅已申請參加「AI智慧防詐(臺南班)」課程補助，請儘速協助學員完成課程報名與繳費。", toOrganiser.TextBody);

        await using var db = app.CreateDbContext();
        var trainee = await db.Users.Where(u => u.Email == "trainee@aigo.example.tw").Select(u => u.Id).SingleAsync();
        var application = await db.Applications.SingleAsync(a => a.CourseId == courseId && a.MemberId == trainee);
        Assert.Equal(ApplicationStatus.Approved, application.Status);
        Assert.Equal(5000, application.Subsidy);
        Assert.True(await db.StatusChanges.AnyAsync(c => c.ApplicationId == application.Id && c.To == ApplicationStatus.Approved));
    }

    [Fact]
    public async Task Declining_the_prerequisites_says_why_and_submits_nothing()
    {
        var courseId = await CourseIdAsync("AI+大數據分析應用實務");
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.AsAsync("trainee@aigo.example.tw", returnUrl: $"courses/{courseId}/apply");
        await page.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync();
        // The keyboard starts on the new step, so the next Tab reaches the first consent, not 填寫完成.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "同意條款" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "填寫完成" })).Not.ToBeFocusedAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "不同意" }).CheckAsync();
        await Assertions.Expect(page.GetByText("選擇「不同意」將無法申請本課程補助")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "填寫完成" }).ClickAsync();

        // One message per problem, next to its control; the 不同意 explanation once; nothing joined with 。；
        var errors = page.GetByTestId("consent-error");
        await Assertions.Expect(errors).ToHaveTextAsync([
            "本課程需具備上述先備知識才能跟上進度；選擇「不同意」將無法申請本課程補助。可先完成相關線上自學課程後再申請。",
            "請勾選同意蒐集個人資料告知事項暨個人資料同意書。",
            "請勾選同意參訓學員須知暨切結書。",
        ]);
        await Assertions.Expect(page.GetByText("選擇「不同意」將無法申請本課程補助")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("submit-error")).ToHaveCountAsync(0);
        Assert.DoesNotContain("。；", await page.Locator("main").InnerTextAsync());
        await page.ScreenshotAsync("wizard-12-consent-errors");
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync("wizard-13-consent-errors-phone");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the consent step is wider than a phone");
        await page.GetByLabel("本人同意數位發展部數位產業署蒐集個人資料告知事項暨個人資料同意書 (勾選即顯示內容)").CheckAsync();
        await Assertions.Expect(errors).ToHaveCountAsync(2);

        await using var db = app.CreateDbContext();
        var trainee = await db.Users.SingleAsync(u => u.Email == "trainee@aigo.example.tw");
        Assert.False(await db.Applications.AnyAsync(a => a.CourseId == courseId && a.MemberId == trainee.Id));
    }

    [Fact]
    public async Task A_member_who_is_not_yet_eligible_is_told_why_and_what_to_do_before_the_wizard_opens()
    {
        var email = $"new-{Guid.NewGuid():N}@example.tw";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.CreateAsync(new AppUser { UserName = email, Email = email, DisplayName = "新會員" }, "a-long-password-1")).Succeeded);
        }
        var courseId = await CourseIdAsync("AI智慧防詐(臺南班)");
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.AsAsync(email, "a-long-password-1", $"courses/{courseId}/apply");

        var problems = page.GetByTestId("eligibility-problems");
        await Assertions.Expect(problems).ToContainTextAsync("您的信箱尚未驗證。");
        await Assertions.Expect(problems).ToContainTextAsync("已審核通過的學習積分為0分，須達2分以上。");
        await Assertions.Expect(problems).ToContainTextAsync("請完成一門線上自學課程，或至帳號管理上傳學習積分證明");
        await Assertions.Expect(page.GetByTestId("wizard-status")).ToHaveTextAsync("尚未符合申請資格");
        // Each problem carries the remedy that helps, not one 前往帳號管理 for all.
        await Assertions.Expect(problems.GetByRole(AriaRole.Link, new() { Name = "重寄驗證信" })).ToHaveAttributeAsync("href", "Account/ResendEmailConfirmation");
        await Assertions.Expect(problems.GetByRole(AriaRole.Link, new() { Name = "上傳學習積分證明" })).ToHaveAttributeAsync("href", "Account/Manage");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "下一步" })).ToHaveCountAsync(0);
        await page.ScreenshotAsync("wizard-00-not-eligible");
        await page.AssertNoSeriousViolationsAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync("wizard-00-not-eligible-phone");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the notice is wider than a phone");
    }

    [Fact]
    public async Task The_wizard_can_be_completed_with_the_keyboard_alone()
    {
        var courseId = await CourseIdAsync("生成式AI應用實務");
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.AsAsync("trainee@aigo.example.tw", returnUrl: $"courses/{courseId}/apply");
        await Assertions.Expect(page.GetByTestId("wizard-status")).ToHaveTextAsync("尚未申請，請填寫以下資料");

        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "下一步" }));
        await page.Keyboard.PressAsync("Enter");
        await TabToAsync(page, page.GetByRole(AriaRole.Radio, new() { Name = "同意", Exact = true }));
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, page.GetByRole(AriaRole.Checkbox, new() { Name = "本人同意數位發展部數位產業署蒐集個人資料告知事項暨個人資料同意書 (勾選即顯示內容)" }));
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, page.GetByRole(AriaRole.Checkbox, new() { Name = "本人同意數位發展部數位產業署「AI產業實戰應用人才淬煉計畫」參訓學員須知暨切結書 (勾選即顯示內容)" }));
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "填寫完成" }));
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("wizard-status")).ToHaveTextAsync("已報名成功");
        await page.ScreenshotAsync("wizard-04-keyboard-only");
    }

    [Fact]
    public async Task A_draft_is_saved_while_typing_and_resumes_on_another_device()
    {
        var courseId = await CourseIdAsync("機器學習入門與實作");
        var laptop = await browser.NewPageAsync(app.BaseUrl);
        await laptop.AsAsync("trainee@aigo.example.tw", returnUrl: $"courses/{courseId}/apply");
        await laptop.GetByLabel("職稱").FillAsync("資深資料工程師");
        await laptop.GetByLabel("職稱").PressAsync("Tab");
        await Assertions.Expect(laptop.GetByTestId("draft-status")).ToContainTextAsync("已自動儲存草稿", new() { Timeout = 10_000 });
        await laptop.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync();
        await laptop.GetByRole(AriaRole.Radio, new() { Name = "同意", Exact = true }).CheckAsync();
        await Assertions.Expect(laptop.GetByTestId("draft-status")).ToContainTextAsync("已自動儲存草稿", new() { Timeout = 10_000 });
        await laptop.WaitForTimeoutAsync(1500);

        var phone = await browser.NewPageAsync(app.BaseUrl); // a separate context: its own cookies, as another device
        await phone.AsAsync("trainee@aigo.example.tw", returnUrl: $"courses/{courseId}/apply");
        await Assertions.Expect(phone.GetByTestId("draft-status")).ToHaveTextAsync("已載入您上次未完成的申請資料");
        await Assertions.Expect(phone.GetByLabel("職稱")).ToHaveValueAsync("資深資料工程師");
        await phone.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Radio, new() { Name = "同意", Exact = true })).ToBeCheckedAsync();
        await phone.ScreenshotAsync("wizard-05-draft-resumed");

        // The data in 帳號管理 is one click away.
        await phone.GetByRole(AriaRole.Button, new() { Name = "上一步" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "基本資料填寫" })).ToBeFocusedAsync();
        await phone.SetViewportSizeAsync(390, 844);
        await phone.ScreenshotAsync("wizard-06-draft-reload-phone");
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the wizard is wider than a phone");
        await phone.GetByTestId("reload-profile").ClickAsync();
        await Assertions.Expect(phone.GetByLabel("職稱")).ToHaveValueAsync("工程師");
        await Assertions.Expect(phone.GetByTestId("draft-status")).ToHaveTextAsync("已重新載入帳號管理的資料");

        await using var db = app.CreateDbContext();
        var draft = await db.ApplicationDrafts.SingleAsync(d => d.CourseId == courseId);
        Assert.DoesNotContain("A154146138", draft.ProtectedPayload); // encrypted at rest
    }

    [Fact]
    public async Task Going_back_and_forth_between_the_steps_keeps_what_was_entered()
    {
        var courseId = await CourseIdAsync("自然語言處理實務");
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.AsAsync("trainee@aigo.example.tw", returnUrl: $"courses/{courseId}/apply");
        await page.GetByLabel("職稱").FillAsync("資料科學家");
        await page.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync();
        await page.GetByLabel("本人同意數位發展部數位產業署蒐集個人資料告知事項暨個人資料同意書 (勾選即顯示內容)").CheckAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "上一步" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("職稱")).ToHaveValueAsync("資料科學家");
        await page.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("本人同意數位發展部數位產業署蒐集個人資料告知事項暨個人資料同意書 (勾選即顯示內容)")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task The_printable_consent_form_has_the_notice_and_the_signature_lines()
    {
        var courseId = await CourseIdAsync("AI智慧防詐(臺南班)");
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.GotoInteractiveAsync($"courses/{courseId}/consent-form");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "數位發展部數位產業署 蒐集個人資料告知事項暨個人資料同意書" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("立同意書人：")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("中華民國　　　　年　　　　月　　　　日")).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("header.site-header")).ToBeHiddenAsync();
        await page.ScreenshotAsync("wizard-06-consent-form-print");
        await page.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task Printed_the_consent_form_keeps_every_word_and_the_forms_marks()
    {
        var courseId = await CourseIdAsync("AI智慧防詐(臺南班)");
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.GotoInteractiveAsync($"courses/{courseId}/consent-form");
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        var marks = page.GetByTestId("form-marks");
        await Assertions.Expect(marks).ToContainTextAsync(PrivacyNotice.FormCode);
        await Assertions.Expect(marks).ToContainTextAsync("版本日期：" + PrivacyNotice.FormVersionDate);
        // The application's notice: all nine categories, with their official codes.
        foreach (var category in PrivacyNotice.ApplicationCategories)
            await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "數位發展部數位產業署 蒐集個人資料告知事項暨個人資料同意書" })).ToContainTextAsync(category);
        var consent = page.GetByRole(AriaRole.Heading, new() { Name = "個人資料之同意提供：" });
        await Assertions.Expect(consent).ToBeVisibleAsync();
        var lastLine = page.GetByText("本人同意貴署或貴署授權之專案管理單位，蒐集、處理、利用本人之個人資料，以及其他公務機關請求行政協助目的之提供。");
        await Assertions.Expect(lastLine).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("立同意書人：")).ToBeVisibleAsync();

        // No box with its own overflow (a scroll box) holds any of them back from the paper.
        foreach (var element in new[] { consent, lastLine, page.GetByText("立同意書人：") })
        {
            var clippedBy = await element.EvaluateAsync<string?>(ClippingAncestor);
            Assert.True(clippedBy is null, $"printed, '{await element.TextContentAsync()}' is cut off by {clippedBy}");
        }
        await page.ScreenshotAsync("wizard-07-consent-form-printed");
    }

    /// <summary>The first ancestor whose overflow is not visible and whose box does not hold the whole element, or null.</summary>
    private const string ClippingAncestor = """
        e => {
            const r = e.getBoundingClientRect();
            for (let a = e.parentElement; a; a = a.parentElement) {
                const s = getComputedStyle(a);
                if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
                const b = a.getBoundingClientRect();
                if (r.top < b.top - 1 || r.bottom > b.bottom + 1 || r.left < b.left - 1 || r.right > b.right + 1)
                    return a.tagName + '.' + a.className;
            }
            return null;
        }
        """;

    /// <summary>Presses Tab until the element has the focus, as a keyboard user would; fails if it never does.</summary>
    private static async Task TabToAsync(IPage page, ILocator target, int maxPresses = 120)
    {
        await target.WaitForAsync();
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement")) return;
        }
        Assert.Fail($"Tab never reached {target}");
    }

    private async Task<int> CourseIdAsync(string name)
    {
        await using var db = app.CreateDbContext();
        return await db.Courses.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
    }
}
