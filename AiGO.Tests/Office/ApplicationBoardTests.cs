using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Office;
using AiGO.Domain.Organisers;
using AiGO.Tests.Applications;
using AiGO.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Tests.Office;

/// <summary>
/// 申請看板: the counts per status are taken under the same filters as the list, so a count always equals what the
/// filtered list holds when every page is read; newest first, 20 a page, drafts never shown; the office's queues.
/// </summary>
public class ApplicationBoardTests
{
    private static readonly TimeSpan TaipeiOffset = TimeSpan.FromHours(8);

    /// <summary>Every status an application can have, drafts included, in a cycle the rows go through.</summary>
    private static readonly ApplicationStatus[] Cycle =
    [
        ApplicationStatus.Submitted, ApplicationStatus.Approved, ApplicationStatus.Waitlisted, ApplicationStatus.Draft,
        ApplicationStatus.Rejected, ApplicationStatus.Enrolled, ApplicationStatus.Completed, ApplicationStatus.NotCompleted,
        ApplicationStatus.Disbursed, ApplicationStatus.Cancelled, ApplicationStatus.Approved,
    ];

    /// <summary>One stored application as the test knows it, to judge the board by.</summary>
    private sealed record Known(int Id, ApplicationStatus Status, DateTimeOffset? SubmittedAt, int CourseId, int OrganiserId,
        string MemberId, string Name, string Email, string? Masked, IdentityType? Identity);

    private sealed class Scene
    {
        public required ApplicationsKit Kit { get; init; }
        public required List<Known> Applications { get; init; }
        public required Course[] Courses { get; init; }
        public required Organiser Second { get; init; }
        public required List<AppUser> Members { get; init; }
        public ApplicationBoard Board => Kit.Get<ApplicationBoard>();
    }

