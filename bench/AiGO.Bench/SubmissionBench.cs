using System.Diagnostics;
using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Mail;
using AiGO.Domain.Organisers;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Bench;

/// <summary>
/// Submissions per second through SubmitApplication (eligibility re-check, locked cap and seat reservation, history,
/// two outbox mails) beside bare inserts of the same four rows, on SQLite and on PostgreSQL. Goal: ≥ 0.5× on both.
/// </summary>
public static class SubmissionBench
{
    private const int Members = 2000;
    private const int Courses = 100;
    private const int Parallel = 4;

    private const int Rounds = 3;

    public static async Task RunAsync()
    {
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            // One untimed round of each first, so neither side pays for JIT and EF's query compilation in the
            // figures; then alternate the two, so a noisy moment on the machine does not land on one side only.
            await MeasureAsync(provider, bare: false);
            await MeasureAsync(provider, bare: true);
            var full = new List<double>();
            var bare = new List<double>();
            for (var round = 0; round < Rounds; round++)
            {
                full.Add(await MeasureAsync(provider, bare: false));
                bare.Add(await MeasureAsync(provider, bare: true));
            }
            var (fullMedian, bareMedian) = (Median(full), Median(bare));
            Console.WriteLine($"Submissions on {provider}, {Members:N0} members × 1 course each over {Courses} courses, {Parallel} at a time; median of {Rounds} rounds after a warm-up");
            Console.WriteLine($"{"SubmitApplication (full enforcement)",-44} {fullMedian,8:F0} /s   (rounds: {string.Join(", ", full.Select(r => r.ToString("F0")))})");
            Console.WriteLine($"{"bare inserts of the same rows",-44} {bareMedian,8:F0} /s   (rounds: {string.Join(", ", bare.Select(r => r.ToString("F0")))})");
            Console.WriteLine($"ratio {fullMedian / bareMedian:F2}×   (goal ≥ 0.5×)");
            Summary.Add($"submissions/s on {provider}: full ÷ bare inserts", $"{fullMedian:F0} / {bareMedian:F0} = {fullMedian / bareMedian:F2}×", "≥ 0.5×", fullMedian / bareMedian >= 0.5);
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static async Task<double> MeasureAsync(DatabaseProvider provider, bool bare)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"aigo-bench-{Guid.NewGuid():N}");
        var cs = provider == DatabaseProvider.Sqlite ? DatabaseSetup.SqliteConnectionString(folder) : await BenchPostgres.CreateDatabaseAsync("submit");
        try
        {
            var factory = new Factory(provider, cs);
            var (members, courses) = await SeedAsync(factory);
            var templates = new MailTemplates(new ProgrammeOfficeOptions());
            var quiet = new Quiet();
            var submit = new SubmitApplication(new UnitOfWork(factory, TimeProvider.System, quiet, quiet), new SubsidyPolicy(), new ApplicationMails(templates));
            var facts = new MemberFacts(new DateOnly(1990, 1, 1), "A123456789", null, true, 2);
            var consents = new Consents(true, true, true);
            var next = -1;
            var sw = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < members.Count)
                {
                    var courseId = courses[i % courses.Count];
                    if (bare) await InsertAsync(factory, templates, members[i], courseId);
                    else
                    {
                        var outcome = await submit.SubmitAsync(new Actor(members[i], "學員", new HashSet<string> { Roles.Trainee }, null), courseId, facts, consents);
                        if (!outcome.Succeeded) throw new InvalidOperationException(outcome.Message);
                    }
                }
            })));
            return members.Count / sw.Elapsed.TotalSeconds;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (provider == DatabaseProvider.Postgres) await BenchPostgres.DropDatabaseAsync(cs);
            else try { Directory.Delete(folder, true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// The rows one approved submission writes — the application, its history row, the member's mail and the
    /// organiser's mail — in one transaction (SaveChanges), with none of the reads, checks or locking.
    /// </summary>
    private static async Task InsertAsync(Factory factory, MailTemplates templates, string memberId, int courseId)
    {
        await using var db = factory.CreateDbContext();
        var now = DateTimeOffset.UtcNow;
        var application = new SubsidyApplication
        {
            CourseId = courseId, MemberId = memberId, Status = ApplicationStatus.Approved, Subsidy = 5000, CapYear = 2030,
            CreatedAt = now, SubmittedAt = now, ConsentedAt = now, UpdatedAt = now, PrerequisitesAgreed = true,
            PrivacyConsentVersion = PrivacyNotice.ApplicationVersion, AffidavitVersion = SubmitApplication.AffidavitVersion,
        };
        db.Applications.Add(application);
        db.StatusChanges.Add(new ApplicationStatusChange
        {
            Application = application, From = ApplicationStatus.Draft, To = ApplicationStatus.Approved, At = now,
            ActorId = memberId, ActorName = "學員", Reason = "填寫完成",
        });
        db.Outbox.Add(Outbox.Create("m@example.tw", "學員", templates.ApplicationApproved("學員", "課程", null, "王小明", "02-66316528", "c@example.tw"), now));
        db.Outbox.Add(Outbox.Create("org@example.tw", "培訓單位", templates.ApplicationToOrganiser("培訓單位", "學員", "課程"), now));
        await db.SaveChangesAsync();
    }

    private static async Task<(List<string> Members, List<int> Courses)> SeedAsync(Factory factory)
    {
        await using var db = factory.CreateDbContext();
        await db.Database.MigrateAsync();
        var org = new Organiser { Name = "培訓單位", ContactEmail = "org@example.tw" };
        var courses = Enumerable.Range(0, Courses).Select(i => new Course
        {
            Organiser = org, Name = $"課程{i}", StartDate = new DateOnly(2030, 3, 1), EndDate = new DateOnly(2030, 3, 8), Hours = 12,
            VenueMode = VenueMode.Online, Platform = "Microsoft Teams", TotalFee = 10000, GovernmentShare = 5000, TraineeShare = 5000,
            PlannedSeats = 1000, Status = CourseStatus.Published, ContactName = "王小明", ContactPhone = "02-66316528", ContactEmail = "c@example.tw",
        }).ToList();
        db.Courses.AddRange(courses);
        var users = Enumerable.Range(0, Members).Select(i => new AppUser
        {
            UserName = $"m{i}@example.tw", Email = $"m{i}@example.tw", NormalizedEmail = $"M{i}@EXAMPLE.TW", NormalizedUserName = $"M{i}@EXAMPLE.TW",
            DisplayName = $"學員{i}", EmailConfirmed = true,
        }).ToList();
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        return (users.Select(u => u.Id).ToList(), courses.Select(c => c.Id).ToList());
    }

    private sealed class Factory(DatabaseProvider provider, string cs) : IDbContextFactory<AiGoDbContext>
    {
        public AiGoDbContext CreateDbContext() => DatabaseSetup.Create(provider, cs);
    }

    private sealed class Quiet : IChangeNotifier, IMailSignal
    {
        public void Publish(LiveChange change) { }
        public void Notify() { }
    }
}
