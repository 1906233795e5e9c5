using Microsoft.Extensions.DependencyInjection;
using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Mail;
using AiGO.Domain.Organisers;
using AiGO.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AiGO.Tests.Applications;

public class SubmitApplicationTests
{
    internal static readonly MemberFacts EligibleFacts = new(new DateOnly(1990, 1, 1), "A123456789", null, true, 2);
    internal static readonly Consents AllAgreed = new(true, true, true);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero));
    private readonly RecordingNotifier _notifier = new();

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_eligible_member_is_approved_with_history_and_both_mails(DatabaseProvider provider)
    {
        await using var database = await (await TestDatabases.CreateEmptyAsync(provider)).MigrateAsync();
        var (courseId, members) = await SeedAsync(database, seats: 10, memberCount: 1);
        var member = members[0];

        var outcome = await Service(database).SubmitAsync(TestData.MemberActor(member), courseId, EligibleFacts, AllAgreed);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal((ApplicationStatus.Approved, 5000, (int?)null), (outcome.Value!.Status, outcome.Value.Subsidy, outcome.Value.WaitlistPosition));
        await using var db = database.CreateContext();
        var app = await db.Applications.SingleAsync();
        Assert.Equal((true, PrivacyNotice.ApplicationVersion, SubmitApplication.AffidavitVersion, 2030), (app.PrerequisitesAgreed, app.PrivacyConsentVersion, app.AffidavitVersion, app.CapYear));
        var history = await db.StatusChanges.SingleAsync();
        Assert.Equal((ApplicationStatus.Draft, ApplicationStatus.Approved, member.Id), (history.From!.Value, history.To, history.ActorId));
        var mails = await db.Outbox.ToDictionaryAsync(m => m.ToAddress);
        Assert.Equal(2, mails.Count);
        Assert.Contains("課程補助已通過", mails[member.Email!].TextBody);
        Assert.Contains("請儘速協助學員完成課程報名與繳費", mails["org@example.tw"].TextBody);
        Assert.Contains(courseId, _notifier.Courses);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Past_the_seats_a_member_is_waitlisted_with_a_place_in_line(DatabaseProvider provider)
    {
        await using var database = await (await TestDatabases.CreateEmptyAsync(provider)).MigrateAsync();
        var (courseId, members) = await SeedAsync(database, seats: 1, memberCount: 3);
        var service = Service(database);

        var results = new List<SubmissionResult>();
        foreach (var m in members)
            results.Add((await service.SubmitAsync(TestData.MemberActor(m), courseId, EligibleFacts, AllAgreed)).Value!);

        Assert.Equal([ApplicationStatus.Approved, ApplicationStatus.Waitlisted, ApplicationStatus.Waitlisted], results.Select(r => r.Status));
        Assert.Equal([null, 1, 2], results.Select(r => r.WaitlistPosition));
        await using var db = database.CreateContext();
        Assert.Contains(await db.Outbox.Select(m => m.Subject).ToListAsync(), s => s.Contains("備取第2位"));
        Assert.Equal(1, await db.Outbox.CountAsync(m => m.ToAddress == "org@example.tw")); // only the approved one
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Declining_the_prerequisites_or_a_failed_rule_saves_nothing_and_says_why(DatabaseProvider provider)
    {
        await using var database = await (await TestDatabases.CreateEmptyAsync(provider)).MigrateAsync();
        var (courseId, members) = await SeedAsync(database, seats: 10, memberCount: 1);
        var actor = TestData.MemberActor(members[0]);
        var service = Service(database);

        var declined = await service.SubmitAsync(actor, courseId, EligibleFacts, AllAgreed with { PrerequisitesAgreed = false });
        Assert.Equal(OutcomeKind.Invalid, declined.Kind);
        Assert.Contains("不同意", declined.Message);

        var noCredits = await service.SubmitAsync(actor, courseId, EligibleFacts with { VerifiedCredits = 1 }, AllAgreed);
        Assert.Contains("學習積分", noCredits.Message);
        Assert.Contains("上傳學習積分證明", noCredits.Message);

        Assert.True((await service.SubmitAsync(actor, courseId, EligibleFacts, AllAgreed)).Succeeded);
        var twice = await service.SubmitAsync(actor, courseId, EligibleFacts, AllAgreed);
        Assert.Contains("您已申請過本課程", twice.Message);

        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Applications.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_special_identity_rate_and_the_remaining_cap_set_the_subsidy(DatabaseProvider provider)
    {
        await using var database = await (await TestDatabases.CreateEmptyAsync(provider)).MigrateAsync();
        var (courseId, members) = await SeedAsync(database, seats: 10, memberCount: 1, fee: 40000, governmentShare: 20000);
        var policy = new SubsidyPolicy { DefaultRatePercent = 50, SpecialIdentityRatePercent = { ["2"] = 40 } };
        var service = Service(database, policy);

        var outcome = await service.SubmitAsync(TestData.MemberActor(members[0]), courseId, EligibleFacts with { SpecialIdentity = "2" }, AllAgreed);
        Assert.Equal(16000, outcome.Value!.Subsidy); // 40% of 40000
    }

    internal static async Task<(int CourseId, List<AppUser> Members)> SeedAsync(EmptyDatabase database, int seats, int memberCount, int fee = 10000, int? governmentShare = null)
    {
        await using var db = database.CreateContext();
        var course = TestData.Course(new Organiser { Name = "測試培訓單位", ContactEmail = "org@example.tw" }, "熱門課程", new DateOnly(2030, 5, 1), seats: seats, fee: fee);
        if (governmentShare is { } g) (course.GovernmentShare, course.TraineeShare) = (g, fee - g);
        var members = Enumerable.Range(0, memberCount).Select(i => TestData.Member($"m{i:000}@example.tw")).ToList();
        db.Courses.Add(course);
        db.Users.AddRange(members);
        await db.SaveChangesAsync();
        return (course.Id, members);
    }

    internal SubmitApplication Service(EmptyDatabase database, SubsidyPolicy? policy = null) =>
        TestServices.Build(database, _clock, _notifier, policy: policy).GetRequiredService<SubmitApplication>();
}
