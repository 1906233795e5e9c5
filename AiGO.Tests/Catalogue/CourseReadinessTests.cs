using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Organisers;
using AiGO.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AiGO.Tests.Catalogue;

/// <summary>送審 and 公開 refuse a course that lacks what a trainee needs, naming everything missing at once.</summary>
public class CourseReadinessTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero));

    private static readonly string[] EverythingMissing =
    [
        "請填寫課程大綱", "請填寫先備知識，或勾選「先備知識：無」", "請填寫聯絡人的連絡電話", "請填寫聯絡人的e-mail", "請填寫課程報名網址", "上課日尚未排定",
    ];

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Submitting_and_publishing_a_bare_course_are_refused_with_every_missing_item_and_change_nothing(DatabaseProvider provider)
    {
        await using var database = await CatalogueQueriesTests.SeedAsync(provider);
        var status = Services(database).GetRequiredService<ChangeCourseStatus>();
        var course = await BareDraftAsync(database);

        var submitted = await status.SubmitForPublicationAsync(TestData.OrganiserActor(course.OrganiserId), course.Id);
        var published = await status.SetAsync(TestData.Office, course.Id, CourseStatus.Published);

        foreach (var refused in new[] { submitted, published })
        {
            Assert.Equal(OutcomeKind.Invalid, refused.Kind);
            Assert.Equal(EverythingMissing, refused.Errors.Select(e => e.Message));
        }
        await using var db = database.CreateContext();
        var stored = await db.Courses.AsNoTracking().SingleAsync(c => c.Id == course.Id);
        Assert.Equal((CourseStatus.Draft, null), (stored.Status, stored.SubmittedForPublicationAt));
        Assert.False(await db.AuditLog.AnyAsync(a => a.EntityId == course.Id.ToString()));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Sessions_that_do_not_add_up_to_the_course_hours_are_refused_and_a_complete_course_is_published(DatabaseProvider provider)
    {
        await using var database = await CatalogueQueriesTests.SeedAsync(provider);
        var services = Services(database);
        var status = services.GetRequiredService<ChangeCourseStatus>();
        var course = await BareDraftAsync(database);
        (course.Outline, course.NoPrerequisites, course.RegistrationUrl) = (["生成式AI概論"], true, "https://training.example.tw/c/9");
        (course.ContactPhone, course.ContactEmail) = ("02-66316528", "contact@example.tw");
        Assert.True((await services.GetRequiredService<SaveCourse>().UpdateAsync(TestData.OrganiserActor(course.OrganiserId), course)).Succeeded);
        await ScheduleAsync(database, course.Id, hours: 6);

        var refused = await status.SetAsync(TestData.Office, course.Id, CourseStatus.Published);
        Assert.Equal(["上課日時數合計（6小時）與課程時數（12小時）不符"], refused.Errors.Select(e => e.Message));

        await ScheduleAsync(database, course.Id, hours: 6);
        Assert.True((await status.SubmitForPublicationAsync(TestData.OrganiserActor(course.OrganiserId), course.Id)).Succeeded);
        Assert.True((await status.SetAsync(TestData.Office, course.Id, CourseStatus.Published)).Succeeded);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Publishing_from_the_office_grid_is_held_to_the_same_rule_but_editing_a_published_course_is_not(DatabaseProvider provider)
    {
        await using var database = await CatalogueQueriesTests.SeedAsync(provider);
        var save = Services(database).GetRequiredService<SaveCourse>();
        var draft = await BareDraftAsync(database);

        draft.Status = CourseStatus.Published;
        var refused = await save.UpdateAsync(TestData.Office, draft);
        Assert.Equal(EverythingMissing, refused.Errors.Select(e => e.Message));

        // 課程01 was published before the rule (no sessions, no outline): the office still edits it.
        await using var db = database.CreateContext();
        var published = await db.Courses.AsNoTracking().SingleAsync(c => c.Name == "課程01");
        published.PlannedSeats = 40;
        Assert.True((await save.UpdateAsync(TestData.Office, published)).Succeeded);
        Assert.Equal(CourseStatus.Draft, (await db.Courses.AsNoTracking().SingleAsync(c => c.Id == draft.Id)).Status);
    }

    [Fact]
    public void Listed_prerequisites_and_none_cannot_both_be_set()
    {
        var course = TestData.Course(new Organiser { Name = "某單位" }, "課程", new DateOnly(2027, 1, 1));
        (course.Prerequisites, course.NoPrerequisites) = (["具備Python基礎程式能力"], true);

        var error = Assert.Single(CourseRules.Validate(course, new SubsidyPolicy(), seatsTaken: 0, new DateOnly(2026, 11, 25)));
        Assert.Equal((nameof(Course.Prerequisites), "已勾選「先備知識：無」，請清空先備知識或取消勾選"), (error.Field, error.Message));
    }

    [Fact]
    public void Every_published_demo_course_has_what_a_trainee_needs_once_its_sessions_are_scheduled()
    {
        var organisers = DemoCourses.Organisers().ToDictionary(o => o.Name);
        var published = DemoCourses.Build(new DateOnly(2026, 11, 25), name => organisers[name]).Where(c => c.Status == CourseStatus.Published).ToList();

        Assert.NotEmpty(published);
        Assert.All(published, c =>
        {
            if (c.Sessions.Count == 0) c.Sessions.Add(new CourseSession { Date = c.StartDate, Minutes = c.Hours * 60 });
            Assert.Empty(CourseReadiness.Missing(c));
        });
    }

    /// <summary>Adds sessions of <paramref name="hours"/> in all to the course, three hours a day after its last one.</summary>
    internal static async Task ScheduleAsync(EmptyDatabase database, int courseId, int hours)
    {
        await using var db = database.CreateContext();
        var course = await db.Courses.Include(c => c.Sessions).SingleAsync(c => c.Id == courseId);
        var date = course.Sessions.Count == 0 ? course.StartDate : course.Sessions.Max(s => s.Date).AddDays(1);
        for (var left = hours; left > 0; left -= 3, date = date.AddDays(1))
            course.Sessions.Add(new CourseSession { Date = date, Start = new TimeOnly(9, 0), End = new TimeOnly(9, 0).AddHours(Math.Min(3, left)), Minutes = Math.Min(3, left) * 60 });
        await db.SaveChangesAsync();
    }

    /// <summary>A draft with the contact's name only: no outline, prerequisites, phone, e-mail, registration page or sessions.</summary>
    private static async Task<Course> BareDraftAsync(EmptyDatabase database)
    {
        await using var db = database.CreateContext();
        var course = TestData.Course(await db.Organisers.FirstAsync(), "空白草稿", new DateOnly(2027, 2, 1), status: CourseStatus.Draft);
        (course.ContactPhone, course.ContactEmail) = ("", "");
        db.Courses.Add(course);
        await db.SaveChangesAsync();
        course.Organiser = null!;
        return course;
    }

    private ServiceProvider Services(EmptyDatabase database) => TestServices.Build(database, _clock, new RecordingNotifier());
}
