using AiGO.Domain.Accounts;
using AiGO.Tests.Infrastructure;
using AiGO.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiGO.Tests.Accounts;

/// <summary>學習積分審核 in the browser: a new member's proof reaches the office live, and the approval reaches the member's wizard live.</summary>
[Collection(AppCollection.Name)]
public class CreditReviewJourneyTests(AppFixture app, BrowserFixture browser)
{
    /// <summary>A real 1×1 PNG, so the browser has something to draw.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static readonly LocatorAssertionsToBeVisibleOptions WithinTwoSeconds = new() { Timeout = 2000 };

    [Fact]
    public async Task A_proof_uploaded_by_a_new_member_is_approved_in_the_office_and_the_open_wizard_opens_at_once()
    {
        var (member, name) = await NewMemberWithoutCreditsAsync();
        var title = $"AI 概論結業證書 {Guid.NewGuid().ToString("N")[..6]}";
        var courseId = await CourseIdAsync("AI+大數據分析應用實務");

        // The office's desk is open before the proof exists.
        var office = await browser.NewPageAsync(app.BaseUrl);
        await office.AsAsync("office@aigo.example.tw", returnUrl: "office/credits");
        await Expect(office.GetByRole(AriaRole.Heading, new() { Name = "學習積分審核", Level = 1 })).ToBeVisibleAsync();
        await Expect(office.GetByRole(AriaRole.Navigation, new() { Name = "導覽路徑" })).ToContainTextAsync("管理中心學習積分審核");

        // The member's wizard pre-check says the credits are missing.
        var wizard = await browser.NewPageAsync(app.BaseUrl);
        await wizard.AsAsync(member.Email!, AccountTestData.Password, $"courses/{courseId}/apply");
        await Expect(wizard.GetByTestId("eligibility-problems")).ToContainTextAsync("已審核通過的學習積分為0分，須達2分以上。");

        // The member uploads a proof in 帳號管理, in another tab.
        var manage = await wizard.Context.NewPageAsync();
        await manage.GotoInteractiveAsync("Account/Manage");
        await manage.Locator("#credit-title").FillAsync(title);
        await manage.Locator("#credit-points").FillAsync("2");
        await manage.Locator("#credit-file").SetInputFilesAsync(new FilePayload { Name = "結業證書.png", MimeType = "image/png", Buffer = Png });
        await manage.GetByRole(AriaRole.Button, new() { Name = "上傳" }).ClickAsync();
        await Expect(manage.GetByText("已送出，待計畫辦公室審核")).ToBeVisibleAsync();

        // It reaches the office without a reload.
        var card = office.GetByTestId("pending-proof").Filter(new() { HasText = title });
        await Expect(card).ToBeVisibleAsync(WithinTwoSeconds);
        await Expect(card).ToContainTextAsync(name);
        await Expect(card).ToContainTextAsync("結業證書.png（PNG，1 KB）");
        await Expect(card.GetByTestId("waited")).ToContainTextAsync("已等待 0分鐘");
        await office.ScreenshotAsync("credits-01-pending");
        await office.AssertNoSeriousViolationsAsync();
        await AssertFitsThePhoneAsync(office, "credits-02-pending-phone");

        // The proof opens in a new tab, and the browser draws it under the endpoint's strict policy.
        var proof = await office.RunAndWaitForPopupAsync(() => card.GetByRole(AriaRole.Link, new() { Name = "查看證明文件" }).ClickAsync());
        await proof.WaitForLoadStateAsync();
        Assert.Equal(1, await proof.EvaluateAsync<int>("() => document.images[0]?.naturalWidth ?? 0"));
        await proof.CloseAsync();

        // Points out of range are refused next to the field, never clamped; a rejection needs its reason.
        var creditId = await card.GetAttributeAsync("data-credit-id");
        var points = office.Locator($"#points-{creditId}");
        await points.FillAsync("11");
        await card.GetByRole(AriaRole.Button, new() { Name = "通過", Exact = true }).ClickAsync();
        await Expect(card.GetByText("認列積分須介於1到10分")).ToBeVisibleAsync();
        await Expect(points).ToHaveValueAsync("11");
        await Expect(points).ToHaveAttributeAsync("aria-invalid", "true");
        await card.GetByRole(AriaRole.Button, new() { Name = "不通過", Exact = true }).ClickAsync();
        await Expect(card.GetByText("請填寫未通過原因")).ToBeVisibleAsync();
        await office.ScreenshotAsync("credits-03-field-errors");

        await points.FillAsync("2");
        await office.Locator($"#note-{creditId}").FillAsync("證書清楚");
        await card.GetByRole(AriaRole.Button, new() { Name = "通過", Exact = true }).ClickAsync();
        await Expect(office.GetByText($"已通過{name}的「{title}」，認列2分，並已寄信通知會員。")).ToBeVisibleAsync();
        await Expect(card).ToHaveCountAsync(0);
        var decided = office.GetByTestId("reviewed-proofs").GetByRole(AriaRole.Row).Filter(new() { HasText = title });
        await Expect(decided).ToContainTextAsync("已通過");
        await Expect(decided).ToContainTextAsync("計畫辦公室");

        // The member's open wizard turns from the credits problem to the form, without a reload.
        await Expect(wizard.GetByText("以下資訊會影響補助款核撥，請確實填寫")).ToBeVisibleAsync(WithinTwoSeconds);
        await Expect(wizard.GetByTestId("eligibility-problems")).ToHaveCountAsync(0);
        await wizard.ScreenshotAsync("credits-04-wizard-opened");
        await office.ScreenshotAsync("credits-05-approved");
        await office.AssertNoSeriousViolationsAsync();
        await AssertFitsThePhoneAsync(office, "credits-06-approved-phone");

        var mail = await app.Smtp.WaitForAsync(m => m.Subject == "AIGO學習積分審核通過" && m.To.ToString().Contains(member.Email!));
        Assert.Contains($"「{title}」已審核通過，認列2分", mail.TextBody);
    }

