using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Data;
using AiGO.Domain.Mail;
using AiGO.Domain.Organisers;
using AiGO.Tests.Infrastructure;
using AiGO.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AiGO.Tests.Applications;

/// <summary>
/// The application services wired as the app wires them, over a migrated test database, with a fake clock
/// (2026-11-25 in Taipei) and members whose data is stored as the app stores it (encrypted national ID).
/// </summary>
internal sealed class ApplicationsKit : IAsyncDisposable
{
    private int _members;

    public required EmptyDatabase Database { get; init; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero));
    public RecordingNotifier Notifier { get; } = new();
    public CountingMailSignal Mail { get; } = new();
    public SubsidyPolicy Policy { get; init; } = new();
    public NationalIdProtector Protector => TestServices.Protector;
    public Organiser Organiser { get; } = new() { Name = "測試培訓單位", ContactEmail = "org@example.tw" };

    private ServiceProvider? _services;
    /// <summary>The app's own wiring of the domain (see <see cref="TestServices.Build"/>).</summary>
    public IServiceProvider Services => _services ??= TestServices.Build(Database, Clock, Notifier, Mail, Policy);
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public SubmitApplication Submit => Get<SubmitApplication>();
    public CancelApplication Cancel => Get<CancelApplication>();
    public FillQuestionnaire Questionnaires => Get<FillQuestionnaire>();
    public TraineeCourses MyCourses => Get<TraineeCourses>();
    public SaveCourse Courses => Get<SaveCourse>();
    public UnitOfWork Work => Get<UnitOfWork>();

    public static async Task<ApplicationsKit> CreateAsync(DatabaseProvider provider, SubsidyPolicy? policy = null) =>
        new() { Database = await (await TestDatabases.CreateEmptyAsync(provider)).MigrateAsync(), Policy = policy ?? new SubsidyPolicy() };

    public AiGoDbContext Db() => Database.CreateContext();

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().AddHours(8).DateTime);

    public async Task<Course> CourseAsync(string name, DateOnly start, int seats = 10, int fee = 10000, int hours = 12)
    {
        await using var db = Db();
        var organiser = Organiser.Id == 0 ? Organiser : await db.Organisers.FindAsync(Organiser.Id);
        var course = TestData.Course(organiser!, name, start, seats: seats, fee: fee);
        course.Hours = hours;
        db.Courses.Add(course);
        await db.SaveChangesAsync();
        return course;
    }

    /// <summary>An eligible member: confirmed e-mail, 2 verified credits, born 1990, a national ID of their own.</summary>
    public async Task<AppUser> MemberAsync(string? name = null, int credits = 2)
    {
        var n = Interlocked.Increment(ref _members);
        var user = TestData.Member($"member{n:000}@example.tw");
        user.DisplayName = name ?? $"學員{n}";
        var profile = new MemberProfile { UserId = user.Id, Name = user.DisplayName, NationalId = Accounts.AccountTestData.NewNationalId(), Birthday = new DateOnly(1990, 1, 1), UpdatedAt = Clock.GetUtcNow() };
        Protector.Seal(profile);
        await using var db = Db();
        db.Users.Add(user);
        db.MemberProfiles.Add(profile);
        if (credits > 0)
            db.LearningCredits.Add(new LearningCredit { UserId = user.Id, Title = "線上課程", Points = credits, Status = CreditStatus.Approved, Source = CreditSource.OnlineCourse, SubmittedAt = Clock.GetUtcNow() });
        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>Submits as the wizard does: the member's facts read from what is stored.</summary>
    public async Task<SubmissionResult> ApplyAsync(AppUser member, Course course)
    {
        MemberFacts facts;
        await using (var db = Db()) facts = await new MemberFactsReader(Protector).ReadAsync(db, member.Id);
        var outcome = await Submit.SubmitAsync(TestData.MemberActor(member), course.Id, facts, new Consents(true, true, true));
        Assert.True(outcome.Succeeded, outcome.Message);
        // Submission order is by time: step the clock so each one is strictly later.
        Clock.Advance(TimeSpan.FromSeconds(1));
        return outcome.Value!;
    }

    public async Task<SubsidyApplication> ApplicationAsync(int id)
    {
        await using var db = Db();
        return await db.Applications.FindAsync(id) ?? throw new InvalidOperationException($"No application {id}");
    }

    public async Task<List<OutboxMessage>> MailsToAsync(AppUser member)
    {
        await using var db = Db();
        return db.Outbox.Where(m => m.ToAddress == member.Email).OrderBy(m => m.Id).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