    /// <summary>
    /// Three courses of two organisers, sixteen members of mixed 身分別, one application per member and course in every
    /// status (drafts too), submitted at instants spread over ten days, some right beside a Taipei midnight.
    /// </summary>
    private static async Task<Scene> SceneAsync(ApplicationsKit kit)
    {
        var first = await kit.CourseAsync("資料科學", new DateOnly(2027, 1, 10));
        var second = await kit.CourseAsync("機器學習", new DateOnly(2027, 2, 10));
        var other = new Organiser { Name = "第二培訓單位", ContactEmail = "second@example.tw" };
        var third = TestData.Course(other, "生成式AI應用", new DateOnly(2027, 3, 10));
        await using (var db = kit.Db())
        {
            db.Courses.Add(third);
            await db.SaveChangesAsync();
        }

        string[] names = ["王小明", "李小華", "陳大明", "林美玲", "張志明", "黃淑芬", "吳小明", "劉建國", "蔡依林", "楊大華", "許文彬", "鄭雅婷", "謝小明", "郭台生", "洪秀柱", "曾國城"];
        IdentityType?[] identities = [IdentityType.Student, IdentityType.Enterprise, null, IdentityType.Freelancer, IdentityType.Student, IdentityType.Unemployed];
        var members = new List<AppUser>();
        foreach (var name in names) members.Add(await kit.MemberAsync(name));
        await using (var db = kit.Db())
        {
            var profiles = await db.MemberProfiles.ToListAsync();
            for (var i = 0; i < members.Count; i++)
                profiles.Single(p => p.UserId == members[i].Id).ChangeIdentityType(identities[i % identities.Length]);
            // One member has no profile at all: shown without ID or 身分別, never under a 身分別 filter.
            db.MemberProfiles.Remove(profiles.Single(p => p.UserId == members[^1].Id));
            await db.SaveChangesAsync();
        }

        var courses = new[] { first, second, third };
        var now = kit.Clock.GetUtcNow();
        var stored = new List<SubsidyApplication>();
        await using (var db = kit.Db())
        {
            var k = 0;
            foreach (var member in members)
            foreach (var course in courses)
            {
                var status = Cycle[k % Cycle.Length];
                // Every 4 h 37 min further back: the instants fall on every hour of the Taipei day over ten days.
                DateTimeOffset? at = status == ApplicationStatus.Draft ? null : now.AddMinutes(-30 - 277 * k);
                stored.Add(new SubsidyApplication
                {
                    CourseId = course.Id, MemberId = member.Id, Status = status, Subsidy = 5000, CapYear = course.StartDate.Year,
                    CreatedAt = now.AddDays(-20), SubmittedAt = at, UpdatedAt = now,
                });
                k++;
            }
            // Beside the Taipei midnights that bound 2026-11-20 ~ 2026-11-23, and two rows submitted at the same instant.
            var edges = new[]
            {
                new DateTimeOffset(2026, 11, 19, 16, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 19, 15, 59, 59, TimeSpan.Zero),
                new DateTimeOffset(2026, 11, 23, 15, 59, 59, TimeSpan.Zero), new DateTimeOffset(2026, 11, 23, 16, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 11, 22, 4, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 22, 4, 0, 0, TimeSpan.Zero),
            };
            var submitted = stored.Where(a => a.SubmittedAt is not null).ToList();
            for (var i = 0; i < edges.Length; i++) submitted[5 * i + 2].SubmittedAt = edges[i];
            db.Applications.AddRange(stored);
            await db.SaveChangesAsync();
        }

        await using (var db = kit.Db())
        {
            var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id);
            var profiles = await db.MemberProfiles.AsNoTracking().ToDictionaryAsync(p => p.UserId);
            var known = (await db.Applications.AsNoTracking().Include(a => a.Course).ToListAsync())
                .Select(a => new Known(a.Id, a.Status, a.SubmittedAt, a.CourseId, a.Course.OrganiserId, a.MemberId,
                    users[a.MemberId].DisplayName, users[a.MemberId].Email!,
                    profiles.GetValueOrDefault(a.MemberId)?.NationalIdMasked, profiles.GetValueOrDefault(a.MemberId)?.IdentityType))
                .ToList();
            return new Scene { Kit = kit, Applications = known, Courses = courses, Second = other, Members = members };
        }
    }

    /// <summary>Reads every page of the filtered list, checking each page holds 20 rows but the last.</summary>
    private static async Task<(BoardView First, List<BoardRow> Rows)> ReadAllAsync(ApplicationBoard board, BoardFilter filter)
    {
        var first = await LoadAsync(board, filter with { Page = 1 });
        var rows = new List<BoardRow>();
        for (var page = 1; page <= first.Pages; page++)
        {
            var view = page == 1 ? first : await LoadAsync(board, filter with { Page = page });
            Assert.Equal(first.Total, view.Total);
            Assert.Equal(page < first.Pages ? BoardFilter.PageSize : first.Total - (first.Pages - 1) * BoardFilter.PageSize, view.Rows.Count);
            rows.AddRange(view.Rows);
        }
        return (first, rows);
    }

    private static async Task<BoardView> LoadAsync(ApplicationBoard board, BoardFilter filter)
    {
        var outcome = await board.LoadAsync(TestData.Office, filter);
        Assert.True(outcome.Succeeded, outcome.Message);
        return outcome.Value!;
    }

    private static DateOnly TaipeiDate(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(TaipeiOffset).DateTime);

    /// <summary>What the board should list for the filter, judged here from what was stored, newest first.</summary>
    private static List<Known> Expected(Scene scene, BoardFilter f, bool ignoreStatus = false) => scene.Applications
        .Where(a => a.Status != ApplicationStatus.Draft)
        .Where(a => f.CourseId is null || a.CourseId == f.CourseId)
        .Where(a => f.OrganiserId is null || a.OrganiserId == f.OrganiserId)
        .Where(a => ignoreStatus || f.Status is null || a.Status == f.Status)
        .Where(a => f.Identity is null || a.Identity == f.Identity)
        .Where(a => f.From is null || TaipeiDate(a.SubmittedAt!.Value) >= f.From)
        .Where(a => f.To is null || TaipeiDate(a.SubmittedAt!.Value) <= f.To)
        .Where(a => string.IsNullOrWhiteSpace(f.Search) || a.Name.Contains(f.Search.Trim()) || a.Email.Contains(f.Search.Trim())
                    || a.Masked == f.Search.Trim().ToUpperInvariant())
        .OrderByDescending(a => a.SubmittedAt).ThenByDescending(a => a.Id)
        .ToList();

    /// <summary>
    /// The board's promise for one filter: Σ counts (or the filtered status's count) = Total = the rows on every page =
    /// what was stored under the filter, newest first; each status's count is what a click on it lists.
    /// </summary>
    private static async Task AssertCountsMatchTheListAsync(Scene scene, BoardFilter filter, int atLeast)
    {
        var (view, rows) = await ReadAllAsync(scene.Board, filter);
        var expected = Expected(scene, filter);
        Assert.True(expected.Count >= atLeast, $"the scene gives {filter} only {expected.Count} rows");

        Assert.DoesNotContain(ApplicationStatus.Draft, view.Counts.Keys);
        var counted = filter.Status is { } status ? view.Counts[status] : view.Counts.Values.Sum();
        Assert.Equal((expected.Count, expected.Count, expected.Count), (counted, view.Total, rows.Count));
        Assert.Equal(expected.Select(a => a.Id), rows.Select(r => r.ApplicationId));
        Assert.Equal(rows.Select(r => r.SubmittedAt).OrderByDescending(at => at), rows.Select(r => r.SubmittedAt));

        // The counts are taken under every filter but the status, and each equals what a click on it lists.
        var unfiltered = Expected(scene, filter, ignoreStatus: true);
        foreach (var s in Enum.GetValues<ApplicationStatus>().Where(s => s != ApplicationStatus.Draft))
        {
            Assert.Equal(unfiltered.Count(a => a.Status == s), view.Counts[s]);
            if (view.Counts[s] == 0 || s == filter.Status) continue;
            var clicked = await LoadAsync(scene.Board, filter with { Status = s, Page = 1 });
            Assert.Equal(view.Counts[s], clicked.Total);
            Assert.Equal(view.Counts, clicked.Counts);
            Assert.Equal(unfiltered.Where(a => a.Status == s).Take(BoardFilter.PageSize).Select(a => a.Id), clicked.Rows.Select(r => r.ApplicationId));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_counts_equal_what_the_list_holds_with_no_filter_by_course_by_organiser_and_by_status(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var scene = await SceneAsync(kit);
        Assert.True(scene.Applications.Count(a => a.Status != ApplicationStatus.Draft) > 2 * BoardFilter.PageSize, "three pages");

        await AssertCountsMatchTheListAsync(scene, new BoardFilter(), atLeast: 41);
        await AssertCountsMatchTheListAsync(scene, new BoardFilter(CourseId: scene.Courses[1].Id), atLeast: 10);
        await AssertCountsMatchTheListAsync(scene, new BoardFilter(OrganiserId: scene.Second.Id), atLeast: 10);
        await AssertCountsMatchTheListAsync(scene, new BoardFilter(OrganiserId: kit.Organiser.Id), atLeast: 21);
        await AssertCountsMatchTheListAsync(scene, new BoardFilter(Status: ApplicationStatus.Approved), atLeast: 5);
        await AssertCountsMatchTheListAsync(scene, new BoardFilter(Status: ApplicationStatus.Submitted), atLeast: 3);
        await AssertCountsMatchTheListAsync(scene, new BoardFilter(CourseId: scene.Courses[0].Id, Status: ApplicationStatus.Cancelled), atLeast: 1);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_counts_equal_what_the_list_holds_by_identity_and_by_Taipei_date_range(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var scene = await SceneAsync(kit);

        await AssertCountsMatchTheListAsync(scene, new BoardFilter(Identity: IdentityType.Student), atLeast: 10);
        await AssertCountsMatchTheListAsync(scene, new BoardFilter(Identity: IdentityType.Unemployed), atLeast: 3);

        // 2026-11-20 00:00 to 2026-11-23 23:59:59 in Taipei: 16:00 UTC the day before starts a Taipei day.
        var range = new BoardFilter(From: new DateOnly(2026, 11, 20), To: new DateOnly(2026, 11, 23));
        await AssertCountsMatchTheListAsync(scene, range, atLeast: 15);
        var listed = (await ReadAllAsync(scene.Board, range)).Rows.Select(r => r.SubmittedAt!.Value).ToList();
        Assert.Contains(new DateTimeOffset(2026, 11, 19, 16, 0, 0, TimeSpan.Zero), listed);
        Assert.Contains(new DateTimeOffset(2026, 11, 23, 15, 59, 59, TimeSpan.Zero), listed);
        Assert.DoesNotContain(new DateTimeOffset(2026, 11, 19, 15, 59, 59, TimeSpan.Zero), listed);
        Assert.DoesNotContain(new DateTimeOffset(2026, 11, 23, 16, 0, 0, TimeSpan.Zero), listed);

        await AssertCountsMatchTheListAsync(scene, new BoardFilter(From: new DateOnly(2026, 11, 22)), atLeast: 10);
        await AssertCountsMatchTheListAsync(scene, new BoardFilter(To: new DateOnly(2026, 11, 19)), atLeast: 5);
        await AssertCountsMatchTheListAsync(scene, new BoardFilter(From: kit.Today, To: kit.Today), atLeast: 1);
        // Everything at once.
        await AssertCountsMatchTheListAsync(scene, new BoardFilter(OrganiserId: kit.Organiser.Id, Identity: IdentityType.Student,
            From: new DateOnly(2026, 11, 17), To: new DateOnly(2026, 11, 24), Status: ApplicationStatus.Approved), atLeast: 0);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_counts_equal_what_the_list_holds_when_searching_by_name_email_or_masked_national_id(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var scene = await SceneAsync(kit);
        var target = scene.Applications.First(a => a.Masked is not null);

        // "小明" is part of three names.
        await AssertCountsMatchTheListAsync(scene, new BoardFilter(Search: "小明"), atLeast: 6);
        await AssertCountsMatchTheListAsync(scene, new BoardFilter(Search: " 林美玲 "), atLeast: 2);
        await AssertCountsMatchTheListAsync(scene, new BoardFilter(Search: target.Email), atLeast: 2);
        await AssertCountsMatchTheListAsync(scene, new BoardFilter(Search: "member01"), atLeast: 10);
        await AssertCountsMatchTheListAsync(scene, new BoardFilter(Search: target.Masked), atLeast: 2);
        // As a person types it: lower case, with spaces around.
        await AssertCountsMatchTheListAsync(scene, new BoardFilter(Search: $"  {target.Masked!.ToLowerInvariant()} "), atLeast: 2);
        var byMask = await LoadAsync(scene.Board, new BoardFilter(Search: target.Masked));
        Assert.Contains(byMask.Rows, r => r.Email == target.Email);
        await AssertCountsMatchTheListAsync(scene, new BoardFilter(Search: "沒有這個人"), atLeast: 0);
        Assert.Equal(0, (await LoadAsync(scene.Board, new BoardFilter(Search: "沒有這個人"))).Total);
        // A search together with a course and a status.
        await AssertCountsMatchTheListAsync(scene, new BoardFilter(CourseId: scene.Courses[2].Id, Search: "小明", Status: ApplicationStatus.Approved), atLeast: 0);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_list_is_newest_first_twenty_a_page_never_shows_drafts_and_shows_each_row_s_member_course_and_organiser(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var scene = await SceneAsync(kit);
        var listed = scene.Applications.Count(a => a.Status != ApplicationStatus.Draft);

        var first = await LoadAsync(scene.Board, new BoardFilter());
        Assert.Equal((listed, 3, BoardFilter.PageSize), (first.Total, first.Pages, first.Rows.Count));
        Assert.Equal(listed - 2 * BoardFilter.PageSize, (await LoadAsync(scene.Board, new BoardFilter(Page: 3))).Rows.Count);
        // Past the last page nothing is listed; a page below 1 is the first.
        var beyond = await LoadAsync(scene.Board, new BoardFilter(Page: 4));
        Assert.Equal((listed, 0), (beyond.Total, beyond.Rows.Count));
        Assert.Equal(first.Rows.Select(r => r.ApplicationId), (await LoadAsync(scene.Board, new BoardFilter(Page: 0))).Rows.Select(r => r.ApplicationId));

        var all = (await ReadAllAsync(scene.Board, new BoardFilter())).Rows;
        Assert.Equal(listed, all.Select(r => r.ApplicationId).Distinct().Count());
        Assert.DoesNotContain(all, r => scene.Applications.Single(a => a.Id == r.ApplicationId).Status == ApplicationStatus.Draft);
        // Newest first; of two submitted at the same instant, the later row first.
        Assert.Equal(all.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.ApplicationId).Select(r => r.ApplicationId), all.Select(r => r.ApplicationId));
        Assert.Equal(kit.Clock.GetUtcNow().AddMinutes(-30), all[0].SubmittedAt);
        var sameInstant = all.Where(r => r.SubmittedAt == new DateTimeOffset(2026, 11, 22, 4, 0, 0, TimeSpan.Zero)).ToList();
        Assert.Equal(2, sameInstant.Count);
        Assert.True(sameInstant[0].ApplicationId > sameInstant[1].ApplicationId);

        // A draft is not listed even when its status is asked for, and is not counted.
        var drafts = await LoadAsync(scene.Board, new BoardFilter(Status: ApplicationStatus.Draft));
        Assert.Equal((0, 0), (drafts.Total, drafts.Rows.Count));

        // Each row names the member (masked ID, 身分別), the course and its organiser.
        var student = scene.Applications.First(a => a.Identity == IdentityType.Student && a.Status != ApplicationStatus.Draft && a.OrganiserId == scene.Second.Id);
        var row = all.Single(r => r.ApplicationId == student.Id);
        Assert.Equal((student.Name, student.Email, student.Masked, (IdentityType?)IdentityType.Student, "生成式AI應用", "第二培訓單位", student.Status, 5000),
            (row.MemberName, row.Email, row.MaskedNationalId, row.Identity, row.CourseName, row.OrganiserName, row.Status, row.Subsidy));
        Assert.Matches(@"^B1\*{4}\d{4}$", row.MaskedNationalId);
        var withoutProfile = all.First(r => r.MemberName == "曾國城");
        Assert.Equal((null, null), (withoutProfile.MaskedNationalId, withoutProfile.Identity));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_queues_count_applications_under_review_and_uploaded_credit_proofs_with_the_oldest_and_those_that_came_today(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider, new SubsidyPolicy { ManualReview = true });
        var board = kit.Get<ApplicationBoard>();
        var now = kit.Clock.GetUtcNow(); // 2026-11-25 09:00 in Taipei; the Taipei day began at 2026-11-24 16:00 UTC.

        // Nothing waits yet: the review queue shows (manual review is on) with nothing in it.
        var empty = await LoadAsync(board, new BoardFilter());
        Assert.Equal(
            [("待審核申請（已申請）", 0, (DateTimeOffset?)null, 0, "office/board?status=Submitted"), ("待審核學習積分", 0, null, 0, "office/credits")],
            empty.Queues.Select(q => (q.Label, q.Count, q.Oldest, q.ArrivedToday, q.Href)));
        Assert.Equal("—", empty.Queues[0].Age(now));

        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(20), seats: 50);
        var members = new List<AppUser>();
        for (var i = 0; i < 8; i++) members.Add(await kit.MemberAsync());
        var oldest = now.AddDays(-3).AddHours(-4);
        var startOfToday = new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero);
        await using (var db = kit.Db())
        {
            void Add(AppUser m, ApplicationStatus status, DateTimeOffset? at) => db.Applications.Add(new SubsidyApplication
            {
                CourseId = course.Id, MemberId = m.Id, Status = status, Subsidy = 5000, CapYear = 2026, CreatedAt = oldest, SubmittedAt = at, UpdatedAt = now,
            });
            Add(members[0], ApplicationStatus.Submitted, oldest);
            Add(members[1], ApplicationStatus.Submitted, startOfToday.AddSeconds(-1)); // 23:59:59 yesterday in Taipei
            Add(members[2], ApplicationStatus.Submitted, startOfToday);                // 00:00 today in Taipei
            Add(members[3], ApplicationStatus.Submitted, now.AddMinutes(-5));
            // Not waiting for the office.
            Add(members[4], ApplicationStatus.Approved, oldest.AddDays(-1));
            Add(members[5], ApplicationStatus.Waitlisted, now);
            Add(members[6], ApplicationStatus.Draft, null);

            void Credit(AppUser m, CreditSource source, CreditStatus status, DateTimeOffset at) => db.LearningCredits.Add(new LearningCredit
            {
                UserId = m.Id, Title = "上傳證明", Points = 2, Source = source, Status = status, SubmittedAt = at,
            });
            Credit(members[0], CreditSource.UploadedProof, CreditStatus.Pending, now.AddDays(-1).AddMinutes(-10));
            Credit(members[1], CreditSource.UploadedProof, CreditStatus.Pending, startOfToday.AddMinutes(1));
            Credit(members[2], CreditSource.UploadedProof, CreditStatus.Approved, now.AddDays(-9));
            Credit(members[3], CreditSource.UploadedProof, CreditStatus.Rejected, now.AddDays(-9));
            Credit(members[7], CreditSource.OnlineCourse, CreditStatus.Pending, now.AddDays(-9));
            await db.SaveChangesAsync();
        }

        var view = await LoadAsync(board, new BoardFilter(CourseId: 999_999, Search: "無關的篩選"));
        Assert.Equal(
            [("待審核申請（已申請）", 4, (DateTimeOffset?)oldest, 2, "office/board?status=Submitted"),
             ("待審核學習積分", 2, now.AddDays(-1).AddMinutes(-10), 1, "office/credits")],
            view.Queues.Select(q => (q.Label, q.Count, q.Oldest, q.ArrivedToday, q.Href)));
        Assert.Equal(("3天4小時", "1天0小時"), (view.Queues[0].Age(now), view.Queues[1].Age(now)));

        // The review queue's link lists exactly what it counts.
        var reviewing = await LoadAsync(board, new BoardFilter(Status: ApplicationStatus.Submitted));
        Assert.Equal(view.Queues[0].Count, reviewing.Total);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Without_manual_review_and_nothing_submitted_the_board_shows_only_the_credit_queue(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(20));
        Assert.Equal(ApplicationStatus.Approved, (await kit.ApplyAsync(await kit.MemberAsync(), course)).Status);

        var view = await LoadAsync(kit.Get<ApplicationBoard>(), new BoardFilter());

        Assert.Equal(["待審核學習積分"], view.Queues.Select(q => q.Label));
        Assert.Equal((1, 1), (view.Total, view.Counts[ApplicationStatus.Approved]));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Only_the_office_may_read_the_board(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(20));
        var member = await kit.MemberAsync();
        await kit.ApplyAsync(member, course);
        var board = kit.Get<ApplicationBoard>();

        foreach (var actor in new[] { TestData.MemberActor(member), TestData.OrganiserActor(course.OrganiserId) })
        {
            var refused = await board.LoadAsync(actor, new BoardFilter());
            Assert.Equal((OutcomeKind.Forbidden, "只有計畫辦公室可以使用管理中心", null), (refused.Kind, refused.Message, refused.Value));
        }
        var visitor = await board.LoadAsync(Actor.Visitor, new BoardFilter());
        Assert.Equal((OutcomeKind.Forbidden, "請先登入"), (visitor.Kind, visitor.Message));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_filters_offer_every_organiser_and_the_courses_that_have_applications(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var scene = await SceneAsync(kit);
        var empty = await kit.CourseAsync("尚無申請的課程", new DateOnly(2027, 6, 1));

        var (organisers, courses) = await scene.Board.ChoicesAsync(TestData.Office);
        Assert.Equal(["測試培訓單位", "第二培訓單位"], organisers.Select(o => o.Label).Order());
        Assert.Equal(["生成式AI應用", "機器學習", "資料科學"], courses.Select(c => c.Label));

        var (_, withChosen) = await scene.Board.ChoicesAsync(TestData.Office, empty.Id);
        Assert.Equal(["尚無申請的課程", "生成式AI應用", "機器學習", "資料科學"], withChosen.Select(c => c.Label));
    }
}
