using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Organisers;
using AiGO.Tests.Infrastructure;

namespace AiGO.Tests.Applications;

public class EligibilityTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly Course Course = TestData.Course(new Organiser { Name = "單位" }, "課程", new DateOnly(2027, 3, 10));

    private static EligibilityFacts Eligible() => new(new DateOnly(1990, 1, 1), "A123456789", true, 2, null, false, 20000);

    private static IEnumerable<string> Codes(EligibilityFacts f, Course? c = null, DateOnly? today = null) =>
        Eligibility.Check(f, c ?? Course, today ?? Today).Select(p => p.Code);

    [Fact]
    public void An_eligible_member_passes() => Assert.Empty(Codes(Eligible()));

    [Fact]
    public void A_used_up_cap_points_to_next_years_courses_not_to_the_account_page()
    {
        var cap = Assert.Single(Eligibility.Check(Eligible() with { RemainingCap = 0 }, Course, Today));
        Assert.Equal(("您2027年度的補助額度已用完。", "courses?year=2028", "查看2028年開課的課程"), (cap.Message, cap.ActionHref, cap.ActionText));
    }

    [Fact]
    public void A_too_young_birthday_names_the_birthday_and_links_to_correcting_it()
    {
        var age = Assert.Single(Eligibility.Check(Eligible() with { Birthday = new DateOnly(2010, 5, 1) }, Course, Today));
        Assert.Contains("生日（2010-05-01）填錯了，請先更正", age.Remedy);
        Assert.Equal(("Account/Manage", "確認或更正生日"), (age.ActionHref, age.ActionText));
    }

    [Theory]
    [InlineData("2007-03-10", true)]  // 20th birthday on the start date
    [InlineData("2007-03-11", false)] // one day short
    [InlineData("2007-03-09", true)]
    public void Age_twenty_is_judged_at_the_course_start_date(string birthday, bool ok) =>
        Assert.Equal(!ok, Codes(Eligible() with { Birthday = DateOnly.Parse(birthday) }).Contains("age"));

    [Fact]
    public void A_leap_day_birthday_turns_twenty_on_the_first_of_march() =>
        Assert.Equal(20, Eligibility.AgeOn(new DateOnly(2008, 2, 29), new DateOnly(2028, 2, 29)));

    [Theory]
    [InlineData("A123456789", null)]
    [InlineData("A800000014", "nationality")] // 2021 resident certificate
    [InlineData("A123456788", "national-id")] // check digit wrong
    [InlineData(null, "national-id")]
    public void Only_roc_nationals_are_eligible(string? id, string? code)
    {
        var codes = Codes(Eligible() with { NationalId = id }).ToList();
        if (code is null) Assert.Empty(codes);
        else Assert.Equal([code], codes);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(5, true)]
    public void Verified_learning_credits_must_reach_two(int credits, bool ok) =>
        Assert.Equal(!ok, Codes(Eligible() with { VerifiedCredits = credits }).Contains("credits"));

    [Theory]
    [InlineData("2026-11-24", true)]  // ended yesterday
    [InlineData("2026-11-25", false)] // still today
    [InlineData("2028-11-24", false)]
    public void A_sanction_blocks_until_it_ends(string until, bool ok) =>
        Assert.Equal(!ok, Codes(Eligible() with { SanctionedUntil = DateOnly.Parse(until) }).Contains("sanction"));

    [Fact]
    public void Each_failure_says_what_to_do()
    {
        var problems = Eligibility.Check(new EligibilityFacts(null, null, false, 0, Today.AddYears(1), true, 0), Course, Today);
        Assert.Equal(["email", "birthday", "national-id", "credits", "sanction", "duplicate", "cap"], problems.Select(p => p.Code));
        Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Remedy)));
        Assert.Contains(problems, p => p.Message == "已審核通過的學習積分為0分，須達2分以上。");
    }

    [Fact]
    public void A_course_that_has_started_or_is_not_published_cannot_be_applied_for()
    {
        Assert.Contains("course-started", Codes(Eligible(), today: Course.StartDate));
        var draft = TestData.Course(new Organiser { Name = "單位" }, "草稿", new DateOnly(2027, 3, 10), status: CourseStatus.Draft);
        Assert.Contains("course-closed", Codes(Eligible(), draft));
    }
}
