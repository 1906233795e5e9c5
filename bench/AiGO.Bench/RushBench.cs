using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Claims;
using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Domain.Organisers;
using AiGO.Web.Accounts;
using AiGO.Web.Applications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiGO.Bench;

/// <summary>
/// Opening day: N members (default 300, <c>AIGO_BENCH_RUSH_MEMBERS</c>) arrive at once on PostgreSQL. Each loads the
/// catalogue and the course page over HTTP, opens the wizard and presses 填寫完成 through <see cref="ApplyForCourse"/>
/// (the very service the wizard's circuit calls) for the same course with 30 seats. Half of them have used 18,000 of
/// their 20,000 cap already. Afterwards the database is checked: no more than 30 seats held, nobody over the cap,
/// one application per member.
/// </summary>
public static class RushBench
{
    private const int Seats = 30;
    private const int PriorUse = 18_000;
    private static readonly string[] Steps = ["catalogue GET /courses", "course page GET /courses/{id}", "wizard opens (LoadAsync)", "填寫完成 (SubmitAsync)"];

    private static int Members => int.TryParse(Environment.GetEnvironmentVariable("AIGO_BENCH_RUSH_MEMBERS"), out var n) && n > 0 ? n : 300;

    public static async Task RunAsync()
    {
        var cs = await BenchPostgres.CreateDatabaseAsync("rush");
        try
        {
            await using var host = BenchHost.Start(cs);
            var (course, principals) = await SeedAsync(host);
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Members }) { BaseAddress = new Uri(host.BaseUrl), Timeout = TimeSpan.FromMinutes(5) };
            // As a member's browser reaches it in production: through the TLS proxy (the antiforgery cookie is Secure-only).
            http.DefaultRequestHeaders.Add(BenchHost.ForwardedHttps.Key, BenchHost.ForwardedHttps.Value);
            // Compile the pages and queries once, as a running server has.
            await http.GetStringAsync("courses");
            await http.GetStringAsync($"courses/{course.Id + 1}");

            var times = Steps.Select(_ => new ConcurrentBag<double>()).ToArray();
            var errors = new ConcurrentBag<string>();
            var outcomes = new ConcurrentBag<ApplicationStatus>();
            var go = new TaskCompletionSource();
            var members = principals.Select(principal => Task.Run(async () =>
            {
                await go.Task;
                try
                {
                    await TimedAsync(times[0], async () => (await http.GetAsync("courses")).EnsureSuccessStatusCode());
                    await TimedAsync(times[1], async () => (await http.GetAsync($"courses/{course.Id}")).EnsureSuccessStatusCode());
                    await using var scope = host.Services.CreateAsyncScope();
                    var apply = scope.ServiceProvider.GetRequiredService<ApplyForCourse>();
                    ApplyContext? context = null;
                    await TimedAsync(times[2], async () => context = await apply.LoadAsync(principal, course.Id));
                    if (context is null || context.Problems.Count > 0)
                    {
                        errors.Add("the wizard would not open: " + string.Join("; ", context?.Problems.Select(p => p.Message) ?? ["no course"]));
                        return;
                    }
                    ApplyResult? result = null;
                    await TimedAsync(times[3], async () => result = await apply.SubmitAsync(principal, course.Id, context.Account.Profile.Clone(), new Consents(true, true, true)));
                    if (result!.ProfileErrors.Count > 0) errors.Add("profile: " + string.Join("; ", result.ProfileErrors.Select(e => e.Message)));
                    else if (result.Submission is not { Succeeded: true } submission) errors.Add("submission: " + result.Submission?.Message);
                    else outcomes.Add(submission.Value!.Status);
                }
                catch (Exception e)
                {
                    errors.Add($"{e.GetType().Name}: {e.Message}");
                }
            })).ToList();
            var clock = Stopwatch.StartNew();
            go.SetResult();
            await Task.WhenAll(members);
            var elapsed = clock.Elapsed.TotalSeconds;

