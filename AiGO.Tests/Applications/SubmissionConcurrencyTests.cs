using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Data;
using AiGO.Domain.Organisers;
using AiGO.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Tests.Applications;

/// <summary>The cap and the seats hold when submissions race through SubmitApplication: the check and the write share one locked transaction.</summary>
public class SubmissionConcurrencyTests
{
    private static readonly SubsidyPolicy Policy = new();

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Two_hundred_members_racing_for_ten_seats_leave_ten_approved_and_the_rest_waitlisted_in_order(DatabaseProvider provider)
    {
        await using var database = await (await TestDatabases.CreateEmptyAsync(provider)).MigrateAsync();
        int courseId;
        var members = Enumerable.Range(0, 200).Select(i => TestData.Member($"m{i:000}@example.tw")).ToList();
        await using (var db = database.CreateContext())
        {
            var course = TestData.Course(new Organiser { Name = "單位" }, "熱門課程", new DateOnly(2030, 5, 1), seats: 10);
            db.Courses.Add(course);
            db.Users.AddRange(members);
            await db.SaveChangesAsync();
            courseId = course.Id;
        }

        var service = new SubmitApplicationTests().Service(database);
        var outcomes = await Task.WhenAll(members.Select(m => Task.Run(() => service.SubmitAsync(TestData.MemberActor(m), courseId, SubmitApplicationTests.EligibleFacts, SubmitApplicationTests.AllAgreed))));
        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Message));

        await using var check = database.CreateContext();
        var apps = await check.Applications.Where(a => a.CourseId == courseId).ToListAsync();
        Assert.Equal(200, apps.Count);
        Assert.Equal(10, apps.Count(a => a.Status == ApplicationStatus.Approved));
        Assert.Equal(190, apps.Count(a => a.Status == ApplicationStatus.Waitlisted));
        // Every waitlisted one was submitted after the last approved one.
        Assert.True(apps.Where(a => a.Status == ApplicationStatus.Waitlisted).Min(a => a.Id) > apps.Where(a => a.Status == ApplicationStatus.Approved).Max(a => a.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task One_member_submitting_to_fifty_courses_at_once_never_holds_more_than_the_annual_cap(DatabaseProvider provider)
    {
        await using var database = await (await TestDatabases.CreateEmptyAsync(provider)).MigrateAsync();
        var member = TestData.Member("busy@example.tw");
        List<int> courseIds;
        await using (var db = database.CreateContext())
        {
            var org = new Organiser { Name = "單位" };
            var courses = Enumerable.Range(0, 50).Select(i => TestData.Course(org, $"課程{i}", new DateOnly(2030, 3, 1).AddDays(i), fee: 9000)).ToList();
            db.Courses.AddRange(courses);
            db.Users.Add(member);
            await db.SaveChangesAsync();
            courseIds = courses.Select(c => c.Id).ToList();
        }

        var service = new SubmitApplicationTests().Service(database);
        var outcomes = await Task.WhenAll(courseIds.Select(id => Task.Run(() => service.SubmitAsync(TestData.MemberActor(member), id, SubmitApplicationTests.EligibleFacts, SubmitApplicationTests.AllAgreed))));
        Assert.Equal(45, outcomes.Count(o => o.Message.Contains("補助額度已用完")));

        await using var check = database.CreateContext();
        var held = await SubsidyQueries.HeldInYearAsync(check, member.Id, 2030);
        Assert.Equal(Policy.AnnualCap, held); // 4 × 4500 + one capped at 2000
        var holding = await check.Applications.Where(a => a.MemberId == member.Id && a.Status == ApplicationStatus.Approved).Select(a => a.Subsidy).ToListAsync();
        Assert.Equal(5, holding.Count);
        Assert.Equal([2000, 4500, 4500, 4500, 4500], holding.Order());
    }
}
