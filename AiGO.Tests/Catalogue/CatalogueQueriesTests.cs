using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Data;
using AiGO.Domain.Organisers;
using AiGO.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace AiGO.Tests.Catalogue;

public class CatalogueQueriesTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Only_published_future_courses_are_listed_ten_to_a_page(DatabaseProvider provider)
    {
        await using var database = await SeedAsync(provider);
        var queries = new CatalogueQueries(new TestDbFactory(database), _clock);

        var first = await queries.SearchAsync(new CourseFilter());
        Assert.Equal(23, first.Total); // 21 + 雙軌 + 線上; not the draft, the 測試中 one or the past one
        Assert.Equal((1, 10, 3), (first.From, first.To, first.PageCount));
        Assert.Equal(first.Items.OrderBy(i => i.StartDate).Select(i => i.Id), first.Items.Select(i => i.Id));

        var third = await queries.SearchAsync(new CourseFilter(Page: 3));
        Assert.Equal((21, 23, 3), (third.From, third.To, third.Items.Count));

        var beyond = await queries.SearchAsync(new CourseFilter(Page: 99));
        Assert.Equal(3, beyond.Page);

        var withPast = await queries.SearchAsync(new CourseFilter(IncludePast: true));
        Assert.Equal(24, withPast.Total);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Filters_by_name_venue_and_organiser(DatabaseProvider provider)
    {
        await using var database = await SeedAsync(provider);
        var queries = new CatalogueQueries(new TestDbFactory(database), _clock);

        Assert.Equal("AI智慧防詐(臺南班)", Assert.Single((await queries.SearchAsync(new CourseFilter("智慧防詐"))).Items).Name);
        Assert.All((await queries.SearchAsync(new CourseFilter(Venue: "雙軌同步"))).Items, i => Assert.StartsWith("[雙軌同步]", i.Venue));
        Assert.Single((await queries.SearchAsync(new CourseFilter(Venue: "線上"))).Items);
        var tainan = await queries.SearchAsync(new CourseFilter(Venue: "臺南市"));
        Assert.Equal(["AI智慧防詐(臺南班)"], tainan.Items.Select(i => i.Name));

        var orgs = await queries.OrganiserOptionsAsync();
        var second = orgs.Single(o => o.Label == "社團法人台灣電子連接產業協會");
        var byOrg = await queries.SearchAsync(new CourseFilter(OrganiserId: second.Value));
        Assert.Equal(11, byOrg.Total);
        Assert.All(byOrg.Items, i => Assert.Equal("社團法人台灣電子連接產業協會", i.OrganiserName));

        var year = (await queries.SearchAsync(new CourseFilter())).Items[0].StartDate.Year;
        var ofYear = await queries.SearchAsync(new CourseFilter(Year: year));
        Assert.InRange(ofYear.Total, 1, 23);
        Assert.All(ofYear.Items, i => Assert.Equal(year, i.StartDate.Year));
        Assert.Equal(0, (await queries.SearchAsync(new CourseFilter(Year: year + 5))).Total);

        var venues = await queries.VenueOptionsAsync();
        Assert.Equal(["臺北市", "臺南市", "線上", "雙軌同步"], venues);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_course_page_shows_a_members_subsidy_against_the_annual_cap(DatabaseProvider provider)
    {
        await using var database = await SeedAsync(provider);
        int courseId, otherId;
        var member = TestData.Member("member@example.tw");
        await using (var db = database.CreateContext())
        {
            var course = db.Courses.Single(c => c.Name == "AI智慧防詐(臺南班)"); // fee 20000, government 10000, 2027
            var other = db.Courses.First(c => c.Name.StartsWith("課程") && c.StartDate.Year == course.StartDate.Year);
            db.Users.Add(member);
            db.Applications.Add(TestData.Application(other, member, ApplicationStatus.Approved, 12000));
            db.Applications.Add(TestData.Application(other, member, ApplicationStatus.Cancelled, 5000)); // released
            await db.SaveChangesAsync();
            (courseId, otherId) = (course.Id, other.Id);
        }
        var details = new CourseDetails(new TestDbFactory(database), new SubsidyPolicy());

        var view = await details.GetAsync(courseId, TestData.MemberActor(member));
        Assert.NotNull(view?.Member);
        Assert.Equal(12000, view.Member.HeldThisYear);
        Assert.Equal(8000, view.Member.RemainingCap);
        Assert.Equal(8000, view.Member.SubsidyForCourse); // 已達政府補助金額上限，目前申請金額為8000元
        Assert.Null(view.Member.Status);

        var own = await details.GetAsync(otherId, TestData.MemberActor(member));
        Assert.Equal(ApplicationStatus.Approved, own!.Member!.Status);
        Assert.Equal(12000, own.Member.SubsidyForCourse);
        Assert.Equal(1, own.SeatsTaken);

        Assert.Null((await details.GetAsync(courseId, null))!.Member);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Drafts_are_seen_only_by_the_office_and_their_organiser(DatabaseProvider provider)
    {
        await using var database = await SeedAsync(provider);
        int draftId, owner, stranger;
        await using (var db = database.CreateContext())
        {
            var draft = db.Courses.Single(c => c.Status == CourseStatus.Draft);
            (draftId, owner) = (draft.Id, draft.OrganiserId);
            stranger = db.Organisers.First(o => o.Id != owner).Id;
        }
        var details = new CourseDetails(new TestDbFactory(database), new SubsidyPolicy());

        Assert.Null(await details.GetAsync(draftId, null));
        Assert.Null(await details.GetAsync(draftId, TestData.OrganiserActor(stranger)));
        Assert.NotNull(await details.GetAsync(draftId, TestData.OrganiserActor(owner)));
        Assert.NotNull(await details.GetAsync(draftId, TestData.Office));
    }

    /// <summary>3 organisers; 21 published on-site 臺北市 courses, one in 臺南市 (dual-track), one online; a draft, a 測試中 and a past one.</summary>
    internal static async Task<EmptyDatabase> SeedAsync(DatabaseProvider provider)
    {
        var database = await (await TestDatabases.CreateEmptyAsync(provider)).MigrateAsync();
        await using var db = database.CreateContext();
        await Web.Hosting.DatabaseInitializer.SeedCodeTablesAsync(db);
        var orgs = new[] { "中信金融管理學院", "社團法人台灣電子連接產業協會", "財團法人資訊工業策進會" }.Select(n => new Organiser { Name = n }).ToArray();
        db.Organisers.AddRange(orgs);
        for (var i = 0; i < 21; i++)
            db.Courses.Add(TestData.Course(orgs[i % 2], $"課程{i:00}", Today.AddDays(10 + i * 7)));
        var dual = TestData.Course(orgs[0], "AI智慧防詐(臺南班)", new DateOnly(2027, 1, 10), VenueMode.DualTrack, "臺南市", fee: 20000);
        db.Courses.Add(dual);
        db.Courses.Add(TestData.Course(orgs[1], "線上機器學習", Today.AddDays(40), VenueMode.Online));
        db.Courses.Add(TestData.Course(orgs[2], "草稿課程", Today.AddDays(40), status: CourseStatus.Draft));
        db.Courses.Add(TestData.Course(orgs[2], "測試課程(請勿報名)", Today.AddDays(40), status: CourseStatus.Testing));
        db.Courses.Add(TestData.Course(orgs[2], "已開課程", Today.AddDays(-3)));
        await db.SaveChangesAsync();
        return database;
    }
}
