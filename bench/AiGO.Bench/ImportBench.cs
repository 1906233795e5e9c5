using System.Diagnostics;
using System.Security.Cryptography;
using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Import;
using AiGO.Domain.Mail;
using AiGO.Domain.Organisers;
using AiGO.Web.Accounts;
using AiGO.Web.Hosting;
using AiGO.Web.Import;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using MiniExcelLibs;

namespace AiGO.Bench;

/// <summary>
/// Issue #17: a 10,000-row trainee workbook read, validated and applied (TraineeWorkbookReader, then ImportTrainees'
/// apply: every row judged under the locks and written through SubmitApplication in one transaction, on SQLite) beside
/// a bare MiniExcel read of the same file, with the peak memory of each. Goal: ≤ 1.5× the bare read, &lt; 300 MB peak.
/// </summary>
public static class ImportBench
{
    private const int Rows = 10_000;
    private const int Rounds = 3;

    public static async Task RunAsync()
    {
        var protector = new NationalIdProtector(new EphemeralDataProtectionProvider(), new ConfigurationBuilder().Build(),
            new HostingEnvironment { EnvironmentName = Microsoft.Extensions.Hosting.Environments.Development },
            Directory.CreateTempSubdirectory("aigo-bench-import-keys-").FullName);
        // An untimed round of each first (JIT, EF's model and query compilation), then alternate the two.
        await ImportAsync(protector, 500);
        BareRead(File(protector, 500, null), 500);
        var import = new List<(TimeSpan Time, long Peak, long Heap, TimeSpan Read)>();
        var bare = new List<(TimeSpan Time, long Peak, long Heap)>();
        for (var round = 0; round < Rounds; round++)
        {
            import.Add(await ImportAsync(protector, Rows));
            bare.Add(BareRead(File(protector, Rows, null), Rows));
        }
        var (importTime, bareTime) = (Median(import.Select(i => i.Time)), Median(bare.Select(b => b.Time)));
        Console.WriteLine($"Trainee import on Sqlite, {Rows:N0} rows × 23 columns (all valid: 10,000 applications, their history, mails and profiles); median of {Rounds} rounds after a warm-up");
        Console.WriteLine($"{"read + validate + apply (one transaction)",-44} {importTime.TotalSeconds,7:F2} s   peak {MB(import.Max(i => i.Peak)),5} MB (heap {MB(import.Max(i => i.Heap))} MB)   (rounds: {string.Join(", ", import.Select(i => i.Time.TotalSeconds.ToString("F2")))} s; of which reading {Median(import.Select(i => i.Read)).TotalSeconds:F2} s)");
        Console.WriteLine($"{"bare MiniExcel read of the same file",-44} {bareTime.TotalSeconds,7:F2} s   peak {MB(bare.Max(b => b.Peak)),5} MB (heap {MB(bare.Max(b => b.Heap))} MB)   (rounds: {string.Join(", ", bare.Select(b => b.Time.TotalSeconds.ToString("F2")))} s)");
        Console.WriteLine($"ratio {importTime / bareTime:F2}×   (goal ≤ 1.5×); peak {MB(import.Max(i => i.Peak))} MB   (goal < 300 MB; the process's working set, runtime included)");
    }

    private static TimeSpan Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static long MB(long bytes) => bytes / (1024 * 1024);

