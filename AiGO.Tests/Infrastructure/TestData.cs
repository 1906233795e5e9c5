using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Data;
using AiGO.Domain.Common;
using AiGO.Domain.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using AiGO.Domain.Organisers;

namespace AiGO.Tests.Infrastructure;

/// <summary>Small builders for database tests.</summary>
public static class TestData
{
    public static Course Course(Organiser organiser, string name, DateOnly start, VenueMode mode = VenueMode.OnSite, string? city = "臺北市",
        int fee = 10000, int seats = 10, CourseStatus status = CourseStatus.Published) => new()
    {
        Organiser = organiser,
        Name = name,
        StartDate = start,
        EndDate = start.AddDays(7),
        ClassTimes = "每週六 09:00-16:00",
        Hours = 12,
        VenueMode = mode,
        Platform = mode == VenueMode.OnSite ? null : "Microsoft Teams",
        Address = mode == VenueMode.Online ? null : "某某大樓3樓",
        City = mode == VenueMode.Online ? null : city,
        TotalFee = fee,
        GovernmentShare = fee / 2,
        TraineeShare = fee - fee / 2,
        PlannedSeats = seats,
        Status = status,
        ContactName = "王小明",
        ContactPhone = "02-66316528",
        ContactEmail = "contact@example.tw",
    };

    /// <summary>
    /// Gives <paramref name="course"/> what 送審 and 公開 ask (<see cref="CourseReadiness"/>): an outline, no prerequisites
    /// stated, a registration page and six-hour sessions from its start date that add up to its hours.
    /// </summary>
    public static Course ReadyToPublish(this Course course)
    {
        course.Outline = ["課程介紹", "實作演練"];
        course.NoPrerequisites = true;
        course.RegistrationUrl = "https://training.example.tw/course/1";
        var date = course.StartDate;
        for (var left = course.Hours * 60; left > 0; left -= 360, date = date.AddDays(1))
        {
            var minutes = Math.Min(360, left);
            course.Sessions.Add(new CourseSession { Date = date, Start = new TimeOnly(9, 0), End = new TimeOnly(9, 0).AddMinutes(minutes + 60), Minutes = minutes });
        }
        return course;
    }

    public static AppUser Member(string email) => new() { UserName = email, Email = email, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant(), DisplayName = email, EmailConfirmed = true };

    public static SubsidyApplication Application(Course course, AppUser member, ApplicationStatus status, int subsidy) => new()
    {
        Course = course, MemberId = member.Id, Status = status, Subsidy = subsidy, CapYear = course.StartDate.Year,
        CreatedAt = DateTimeOffset.UtcNow, SubmittedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
    };

    public static Actor Office { get; } = new("office-id", "計畫辦公室", new HashSet<string> { Roles.Office }, null);

    public static Actor OrganiserActor(int organiserId) => new($"org-{organiserId}", $"開課單位{organiserId}", new HashSet<string> { Roles.Organiser }, organiserId);

    public static Actor MemberActor(AppUser member) => new(member.Id, member.DisplayName, new HashSet<string> { Roles.Trainee }, null);
}

/// <summary>
/// The domain's services as the app wires them (<see cref="Web.Hosting.DomainSetup.AddAiGoDomain"/>), over a test
/// database, with a clock, a notifier and a mail signal the test can watch.
/// </summary>
public static class TestServices
{
    /// <summary>Encrypts national IDs as the app does, with keys that live as long as the process.</summary>
    public static Web.Accounts.NationalIdProtector Protector { get; } = new(
        new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider(),
        new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Accounts:NationalIdHashKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Accounts:NationalIdEncryption:CurrentKeyId"] = "test",
            ["Accounts:NationalIdEncryption:Keys:test"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        }).Build(),
        new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = Microsoft.Extensions.Hosting.Environments.Production },
        Path.GetTempPath());

    public static ServiceProvider Build(EmptyDatabase database, TimeProvider clock, IChangeNotifier notifier, IMailSignal? mail = null, SubsidyPolicy? policy = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        Web.Hosting.DomainSetup.AddAiGoDomain(services, new ConfigurationBuilder().Build());
        services.AddSingleton<IDbContextFactory<AiGoDbContext>>(new TestDbFactory(database));
        services.AddSingleton(clock);
        services.AddSingleton(notifier);
        services.AddSingleton(mail ?? new CountingMailSignal());
        services.AddSingleton(Protector);
        if (policy is not null) services.AddSingleton(policy);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}

/// <summary>An IDbContextFactory over a test database.</summary>
public sealed class TestDbFactory(EmptyDatabase database) : IDbContextFactory<AiGoDbContext>
{
    public AiGoDbContext CreateDbContext() => database.CreateContext();
}

/// <summary>Records notices instead of pushing them to pages.</summary>
public sealed class RecordingNotifier : IChangeNotifier
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<LiveChange> _changes = new();

    public IReadOnlyList<LiveChange> Changes => _changes.ToList();
    public IReadOnlyList<int> Courses => Changes.Where(c => c.CourseId is not null).Select(c => c.CourseId!.Value).ToList();
    public IReadOnlyList<int> Applications => Changes.Where(c => c.ApplicationId is not null).Select(c => c.ApplicationId!.Value).ToList();

    public void Publish(LiveChange change) => _changes.Enqueue(change);
}

/// <summary>Counts how often the mail sender was woken.</summary>
public sealed class CountingMailSignal : IMailSignal
{
    private int _count;
    public int Count => Volatile.Read(ref _count);
    public void Notify() => Interlocked.Increment(ref _count);
}