            var (seatsHeld, overCap, duplicates) = await CheckAsync(host, course);
            Console.WriteLine($"{Members} members at once on PostgreSQL, one course with {Seats} seats; half had {PriorUse:N0} of the cap used");
            Console.WriteLine($"{"throughput (members through all four steps)",-44} {Members / elapsed,8:F1} members/s   ({elapsed:F1} s in all)");
            for (var s = 0; s < Steps.Length; s++)
                Console.WriteLine(Stats.Line(Steps[s], times[s].Order().ToArray()));
            Console.WriteLine($"outcomes: {string.Join(", ", outcomes.GroupBy(o => o).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))}");
            Console.WriteLine($"errors {errors.Count} (goal 0){(errors.IsEmpty ? "" : ": " + string.Join(" | ", errors.Distinct().Take(5)))}");
            Console.WriteLine($"in the database: {seatsHeld} seats held of {Seats}; members over the cap {overCap}; duplicate applications {duplicates} (goal 0, 0)");
            Summary.Add($"rush: {Members} members, throughput", $"{Members / elapsed:F1} members/s", "", null);
            Summary.Add("rush: p95 of 填寫完成 (submission)", $"{Stats.Percentile(times[3].Order().ToArray(), .95):F0} ms", "", null);
            Summary.Add("rush: errors", errors.Count.ToString(), "0", errors.IsEmpty);
            Summary.Add("rush: seat / cap / duplicate violations in the database", $"{Math.Max(0, seatsHeld - Seats)} / {overCap} / {duplicates}", "0 / 0 / 0", seatsHeld <= Seats && overCap == 0 && duplicates == 0);
        }
        finally
        {
            await BenchPostgres.DropDatabaseAsync(cs);
        }
    }

    private static async Task TimedAsync(ConcurrentBag<double> times, Func<Task> step)
    {
        var clock = Stopwatch.StartNew();
        await step();
        times.Add(clock.Elapsed.TotalMilliseconds);
    }

    private static async Task<(int SeatsHeld, int OverCap, int Duplicates)> CheckAsync(BenchHost host, Course course)
    {
        await using var db = host.CreateDbContext();
        var seats = await db.Applications.CountAsync(a => a.CourseId == course.Id && ApplicationStatuses.HoldingSeat.Contains(a.Status));
        var cap = host.Services.GetRequiredService<SubsidyPolicy>().AnnualCap;
        var overCap = await db.Applications.Where(a => a.CapYear == course.StartDate.Year && ApplicationStatuses.HoldingMoney.Contains(a.Status))
            .GroupBy(a => a.MemberId).CountAsync(g => g.Sum(a => a.Subsidy) > cap);
        var duplicates = await db.Applications.Where(a => a.CourseId == course.Id).GroupBy(a => a.MemberId).CountAsync(g => g.Count() > 1);
        return (seats, overCap, duplicates);
    }

    private static async Task<(Course Course, List<ClaimsPrincipal> Principals)> SeedAsync(BenchHost host)
    {
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);
        await using var db = host.CreateDbContext();
        var organiser = new Organiser { Name = "開幕日培訓中心", ContactEmail = "org@example.tw" };
        Course NewCourse(string name, int fee, int seats) => new()
        {
            Organiser = organiser, Name = name, StartDate = start, EndDate = start.AddDays(7), ClassTimes = "每週六 09:00-16:00", Hours = 12,
            VenueMode = VenueMode.Online, Platform = "Microsoft Teams", TotalFee = fee, GovernmentShare = fee / 2, TraineeShare = fee - fee / 2,
            PlannedSeats = seats, Status = CourseStatus.Published, ContactName = "王小明", ContactPhone = "02-66316528", ContactEmail = "c@example.tw",
            Outline = ["導論", "實作"], Prerequisites = ["Python基礎"], CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        };
        var course = NewCourse("生成式AI應用實戰（開幕日）", 10_000, Seats);
        var warm = NewCourse("生成式AI應用實戰（暖身）", 10_000, Seats);
        var prior = NewCourse("AI專案管理（已申請）", 40_000, 1_000);
        db.Courses.AddRange([course, warm, prior, .. Enumerable.Range(1, 20).Select(i => NewCourse($"AI實戰課程 第{i:00}期", 8_000, 30))]);
        await db.SaveChangesAsync();

        var protector = host.Services.GetRequiredService<NationalIdProtector>();
        var traineeRole = await db.Roles.Where(r => r.Name == Roles.Trainee).Select(r => r.Id).SingleAsync();
        var now = DateTimeOffset.UtcNow;
        var users = new List<AppUser>();
        for (var i = 0; i < Members; i++)
        {
            var email = $"rush{i}@example.tw";
            var user = new AppUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true,
                DisplayName = $"學員{i:000}", SecurityStamp = Guid.NewGuid().ToString("N"), CreatedAt = now,
                PrivacyConsentVersion = PrivacyNotice.Version, PrivacyConsentedAt = now,
            };
            users.Add(user);
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = traineeRole });
            var profile = new MemberProfile
            {
                UserId = user.Id, Name = user.DisplayName, NationalId = NationalIdFor(i), Birthday = new DateOnly(1990, 1, 1).AddDays(i),
                Gender = "1", Phone = "0266316666", Mobile = "0912345678", YearsOfWork = 3, Residence = "01",
                SpecialIdentity = "0", Education = "4", Motivation = "1", UpdatedAt = now,
            };
            profile.ChangeIdentityType(IdentityType.Enterprise);
            profile.BusinessNumber = "04231910";
            profile.CompanyName = "財團法人資訊工業策進會";
            profile.Department = "數位轉型研究所";
            profile.JobTitle = "工程師";
            profile.JobLevel = "1";
            profile.UnitSize = "5";
            profile.ChangeIndustrySection("J");
            profile.IndustryDivision = "63";
            protector.Seal(profile);
            db.MemberProfiles.Add(profile);
            db.LearningCredits.Add(new LearningCredit { UserId = user.Id, Title = "AI 概論", Points = 2, Status = CreditStatus.Approved, Source = CreditSource.OnlineCourse, SubmittedAt = now });
            if (i % 2 == 1)
                db.Applications.Add(new SubsidyApplication
                {
                    CourseId = prior.Id, MemberId = user.Id, Status = ApplicationStatus.Approved, Subsidy = PriorUse, CapYear = course.StartDate.Year,
                    CreatedAt = now, SubmittedAt = now, ConsentedAt = now, UpdatedAt = now, PrerequisitesAgreed = true,
                    PrivacyConsentVersion = PrivacyNotice.ApplicationVersion, AffidavitVersion = SubmitApplication.AffidavitVersion,
                });
        }
        await db.SaveChangesAsync();

        // Signed in as the app signs them in: the same claims a member's cookie carries.
        var principals = new List<ClaimsPrincipal>();
        await using var scope = host.Services.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var claims = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
        foreach (var user in users)
            principals.Add(await claims.CreateAsync((await userManager.FindByIdAsync(user.Id))!));
        return (course, principals);
    }

    /// <summary>A valid national ID of its own for member <paramref name="i"/>.</summary>
    private static string NationalIdFor(int i)
    {
        var body = "B1" + i.ToString("D7");
        for (var d = 0; d <= 9; d++)
            if (NationalId.Parse(body + d).IsValid) return body + d;
        throw new InvalidOperationException("one check digit always fits");
    }
}
