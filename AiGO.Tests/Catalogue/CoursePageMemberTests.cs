using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Tests.Accounts;
using AiGO.Tests.Infrastructure;
using AiGO.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AiGO.Tests.Catalogue;

/// <summary>The course page as a member sees it once they have applied, or when the seats are gone.</summary>
[Collection(AppCollection.Name)]
public class CoursePageMemberTests(AppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task After_applying_the_course_page_shows_the_status_and_a_link_to_course_management()
    {
        var courseId = await NewCourseAsync("申請後的課程頁測試", seats: 5);
        var (member, actor) = await EligibleMemberAsync("吳申請");
        await ApplyAsync(actor, courseId);

        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.AsAsync(member.Email!, AccountTestData.Password, $"courses/{courseId}");

        var applied = page.GetByTestId("applied");
        await Assertions.Expect(applied).ToContainTextAsync("您已申請此課程，申請狀態：已報名成功");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "我要申請" })).ToHaveCountAsync(0);
        await Assertions.Expect(applied.GetByRole(AriaRole.Link, new() { Name = "前往課程管理" })).ToHaveAttributeAsync("href", "my/courses");
        await page.ScreenshotAsync("course-page-01-applied");
        await page.AssertNoSeriousViolationsAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync("course-page-02-applied-phone");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the course page is wider than a phone");
    }

    [Fact]
    public async Task A_full_course_says_so_on_the_course_page_and_on_the_wizards_last_step()
    {
        var courseId = await NewCourseAsync("已額滿的課程測試", seats: 1);
        var (_, first) = await EligibleMemberAsync("王先到");
        await ApplyAsync(first, courseId);
        var (late, _) = await EligibleMemberAsync("李後到");

        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.AsAsync(late.Email!, AccountTestData.Password, $"courses/{courseId}");
        await Assertions.Expect(page.GetByTestId("seats-left")).ToHaveTextAsync("0");
        await Assertions.Expect(page.GetByTestId("waitlist-notice")).ToHaveTextAsync("名額已滿，送出後將列為備取第1位");
        await page.ScreenshotAsync("course-page-03-full");
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync("course-page-04-full-phone");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the course page is wider than a phone");
        await page.SetViewportSizeAsync(1280, 900);

        await page.GetByRole(AriaRole.Link, new() { Name = "我要申請" }).ClickAsync();
        await page.Locator("main[data-interactive='True']").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("waitlist-notice")).ToHaveTextAsync("名額已滿，送出後將列為備取第1位");
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.ScreenshotAsync("wizard-10-full-course");
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync("wizard-11-full-course-phone");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the wizard is wider than a phone");
        await page.SetViewportSizeAsync(1280, 900);
        await page.GetByRole(AriaRole.Radio, new() { Name = "同意", Exact = true }).CheckAsync();
        await page.GetByLabel("本人同意數位發展部數位產業署蒐集個人資料告知事項暨個人資料同意書 (勾選即顯示內容)").CheckAsync();
        await page.GetByLabel("本人同意數位發展部數位產業署「AI產業實戰應用人才淬煉計畫」參訓學員須知暨切結書 (勾選即顯示內容)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "填寫完成" }).ClickAsync();
        // What was announced is what happened.
        await Assertions.Expect(page.GetByTestId("wizard-status")).ToHaveTextAsync("備取第1位");
    }

    [Fact]
    public async Task A_members_own_course_still_opens_when_under_test_and_a_course_that_does_not_exist_answers_404()
    {
        var courseId = await NewCourseAsync("改為測試中的課程", seats: 5);
        var (member, actor) = await EligibleMemberAsync("張已申請");
        await ApplyAsync(actor, courseId);
        await using (var db = app.CreateDbContext())
            await db.Courses.Where(c => c.Id == courseId).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CourseStatus.Testing));

        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.AsAsync(member.Email!, AccountTestData.Password, "my/courses");
        var card = page.GetByTestId("my-application").Filter(new() { HasText = "改為測試中的課程" });
        await card.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("改為測試中的課程");
        await Assertions.Expect(page.GetByTestId("applied")).ToContainTextAsync("申請狀態：已報名成功");

        // A visitor may not see a course under test, and a course that never existed is a real 404.
        var visitor = await browser.NewPageAsync(app.BaseUrl);
        Assert.Equal(404, (await visitor.GotoAsync($"courses/{courseId}"))!.Status);
        var missing = await visitor.GotoAsync("courses/987654321");
        Assert.Equal(404, missing!.Status);
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "找不到頁面" })).ToBeVisibleAsync();
        Assert.Equal(404, (await page.GotoAsync("courses/987654321/apply"))!.Status);
        Assert.Equal(200, (await visitor.GotoAsync($"courses/{await NewCourseAsync("公開的課程", seats: 5)}"))!.Status);
    }

    [Fact]
    public async Task The_link_to_next_years_courses_lists_only_that_year_and_says_so()
    {
        var courseId = await NewCourseAsync("年度篩選測試", seats: 5);
        int year;
        await using (var db = app.CreateDbContext())
            year = (await db.Courses.SingleAsync(c => c.Id == courseId)).StartDate.Year;

        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.GotoInteractiveAsync($"courses?year={year}");
        await Assertions.Expect(page.GetByTestId("year-filter")).ToContainTextAsync($"僅顯示 {year} 年開課的課程");
        await page.ScreenshotAsync("catalogue-10-year");
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync("catalogue-11-year-phone");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the list is wider than a phone");
        var dates = await page.Locator("table tbody tr").AllInnerTextsAsync();
        Assert.NotEmpty(dates);
        Assert.All(dates, row => Assert.Contains($"{year}-", row));
    }

    [Fact]
    public async Task A_refused_submission_leaves_the_basic_data_in_account_management_as_it_was()
    {
        var courseId = await NewCourseAsync("拒絕不改資料測試", seats: 5);
        var (member, _) = await EligibleMemberAsync("趙不變");
        var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.NameIdentifier, member.Id), new(System.Security.Claims.ClaimTypes.Role, Roles.Trainee)], "test"));
        await using var scope = app.Services.CreateAsyncScope();
        var apply = scope.ServiceProvider.GetRequiredService<AiGO.Web.Applications.ApplyForCourse>();
        var typed = (await scope.ServiceProvider.GetRequiredService<EditProfile>().LoadAsync(principal)).Profile.Clone();
        typed.Birthday = new DateOnly(2010, 5, 1); // a typo that makes the member 16
        typed.CompanyName = "打錯的公司";

        var result = await apply.SubmitAsync(principal, courseId, typed, new Consents(true, true, true));

        Assert.False(result.Submission!.Succeeded);
        Assert.Contains("年滿20歲", result.Submission.Message);
        await using var db = app.CreateDbContext();
        var stored = await db.MemberProfiles.AsNoTracking().SingleAsync(p => p.UserId == member.Id);
        Assert.Equal((new DateOnly(1999, 3, 21), "財團法人資訊工業策進會"), (stored.Birthday, stored.CompanyName));
        Assert.False(await db.Applications.AnyAsync(a => a.MemberId == member.Id));
    }

    /// <summary>A published course of a demo organiser, starting in two months, that no other test touches.</summary>
    private async Task<int> NewCourseAsync(string name, int seats)
    {
        await using var db = app.CreateDbContext();
        var organiser = await db.Organisers.OrderBy(o => o.Id).FirstAsync();
        var course = TestData.Course(organiser, $"{name}{Guid.NewGuid():N}"[..(name.Length + 4)], DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60), seats: seats);
        db.Courses.Add(course);
        await db.SaveChangesAsync();
        return course.Id;
    }

    /// <summary>A new member with complete basic data and 2 verified credits.</summary>
    private async Task<(AppUser Member, Actor Actor)> EligibleMemberAsync(string name)
    {
        var member = await AccountTestData.CreateMemberAsync(app, AccountTestData.UniqueEmail("coursepage"), name);
        var profile = ProfileRulesTests.CompleteEnterpriseProfile();
        profile.UserId = member.Id;
        profile.Name = name;
        profile.NationalId = AccountTestData.NewNationalId();
        profile.UpdatedAt = DateTimeOffset.UtcNow;
        app.Services.GetRequiredService<NationalIdProtector>().Seal(profile);
        await using var db = app.CreateDbContext();
        db.MemberProfiles.Add(profile);
        db.LearningCredits.Add(new LearningCredit { UserId = member.Id, Title = "AI 概論", Points = 2, Status = CreditStatus.Approved, Source = CreditSource.OnlineCourse, SubmittedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return (member, new Actor(member.Id, name, new HashSet<string> { Roles.Trainee }, null));
    }

    private async Task<SubmissionResult> ApplyAsync(Actor actor, int courseId)
    {
        await using var db = app.CreateDbContext();
        var facts = await app.Services.GetRequiredService<IMemberFactsReader>().ReadAsync(db, actor.Id!);
        var outcome = await app.Services.GetRequiredService<SubmitApplication>().SubmitAsync(actor, courseId, facts, new Consents(true, true, true));
        Assert.True(outcome.Succeeded, outcome.Message);
        return outcome.Value!;
    }
}
