using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Data;
using AiGO.Domain.Office;
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

/// <summary>Services the app wires from the web layer, built for domain tests.</summary>
public static class TestServices
{
    /// <summary>Encrypts national IDs as the app does, with keys that live as long as the process.</summary>
    public static Web.Accounts.NationalIdProtector Protector { get; } = new(
        new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider(),
        new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(),
        new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = Microsoft.Extensions.Hosting.Environments.Development });

    public static Waitlist Waitlist(SubsidyPolicy policy) =>
        new(new Web.Accounts.MemberFactsReader(Protector), policy, new Domain.Mail.MailTemplates(new Domain.Mail.ProgrammeOfficeOptions()));
}

/// <summary>An IDbContextFactory over a test database.</summary>
public sealed class TestDbFactory(EmptyDatabase database) : Microsoft.EntityFrameworkCore.IDbContextFactory<AiGoDbContext>
{
    public AiGoDbContext CreateDbContext() => database.CreateContext();
}

/// <summary>Records notices instead of pushing them to pages.</summary>
public sealed class RecordingNotifier : Domain.Common.IChangeNotifier
{
    public List<int> Courses { get; } = [];
    public List<int> Applications { get; } = [];
    public void CourseChanged(int courseId) => Courses.Add(courseId);
    public void ApplicationChanged(int applicationId, int courseId, string memberId)
    {
        Courses.Add(courseId);
        Applications.Add(applicationId);
    }
}
