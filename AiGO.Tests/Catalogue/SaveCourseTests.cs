using Microsoft.Extensions.DependencyInjection;
using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AiGO.Tests.Catalogue;

public class SaveCourseTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero));
    private readonly RecordingNotifier _notifier = new();

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_second_editor_working_from_an_old_copy_gets_a_conflict_and_overwrites_nothing(DatabaseProvider provider)
    {
        await using var database = await CatalogueQueriesTests.SeedAsync(provider);
        var save = Save(database);
        var first = await LoadAsync(database, "課程00");
        var second = await LoadAsync(database, "課程00");

        first.PlannedSeats = 30;
        Assert.True((await save.UpdateAsync(TestData.Office, first)).Succeeded);

        second.Name = "改名";
        var conflict = await save.UpdateAsync(TestData.Office with { Name = "另一位承辦人" }, second);
        Assert.Equal(OutcomeKind.Conflict, conflict.Kind);
        Assert.Contains("此課程已由計畫辦公室於2026-11-25 09:00修改，您的變更未儲存", conflict.Message);

        var stored = await LoadAsync(database, "課程00");
        Assert.Equal(30, stored.PlannedSeats);
        await using var db = database.CreateContext();
        var audit = await db.AuditLog.SingleAsync(a => a.Action == "course.update");
        Assert.Equal(("計畫辦公室", "預計招生人數：10 → 30"), (audit.ActorName, audit.Details));
        Assert.Contains(stored.Id, _notifier.Courses);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_organiser_cannot_change_another_organisers_course(DatabaseProvider provider)
    {
        await using var database = await CatalogueQueriesTests.SeedAsync(provider);
        var save = Save(database);
        var draft = await LoadAsync(database, "草稿課程");
        await using var db = database.CreateContext();
        var stranger = await db.Organisers.FirstAsync(o => o.Id != draft.OrganiserId);

        draft.Name = "偷改";
        var refused = await save.UpdateAsync(TestData.OrganiserActor(stranger.Id), draft);
        Assert.Equal(OutcomeKind.Forbidden, refused.Kind);
        Assert.Equal("您沒有權限編輯此課程", refused.Message);

        var status = TestServices.Build(database, _clock, _notifier).GetRequiredService<ChangeCourseStatus>();
        Assert.Equal(OutcomeKind.Forbidden, (await status.SubmitForPublicationAsync(TestData.OrganiserActor(stranger.Id), draft.Id)).Kind);
        Assert.Equal(OutcomeKind.Forbidden, (await status.SetAsync(TestData.OrganiserActor(draft.OrganiserId), draft.Id, CourseStatus.Published)).Kind);
        Assert.Equal("草稿課程", (await LoadAsync(database, "草稿課程")).Name);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_organiser_drafts_its_own_course_and_submits_it_for_the_office_to_publish(DatabaseProvider provider)
    {
        await using var database = await CatalogueQueriesTests.SeedAsync(provider);
        var save = Save(database);
        var status = TestServices.Build(database, _clock, _notifier).GetRequiredService<ChangeCourseStatus>();
        await using var db = database.CreateContext();
        var org = await db.Organisers.FirstAsync();
        var organiser = TestData.OrganiserActor(org.Id);

        var course = TestData.Course(org, "新課程", new DateOnly(2027, 3, 1), status: CourseStatus.Published);
        course.Organiser = null!;
        course.OrganiserId = 0; // the service binds it to the organiser's own
        var created = await save.CreateAsync(organiser, course);
        Assert.True(created.Succeeded, created.Message);
        // 上課日 start as 上課時間 (每週六 09:00-16:00) reads: the one Saturday of the week, no longer than the day.
        var proposed = await db.CourseSessions.Where(x => x.CourseId == created.Value).ToListAsync();
        Assert.Equal((new DateOnly(2027, 3, 6), 420), (Assert.Single(proposed).Date, proposed[0].Minutes));
        db.CourseSessions.RemoveRange(proposed);
        await db.SaveChangesAsync();
        await CourseReadinessTests.ScheduleAsync(database, created.Value, hours: 18);

        var stored = await db.Courses.AsNoTracking().SingleAsync(c => c.Id == created.Value);
        Assert.Equal((CourseStatus.Draft, org.Id), (stored.Status, stored.OrganiserId));

        (stored.Hours, stored.Outline, stored.NoPrerequisites, stored.RegistrationUrl) = (18, ["課程介紹"], true, "https://training.example.tw/c/1");
        Assert.True((await save.UpdateAsync(organiser, stored)).Succeeded);
        Assert.True((await status.SubmitForPublicationAsync(organiser, stored.Id)).Succeeded);
        Assert.True((await status.SetAsync(TestData.Office, stored.Id, CourseStatus.Published)).Succeeded);

        var published = await db.Courses.AsNoTracking().SingleAsync(c => c.Id == stored.Id);
        Assert.Equal((CourseStatus.Published, 18, null), (published.Status, published.Hours, published.SubmittedForPublicationAt));
        // Once published, only the office may change it.
        published.Hours = 6;
        Assert.Equal(OutcomeKind.Forbidden, (await save.UpdateAsync(organiser, published)).Kind);
        Assert.Equal(["course.create", "course.update", "course.submit", "course.status"],
            await db.AuditLog.Where(a => a.EntityId == stored.Id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Seats_cannot_drop_below_the_applications_that_hold_one(DatabaseProvider provider)
    {
        await using var database = await CatalogueQueriesTests.SeedAsync(provider);
        var course = await LoadAsync(database, "課程01");
        await using (var db = database.CreateContext())
        {
            var tracked = await db.Courses.SingleAsync(c => c.Id == course.Id);
            for (var i = 0; i < 3; i++)
            {
                var m = TestData.Member($"m{i}@example.tw");
                db.Users.Add(m);
                db.Applications.Add(TestData.Application(tracked, m, i == 2 ? ApplicationStatus.Waitlisted : ApplicationStatus.Approved, 5000));
            }
            await db.SaveChangesAsync();
        }
        course = await LoadAsync(database, "課程01");

        course.PlannedSeats = 1;
        var refused = await Save(database).UpdateAsync(TestData.Office, course);
        Assert.Equal(OutcomeKind.Invalid, refused.Kind);
        Assert.Equal("預計招生人數不可少於已占用名額（目前2人）", refused.Message);

        course.PlannedSeats = 2;
        Assert.True((await Save(database).UpdateAsync(TestData.Office, course)).Succeeded);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_broken_fee_split_is_refused_with_the_reason_and_nothing_is_saved(DatabaseProvider provider)
    {
        await using var database = await CatalogueQueriesTests.SeedAsync(provider);
        var course = await LoadAsync(database, "課程02");
        course.GovernmentShare = 7000;

        var refused = await Save(database).UpdateAsync(TestData.Office, course);
        Assert.Equal(OutcomeKind.Invalid, refused.Kind);
        Assert.Contains(refused.Errors, e => e.Message == "學員負擔（5000元）加政府負擔（7000元）須等於課程費用（10000元）");
        Assert.Contains(refused.Errors, e => e.Message == "政府負擔最多為課程費用的50%（5000元）");
        Assert.Equal(5000, (await LoadAsync(database, "課程02")).GovernmentShare);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_office_edits_every_field_of_a_published_course_which_its_organisers_may_not(DatabaseProvider provider)
    {
        await using var database = await CatalogueQueriesTests.SeedAsync(provider);
        var save = Save(database);
        var course = await LoadAsync(database, "課程03");
        (course.Outline, course.NoPrerequisites, course.ContactName, course.RegistrationUrl) = (["生成式AI概論", "實作"], true, "林小姐", "https://training.example.tw/c/3");

        foreach (var organiser in new[] { course.OrganiserId, course.OrganiserId + 1 })
            Assert.Equal(OutcomeKind.Forbidden, (await save.UpdateAsync(TestData.OrganiserActor(organiser), course)).Kind);
        Assert.True((await save.UpdateAsync(TestData.Office, course)).Succeeded);

        var stored = await LoadAsync(database, "課程03");
        Assert.Equal(["生成式AI概論", "實作"], stored.Outline);
        Assert.Equal((true, "林小姐"), (stored.NoPrerequisites, stored.ContactName));
        await using var db = database.CreateContext();
        var audit = await db.AuditLog.SingleAsync(a => a.Action == "course.update");
        Assert.Equal("聯絡人：王小明 → 林小姐；課程報名網址： → https://training.example.tw/c/3；課程大綱： → 生成式AI概論/實作；先備知識：無：否 → 是", audit.Details);
    }

    [Fact]
    public async Task A_course_dated_9999_is_refused_at_the_start_date_and_nothing_is_saved()
    {
        await using var database = await CatalogueQueriesTests.SeedAsync(DatabaseProvider.Sqlite);
        var save = Save(database);
        var course = await LoadAsync(database, "課程00");
        (course.StartDate, course.EndDate, course.Status) = (new DateOnly(9999, 12, 1), new DateOnly(9999, 12, 31), CourseStatus.Published);

        var outcome = await save.UpdateAsync(TestData.Office, course);

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal((nameof(Course.StartDate), "開課日期須介於2016-11-25至2029-11-25之間"), (error.Field, error.Message));
        Assert.NotEqual(course.StartDate, (await LoadAsync(database, "課程00")).StartDate);
        var created = await save.CreateAsync(TestData.Office, TestData.Course(new() { Id = course.OrganiserId }, "遠未來課程", new DateOnly(9999, 12, 1)));
        Assert.Equal(nameof(Course.StartDate), Assert.Single(created.Errors).Field);
    }

    private SaveCourse Save(EmptyDatabase database) => TestServices.Build(database, _clock, _notifier).GetRequiredService<SaveCourse>();

    private static async Task<Course> LoadAsync(EmptyDatabase database, string name)
    {
        await using var db = database.CreateContext();
        return await db.Courses.AsNoTracking().SingleAsync(c => c.Name == name);
    }
}
