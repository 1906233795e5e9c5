using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Organisers;
using AiGO.Tests.Infrastructure;

namespace AiGO.Tests.Catalogue;

public class CourseRulesTests
{
    private static readonly SubsidyPolicy Policy = new();
    private static readonly Organiser Org = new() { Id = 1, Name = "測試單位" };
    private static readonly DateOnly Today = new(2030, 1, 10);

    private static Course Valid() => TestData.Course(Org, "AI智慧防詐", new DateOnly(2030, 8, 24), fee: 20000);

    [Fact]
    public void A_well_formed_course_passes() => Assert.Empty(CourseRules.Validate(Valid(), Policy, seatsTaken: 0, Today));

    [Theory]
    [InlineData(10000, 10000, 20000, true)]   // the manual's split, exactly 50%
    [InlineData(10001, 9999, 20000, true)]
    [InlineData(9999, 10001, 20000, false)]   // government share over 50%
    [InlineData(10000, 9000, 20000, false)]   // shares do not add up
    [InlineData(8001, 8000, 16001, true)]     // 50% of 16001 rounds down to 8000
    [InlineData(8000, 8001, 16001, false)]
    public void Shares_must_add_up_and_the_government_share_may_not_pass_the_rate(int trainee, int government, int total, bool ok)
    {
        var c = Valid();
        (c.TraineeShare, c.GovernmentShare, c.TotalFee) = (trainee, government, total);
        var errors = CourseRules.Validate(c, Policy, 0, Today);
        Assert.Equal(ok, errors.Count == 0);
        if (!ok) Assert.All(errors, e => Assert.Equal(nameof(Course.GovernmentShare), e.Field));
    }

    [Fact]
    public void The_rate_comes_from_configuration()
    {
        var c = Valid();
        (c.TraineeShare, c.GovernmentShare) = (8000, 12000);
        Assert.NotEmpty(CourseRules.Validate(c, Policy, 0, Today));
        Assert.Empty(CourseRules.Validate(c, new SubsidyPolicy { DefaultRatePercent = 60 }, 0, Today));
        Assert.Contains("政府負擔最多為課程費用的50%（10000元）", CourseRules.Validate(c, Policy, 0, Today).Select(e => e.Message));
    }

    [Theory]
    [InlineData(12, 12, true)]
    [InlineData(11, 12, false)]
    [InlineData(0, 0, true)]
    public void Seats_never_drop_below_the_places_already_taken(int seats, int taken, bool ok)
    {
        var c = Valid();
        c.PlannedSeats = seats;
        var errors = CourseRules.Validate(c, Policy, taken, Today);
        Assert.Equal(ok, errors.Count == 0);
        if (!ok) Assert.Equal($"預計招生人數不可少於已占用名額（目前{taken}人）", Assert.Single(errors).Message);
    }

    [Fact]
    public void The_end_date_may_not_come_before_the_start()
    {
        var c = Valid();
        c.EndDate = c.StartDate.AddDays(-1);
        Assert.Equal("結束日期不可早於開課日期", Assert.Single(CourseRules.Validate(c, Policy, 0, Today)).Message);
    }

    [Theory]
    [InlineData("2030-01-10", "2030-01-17", null, null)]                 // today
    [InlineData("2020-01-10", "2020-01-17", null, null)]                 // ten years back: an ended course is still corrected
    [InlineData("2033-01-10", "2033-01-17", null, null)]                 // three years ahead
    [InlineData("2033-01-11", "2033-01-18", "StartDate", "開課日期須介於2020-01-10至2033-01-10之間")]
    [InlineData("2020-01-09", "2020-01-10", "StartDate", "開課日期須介於2020-01-10至2033-01-10之間")]
    [InlineData("9999-12-01", "9999-12-31", "StartDate", "開課日期須介於2020-01-10至2033-01-10之間")]
    [InlineData("0001-01-01", "0001-01-02", "StartDate", "開課日期須介於2020-01-10至2033-01-10之間")]
    [InlineData("2030-02-01", "2031-02-02", null, null)]                 // 366 days
    [InlineData("2030-02-01", "2031-02-03", "EndDate", "課程期間不可超過366天，請確認結束日期")]
    [InlineData("2030-02-01", "9999-12-31", "EndDate", "課程期間不可超過366天，請確認結束日期")]
    public void Course_dates_stay_within_a_sane_range_of_today(string start, string end, string? field, string? message)
    {
        var c = Valid();
        (c.StartDate, c.EndDate) = (DateOnly.Parse(start), DateOnly.Parse(end));
        var errors = CourseRules.Validate(c, Policy, 0, Today);
        if (field is null) Assert.Empty(errors);
        else Assert.Equal((field, message), (Assert.Single(errors).Field, Assert.Single(errors).Message));
    }

    [Theory]
    [InlineData(VenueMode.OnSite, null, "地址", "臺南市", "Platform", false)]
    [InlineData(VenueMode.OnSite, null, null, "臺南市", "Address", true)]
    [InlineData(VenueMode.Online, null, null, null, "Platform", true)]
    [InlineData(VenueMode.Online, "Cisco Webex", null, null, "", false)]
    [InlineData(VenueMode.DualTrack, "Microsoft Teams", "地址", null, "City", true)]
    public void Each_venue_mode_needs_its_own_details(VenueMode mode, string? platform, string? address, string? city, string field, bool fails)
    {
        var c = Valid();
        (c.VenueMode, c.Platform, c.Address, c.City) = (mode, platform, address, city);
        var errors = CourseRules.Validate(c, Policy, 0, Today);
        Assert.Equal(fails, errors.Any(e => e.Field == field));
        if (!fails) Assert.Empty(errors);
    }

    [Fact]
    public void The_catalogue_shows_the_venue_as_the_manual_does()
    {
        var c = Valid();
        (c.VenueMode, c.Platform, c.Address) = (VenueMode.DualTrack, "Microsoft Teams", "中信金融管理學院中信館六樓L1604(台南市安南區台江大道三段600號)");
        Assert.Equal("[雙軌同步]Microsoft Teams、中信金融管理學院中信館六樓L1604(台南市安南區台江大道三段600號)", c.VenueText());
    }
}