    [Fact]
    public async Task Only_the_office_gets_the_proof_inline_with_its_stored_type_and_a_strict_policy()
    {
        var (member, _) = await NewMemberWithoutCreditsAsync();
        var creditId = await UploadAsync(member, "證書.png", Png);
        var path = CreditProofEndpoint.PathFor(creditId);
        var noRedirects = new APIRequestContextOptions { MaxRedirects = 0 };

        var office = await browser.NewPageAsync(app.BaseUrl);
        await office.AsAsync("office@aigo.example.tw");
        var response = await office.APIRequest.GetAsync(path, noRedirects);
        Assert.Equal(200, response.Status);
        Assert.Equal("image/png", response.Headers["content-type"]);
        Assert.StartsWith("inline;", response.Headers["content-disposition"]);
        Assert.Contains("filename*=UTF-8''" + Uri.EscapeDataString("證書.png"), response.Headers["content-disposition"]);
        Assert.Equal("nosniff", response.Headers["x-content-type-options"]);
        Assert.StartsWith("default-src 'none';", response.Headers["content-security-policy"]);
        Assert.Contains("no-store", response.Headers["cache-control"]);
        Assert.Equal(Png, await response.BodyAsync());
        Assert.Equal(404, (await office.APIRequest.GetAsync(CreditProofEndpoint.PathFor(int.MaxValue), noRedirects)).Status);

        // The member who sent it, an organiser and a visitor are all turned away by the server.
        var own = await browser.NewPageAsync(app.BaseUrl);
        await own.AsAsync(member.Email!, AccountTestData.Password);
        var organiser = await browser.NewPageAsync(app.BaseUrl);
        await organiser.AsAsync("ctbc@aigo.example.tw");
        var visitor = await browser.NewPageAsync(app.BaseUrl);
        foreach (var (page, goesTo) in new[] { (own, "Account/AccessDenied"), (organiser, "Account/AccessDenied"), (visitor, "Account/Login") })
        {
            var refused = await page.APIRequest.GetAsync(path, noRedirects);
            Assert.Equal(302, refused.Status);
            Assert.Contains(goesTo, refused.Headers["location"]);
            Assert.NotEqual(Png, await refused.BodyAsync());
        }

        await using var db = app.CreateDbContext();
        var reads = await db.AuditLog.Where(a => a.Action == CreditReviewQueue.ProofReadAction && a.EntityId == creditId.ToString()).ToListAsync();
        Assert.Equal("計畫辦公室", Assert.Single(reads).ActorName);
    }

    /// <summary>At 390 px nothing sticks out sideways; the screenshot is for a person to look at.</summary>
    private static async Task AssertFitsThePhoneAsync(IPage page, string screenshot)
    {
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(screenshot);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 390 px");
        await page.SetViewportSizeAsync(1280, 900);
    }

    /// <summary>A confirmed member with basic data but no learning credits: only the credits rule stops them.</summary>
    private async Task<(AppUser Member, string Name)> NewMemberWithoutCreditsAsync()
    {
        var name = "審核" + Guid.NewGuid().ToString("N")[..4];
        var member = await AccountTestData.CreateMemberAsync(app, AccountTestData.UniqueEmail("credits"), name);
        await using var db = app.CreateDbContext();
        var profile = new MemberProfile { UserId = member.Id, Name = name, NationalId = AccountTestData.NewNationalId(), Birthday = new DateOnly(1992, 6, 1), UpdatedAt = DateTimeOffset.UtcNow };
        app.Services.GetRequiredService<NationalIdProtector>().Seal(profile);
        db.MemberProfiles.Add(profile);
        await db.SaveChangesAsync();
        return (member, name);
    }

    private async Task<int> UploadAsync(AppUser member, string fileName, byte[] content)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<SubmitLearningCredit>()
                .SubmitAsync(AccountTestData.PrincipalOf(member), "Python 證照", 2, fileName, new MemoryStream(content));
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        }
        await using var db = app.CreateDbContext();
        return await db.LearningCredits.Where(c => c.UserId == member.Id).Select(c => c.Id).SingleAsync();
    }

    private async Task<int> CourseIdAsync(string name)
    {
        await using var db = app.CreateDbContext();
        return await db.Courses.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
    }
}
