using AiGO.Domain.Applications;
using AiGO.Domain.Data;
using AiGO.Domain.Organisers;
using AiGO.Tests.Infrastructure;

namespace AiGO.Tests.Applications;

public class MemberEligibilityTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Another_live_application_whose_dates_overlap_is_named_in_a_warning(DatabaseProvider provider)
    {
        await using var database = await (await TestDatabases.CreateEmptyAsync(provider)).MigrateAsync();
        await using var db = database.CreateContext();
        var org = new Organiser { Name = "單位" };
        var target = TestData.Course(org, "目標課程", new DateOnly(2030, 5, 1));           // 05-01 ~ 05-08
        var overlapping = TestData.Course(org, "重疊課程", new DateOnly(2030, 5, 8));      // starts on the last day
        var cancelled = TestData.Course(org, "已取消的課程", new DateOnly(2030, 5, 3));
        var later = TestData.Course(org, "之後的課程", new DateOnly(2030, 5, 9));
        var member = TestData.Member("clash@example.tw");
        db.AddRange(target, overlapping, cancelled, later);
        db.Users.Add(member);
        db.Applications.AddRange(
            TestData.Application(overlapping, member, ApplicationStatus.Approved, 5000),
            TestData.Application(cancelled, member, ApplicationStatus.Cancelled, 0),
            TestData.Application(later, member, ApplicationStatus.Waitlisted, 5000));
        await db.SaveChangesAsync();

        var warnings = await MemberEligibility.ClashesAsync(db, member.Id, target);

        var warning = Assert.Single(warnings);
        Assert.Contains("「重疊課程」（2030-05-08 ~ 2030-05-15）與本課程上課期間重疊", warning);
    }
}