    /// <summary>Every row of the first sheet read with MiniExcel and each value touched, nothing else.</summary>
    private static (TimeSpan, long, long) BareRead(byte[] file, int rows)
    {
        using var peak = new PeakMemory();
        var sw = Stopwatch.StartNew();
        var cells = 0;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(new MemoryStream(file), useHeaderRow: false, excelType: ExcelType.XLSX))
            foreach (var value in row.Values)
                if (value is not null) cells++;
        if (cells < rows * 20) throw new InvalidOperationException($"read only {cells} cells");
        return (sw.Elapsed, peak.Stop(), peak.Heap);
    }

    private static async Task<(TimeSpan, long, long, TimeSpan)> ImportAsync(NationalIdProtector protector, int rows)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"aigo-bench-{Guid.NewGuid():N}");
        var cs = DatabaseSetup.SqliteConnectionString(folder);
        try
        {
            var (courseId, organiser, members) = await SeedAsync(cs, protector, rows);
            var file = File(protector, rows, members);
            var factory = new Factory(cs);
            var quiet = new Quiet();
            var policy = new SubsidyPolicy();
            var submit = new SubmitApplication(new UnitOfWork(factory, TimeProvider.System, quiet, quiet), policy, new ApplicationMails(new MailTemplates(new ProgrammeOfficeOptions())));
            var import = new ImportTrainees(factory, new UnitOfWork(factory, TimeProvider.System, quiet, quiet), submit, policy, protector, TimeProvider.System);
            var reader = new TraineeWorkbookReader(Options.Create(new ImportOptions()));

            using var peak = new PeakMemory();
            var sw = Stopwatch.StartNew();
            var read = reader.Read(new MemoryStream(file));
            var reading = sw.Elapsed;
            if (read.Refusal is not null) throw new InvalidOperationException(read.Refusal);
            var outcome = await import.ApplyAsync(organiser, courseId, read.Rows, consentsCollected: true);
            var elapsed = sw.Elapsed;
            var top = peak.Stop();
            if (outcome.Value is not { } report || report.AcceptedCount != rows)
                throw new InvalidOperationException($"{outcome.Message} {outcome.Value?.Rejected.FirstOrDefault()?.Problems.FirstOrDefault()?.Text}");
            return (elapsed, top, peak.Heap, reading);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, true); } catch (IOException) { }
        }
    }

    /// <summary>The app's template with one valid row per member (or made-up members, for the bare read).</summary>
    private static byte[] File(NationalIdProtector protector, int rows, IReadOnlyList<(string Email, string NationalId)>? members)
    {
        members ??= Enumerable.Range(0, rows).Select(i => ($"m{i}@example.tw", NationalIdFor(i))).ToList();
        var codes = CodeTableSeed.All.Select((s, i) => new CodeEntry { Table = s.Table, Code = s.Code, Name = s.Name, ParentCode = s.ParentCode, SortOrder = i }).ToList();
        var results = members.Select((m, i) => new ImportRowResult(new TraineeRowCells(i + 3,
            [(i + 1).ToString(), $"學員{i}", m.NationalId, "1990-01-01", m.Email, "1", m.NationalId[1] == '1' ? "1" : "0", "04231910", "某某科技股份有限公司", "資訊部",
             "工程師", "0266316666", "", "0912345678", "3", "01", "1", "0", "4", "2", "J", "62", "1"]), "", "", ImportRowOutcome.Rejected, 0, null, null, null, [])).ToList();
        using var stream = new MemoryStream();
        TraineeWorkbook.Write(stream, codes, results, rows);
        return stream.ToArray();
    }

    /// <summary>A valid national ID for each index (A1 or A2, then seven digits, then the check digit).</summary>
    private static string NationalIdFor(int i)
    {
        var body = $"A{1 + i % 2}{i:D7}";
        for (var d = 0; d <= 9; d++)
            if (NationalId.Parse(body + d).IsValid) return body + d;
        throw new InvalidOperationException(body);
    }

    private static async Task<(int CourseId, Actor Organiser, List<(string, string)> Members)> SeedAsync(string cs, NationalIdProtector protector, int rows)
    {
        await using var db = DatabaseSetup.Create(DatabaseProvider.Sqlite, cs);
        await db.Database.MigrateAsync();
        await DatabaseInitializer.SeedCodeTablesAsync(db);
        db.Roles.Add(new IdentityRole(Roles.Trainee) { Id = "trainee", NormalizedName = Roles.Trainee.ToUpperInvariant() });
        var org = new Organiser { Name = "培訓單位", ContactEmail = "org@example.tw" };
        var course = new Course
        {
            Organiser = org, Name = "AI大型班", StartDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60), Hours = 12,
            VenueMode = VenueMode.Online, Platform = "Microsoft Teams", TotalFee = 10000, GovernmentShare = 5000, TraineeShare = 5000,
            PlannedSeats = rows, Status = CourseStatus.Published, ContactName = "王小明", ContactPhone = "02-66316528", ContactEmail = "c@example.tw",
        };
        course.EndDate = course.StartDate.AddDays(7);
        db.Courses.Add(course);
        var staff = new AppUser { UserName = "org@example.tw", Email = "org@example.tw", DisplayName = "培訓單位承辦人", EmailConfirmed = true };
        db.Users.Add(staff);
        var members = new List<(string, string)>();
        for (var i = 0; i < rows; i++)
        {
            var email = $"m{i}@example.tw";
            var id = NationalIdFor(i);
            var user = new AppUser { UserName = email, Email = email, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant(), DisplayName = $"學員{i}", EmailConfirmed = true };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = "trainee" });
            var profile = new MemberProfile { UserId = user.Id, Name = $"學員{i}", NationalId = id, Birthday = new DateOnly(1990, 1, 1), UpdatedAt = DateTimeOffset.UtcNow };
            protector.Seal(profile);
            db.MemberProfiles.Add(profile);
            db.LearningCredits.Add(new LearningCredit { UserId = user.Id, Title = "線上課程", Points = 2, Status = CreditStatus.Approved, Source = CreditSource.OnlineCourse, SubmittedAt = DateTimeOffset.UtcNow });
            members.Add((email, id));
        }
        await db.SaveChangesAsync();
        var actor = new Actor(staff.Id, staff.DisplayName, new HashSet<string> { Roles.Organiser }, org.Id);
        return (course.Id, actor, members);
    }

    /// <summary>The highest working set seen while it runs, sampled every 5 ms, after a full collection at its start.</summary>
    private sealed class PeakMemory : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _sampler;
        private long _peak, _heap;

        /// <summary>The highest managed heap seen.</summary>
        public long Heap => _heap;

        public PeakMemory()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            _sampler = Task.Run(async () =>
            {
                using var process = Process.GetCurrentProcess();
                while (!_stop.IsCancellationRequested)
                {
                    process.Refresh();
                    _peak = Math.Max(_peak, process.WorkingSet64);
                    _heap = Math.Max(_heap, GC.GetTotalMemory(false));
                    try { await Task.Delay(5, _stop.Token); } catch (TaskCanceledException) { }
                }
            });
        }

        public long Stop()
        {
            _stop.Cancel();
            _sampler.Wait();
            return _peak;
        }

        public void Dispose() => _stop.Cancel();
    }

    private sealed class Factory(string cs) : IDbContextFactory<AiGoDbContext>
    {
        public AiGoDbContext CreateDbContext() => DatabaseSetup.Create(DatabaseProvider.Sqlite, cs);
    }

    private sealed class Quiet : IChangeNotifier, IMailSignal
    {
        public void Publish(LiveChange change) { }
        public void Notify() { }
    }
}
