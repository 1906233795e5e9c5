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
using Microsoft.EntityFrameworkCore.Diagnostics;
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
    /// <summary>3, or AIGO_BENCH_IMPORT_ROUNDS (1 for a quick look while working).</summary>
    private static readonly int Rounds = int.TryParse(Environment.GetEnvironmentVariable("AIGO_BENCH_IMPORT_ROUNDS"), out var rounds) && rounds > 0 ? rounds : 3;

    public static async Task RunAsync()
    {
        var protector = new NationalIdProtector(new EphemeralDataProtectionProvider(), new ConfigurationBuilder().Build(),
            new HostingEnvironment { EnvironmentName = Microsoft.Extensions.Hosting.Environments.Development },
            Directory.CreateTempSubdirectory("aigo-bench-import-keys-").FullName);
        // An untimed round of each first (JIT, EF's model and query compilation), then alternate the two.
        await ImportAsync(protector, 500);
        BareRead(File(protector, 500, null), 500);
        var import = new List<Run>();
        var bare = new List<(TimeSpan Time, long Peak, long Heap)>();
        for (var round = 0; round < Rounds; round++)
        {
            import.Add(await ImportAsync(protector, Rows));
            bare.Add(BareRead(File(protector, Rows, null), Rows));
        }
        var (importTime, bareTime) = (Median(import.Select(i => i.Time)), Median(bare.Select(b => b.Time)));
        var peakMb = MB(import.Max(i => i.Peak));
        var ratio = importTime / bareTime;
        Console.WriteLine($"Trainee import on Sqlite, {Rows:N0} rows × 23 columns (all valid: 10,000 applications, their history, mails and profiles); median of {Rounds} rounds after a warm-up");
        Console.WriteLine($"{"read + validate + apply (one transaction)",-44} {importTime.TotalSeconds,7:F2} s   peak {peakMb,5} MB (heap {MB(import.Max(i => i.Heap))} MB, GC committed {MB(import.Max(i => i.Committed))} MB)   (rounds: {string.Join(", ", import.Select(i => $"{i.Time.TotalSeconds:F2} s {MB(i.Peak)} MB ({MB(i.Heap)}, {MB(i.Committed)} MB)"))})");
        Console.WriteLine($"{"bare MiniExcel read of the same file",-44} {bareTime.TotalSeconds,7:F2} s   peak {MB(bare.Max(b => b.Peak)),5} MB (heap {MB(bare.Max(b => b.Heap))} MB)   (rounds: {string.Join(", ", bare.Select(b => b.Time.TotalSeconds.ToString("F2")))} s)");
        Console.WriteLine($"ratio {ratio:F2}×   (goal ≤ 1.5×); peak {peakMb} MB   (goal < 300 MB; the process's working set, runtime included)");
        Console.WriteLine();
        Console.WriteLine("Where the time goes (the median round's phases; wall time, the process's CPU time, bytes allocated):");
        var median = import.OrderBy(i => i.Time).ElementAt(import.Count / 2);
        foreach (var phase in median.Phases)
            Console.WriteLine($"  {phase.Name,-58} {phase.Wall.TotalSeconds,6:F2} s  cpu {phase.Cpu.TotalSeconds,6:F2} s  alloc {MB(phase.Allocated),5} MB{(phase.Note is null ? "" : "   " + phase.Note)}");
        foreach (var (time, sql) in median.SlowQueries)
            Console.WriteLine($"  slow query in apply: {time.TotalSeconds:F2} s  {sql}");
        Console.WriteLine("Apart, on the same 10,000 rows (each also part of apply above):");
        foreach (var phase in Parts(protector, Rows))
            Console.WriteLine($"  {phase.Name,-58} {phase.Wall.TotalSeconds,6:F2} s  cpu {phase.Cpu.TotalSeconds,6:F2} s  alloc {MB(phase.Allocated),5} MB{(phase.Note is null ? "" : "   " + phase.Note)}");
        var writes = median.Phases.Single(p => p.Name.StartsWith("EF alone", StringComparison.Ordinal));
        var floor = bareTime + writes.Wall;
        Console.WriteLine($"Floor of this design: the bare read {bareTime.TotalSeconds:F2} s + EF writing the same rows alone {writes.Wall.TotalSeconds:F2} s = {floor.TotalSeconds:F2} s; the import takes {importTime / floor:F2}× that");
        Summary.Add("import: read + validate + apply ÷ (bare read + EF writes alone)", $"{importTime.TotalSeconds:F1} / {floor.TotalSeconds:F1} s = {importTime / floor:F1}×", "(reported)", null);
        Summary.Add("import: read + validate + apply ÷ bare MiniExcel read", $"{importTime.TotalSeconds:F1} / {bareTime.TotalSeconds:F1} s = {ratio:F1}×", "≤ 1.5×", ratio <= 1.5);
        Summary.Add("import: peak working set, 10,000 rows", $"{peakMb} MB", "< 300 MB", peakMb < 300);
    }

    /// <summary>One measured stretch: wall time, the process's CPU time, and bytes allocated by every thread.</summary>
    private sealed record Phase(string Name, TimeSpan Wall, TimeSpan Cpu, long Allocated, string? Note = null);

    private sealed record Run(TimeSpan Time, long Peak, long Heap, long Committed, IReadOnlyList<Phase> Phases, IReadOnlyList<(TimeSpan Time, string Sql)> SlowQueries);

    /// <summary>Starts a phase; <see cref="Stop"/> ends it.</summary>
    private sealed class PhaseClock
    {
        private readonly Stopwatch _wall = Stopwatch.StartNew();
        private readonly TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;
        private readonly long _allocated = GC.GetTotalAllocatedBytes(precise: false);

        public Phase Stop(string name, string? note = null) =>
            new(name, _wall.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - _cpu, GC.GetTotalAllocatedBytes(precise: false) - _allocated, note);
    }

    /// <summary>
    /// What apply does per accepted row, apart from EF and the database, timed on its own: the mails rendered (the
    /// member's and the organiser's, as ApplicationMails writes them) and the national ID sealed for the profile.
    /// </summary>
    private static List<Phase> Parts(NationalIdProtector protector, int rows)
    {
        var templates = new MailTemplates(new ProgrammeOfficeOptions());
        var clock = new PhaseClock();
        long chars = 0;
        for (var i = 0; i < rows; i++)
        {
            var member = templates.ApplicationApproved($"學員{i}", "AI大型班", null, "王小明", "02-66316528", "c@example.tw");
            var organiser = templates.ApplicationToOrganiser("培訓單位", $"學員{i}", "AI大型班");
            chars += member.Html.Length + member.Text.Length + organiser.Html.Length + organiser.Text.Length;
        }
        var mails = clock.Stop($"render {2 * rows:N0} mails", $"{chars * 2 / (1024 * 1024)} MB of text");
        clock = new PhaseClock();
        for (var i = 0; i < rows; i++)
        {
            var profile = new MemberProfile { NationalId = NationalIdFor(i) };
            protector.Seal(profile);
        }
        var seal = clock.Stop($"seal {rows:N0} national IDs (encrypt + keyed hash)");
        var file = File(protector, rows, null);
        clock = new PhaseClock();
        var (inspection, refusal) = AiGO.Web.Excel.XlsxUpload.Inspect(new MemoryStream(file), long.MaxValue);
        if (refusal is not null) throw new InvalidOperationException(refusal);
        var inspect = clock.Stop("read's package checks alone (zip, sizes, formula scan)", $"{inspection!.FormulaCells.Count} formula cells");
        clock = new PhaseClock();
        BareRead(file, rows);
        var bare = clock.Stop("bare MiniExcel read (as timed above)");
        return [mails, seal, inspect, bare];
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

    /// <summary>One for the whole run: EF keeps one internal service provider (and model) per set of interceptors.</summary>
    private static readonly DbMeter Meter = new();

    private static async Task<Run> ImportAsync(NationalIdProtector protector, int rows)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"aigo-bench-{Guid.NewGuid():N}");
        var cs = DatabaseSetup.SqliteConnectionString(folder);
        try
        {
            var (courseId, organiser, members) = await SeedAsync(cs, protector, rows);
            var file = File(protector, rows, members);
            var meter = Meter;
            var factory = new Factory(cs, meter);
            var quiet = new Quiet();
            var policy = new SubsidyPolicy();
            var submit = new SubmitApplication(new UnitOfWork(factory, TimeProvider.System, quiet, quiet), policy, new ApplicationMails(new MailTemplates(new ProgrammeOfficeOptions())));
            var import = new ImportTrainees(factory, new UnitOfWork(factory, TimeProvider.System, quiet, quiet), submit, policy, protector, TimeProvider.System);
            var reader = new TraineeWorkbookReader(Options.Create(new ImportOptions()));

            // The dry run first, untimed in the total: the look-ups and every row's rules with nothing written.
            var phases = new List<Phase>();
            var dry = new PhaseClock();
            meter.Reset();
            var preview = await import.PreviewAsync(organiser, courseId, reader.Read(new MemoryStream(file)).Rows);
            if (preview.Value?.AcceptedCount != rows) throw new InvalidOperationException($"dry run: {preview.Message}");
            var dryRun = dry.Stop("(dry run apart: read + look-ups + every row's rules)", $"{meter.Queries} queries");
            GC.Collect();

            using var peak = new PeakMemory();
            var sw = Stopwatch.StartNew();
            var clock = new PhaseClock();
            var read = reader.Read(new MemoryStream(file));
            phases.Add(clock.Stop("read (package checks, MiniExcel, header, cells)"));
            if (read.Refusal is not null) throw new InvalidOperationException(read.Refusal);
            meter.Reset();
            clock = new PhaseClock();
            var outcome = await import.ApplyAsync(organiser, courseId, read.Rows, consentsCollected: true);
            var apply = clock.Stop("validate + apply (one transaction)", $"{meter.Queries} queries, {meter.Writes} writes in {meter.Saves} saves");
            var elapsed = sw.Elapsed;
            var top = peak.Stop();
            if (outcome.Value is not { } report || report.AcceptedCount != rows)
                throw new InvalidOperationException($"{outcome.Message} {outcome.Value?.Rejected.FirstOrDefault()?.Problems.FirstOrDefault()?.Text}");
            phases.Add(apply);
            phases.Add(new Phase("  of which SaveChanges (EF: detect changes, commands, keys)", meter.SaveTime, TimeSpan.Zero, 0));
            phases.Add(new Phase("    of which the database executing the writes", meter.WriteTime, TimeSpan.Zero, 0));
            phases.Add(new Phase("  of which queries (look-ups, lock, course)", meter.QueryTime, TimeSpan.Zero, 0));
            phases.Add(new Phase("  of which commit", meter.CommitTime, TimeSpan.Zero, 0));
            phases.Add(new Phase("  the rest: rules, decide/place, mails, sealing, tracking", apply.Wall - meter.SaveTime - meter.QueryTime - meter.CommitTime, TimeSpan.Zero, 0));
            phases.Add(dryRun);
            GC.Collect();
            phases.Add(await WritesAloneAsync(cs, courseId, organiser, file));
            return new Run(elapsed, top, peak.Heap, peak.Committed, phases, meter.SlowQueries.OrderByDescending(q => q.Time).Take(5).ToList());
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
        var course = NewCourse(org, "AI大型班", rows);
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

    private static Course NewCourse(Organiser org, string name, int seats)
    {
        var course = new Course
        {
            Organiser = org, Name = name, StartDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60), Hours = 12,
            VenueMode = VenueMode.Online, Platform = "Microsoft Teams", TotalFee = 10000, GovernmentShare = 5000, TraineeShare = 5000,
            PlannedSeats = seats, Status = CourseStatus.Published, ContactName = "王小明", ContactPhone = "02-66316528", ContactEmail = "c@example.tw",
        };
        course.EndDate = course.StartDate.AddDays(7);
        return course;
    }

    /// <summary>
    /// The floor under apply: the rows it writes, written by EF alone, the way apply writes them (batches of <see cref="ImportTrainees.SaveEvery"/> in one
    /// transaction, each leaving the change tracker) — 10,000 applications on a second course with their history row,
    /// 20,000 outbox mails of the same text (rendered once), 10,000 profiles updated with the row's data — and none of
    /// the rules, locks, look-ups, rendering or sealing.
    /// </summary>
    private static async Task<Phase> WritesAloneAsync(string cs, int firstCourseId, Actor organiser, byte[] file)
    {
        await using var db = DatabaseSetup.Create(DatabaseProvider.Sqlite, cs);
        var first = await db.Courses.AsNoTracking().Include(c => c.Organiser).SingleAsync(c => c.Id == firstCourseId);
        var course = NewCourse(first.Organiser, "AI大型班（寫入下限）", Rows);
        course.OrganiserId = first.OrganiserId;
        course.Organiser = null!;
        db.Courses.Add(course);
        await db.SaveChangesAsync();
        var members = await db.MemberProfiles.AsNoTracking().OrderBy(p => p.UserId).Select(p => p.UserId).ToListAsync();
        var typed = TraineeRow.Read(new TraineeWorkbookReader(Options.Create(new ImportOptions())).Read(new MemoryStream(file)).Rows[0]).Profile;
        var templates = new MailTemplates(new ProgrammeOfficeOptions());
        var toMember = templates.ApplicationApproved("學員0", course.Name, null, "王小明", "02-66316528", "c@example.tw");
        var toOrganiser = templates.ApplicationToOrganiser("培訓單位", "學員0", course.Name);
        db.ChangeTracker.Clear();

        var clock = new PhaseClock();
        var now = DateTimeOffset.UtcNow;
        await using var tx = await db.Database.BeginTransactionAsync();
        foreach (var batch in members.Chunk(ImportTrainees.SaveEvery))
        {
            var profiles = await db.MemberProfiles.Where(p => EF.Parameter(batch).Contains(p.UserId)).ToListAsync();
            foreach (var profile in profiles)
            {
                var (cipher, hash, masked) = (profile.NationalIdCipher, profile.NationalIdHash, profile.NationalIdMasked);
                profile.CopyFrom(typed);
                (profile.NationalIdCipher, profile.NationalIdHash, profile.NationalIdMasked, profile.UpdatedAt) = (cipher, hash, masked, now);
                var app = new SubsidyApplication
                {
                    CourseId = course.Id, MemberId = profile.UserId, CreatedAt = now, Subsidy = 5000, CapYear = course.StartDate.Year, SubmittedAt = now,
                    ConsentedAt = now, PrerequisitesAgreed = true, PrivacyConsentVersion = "v", AffidavitVersion = "v", Status = ApplicationStatus.Approved, UpdatedAt = now,
                };
                db.Applications.Add(app);
                db.StatusChanges.Add(new ApplicationStatusChange { Application = app, To = ApplicationStatus.Approved, At = now, ActorId = organiser.Id, ActorName = organiser.Name, Reason = "寫入下限" });
                db.Outbox.Add(Outbox.Create($"{profile.UserId}@example.tw", "學員", toMember, now));
                db.Outbox.Add(Outbox.Create("org@example.tw", "培訓單位", toOrganiser, now));
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        await tx.CommitAsync();
        return clock.Stop("EF alone writing the same rows (no rules, lock, mail rendering, sealing)");
    }

    /// <summary>
    /// The highest working set seen while it runs, sampled every 5 ms, after an aggressive full collection at its start
    /// (which hands freed memory back to the system), so what an earlier round or the seeding left committed is not
    /// counted as this operation's.
    /// </summary>
    private sealed class PeakMemory : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _sampler;
        private long _peak, _heap, _committed;

        /// <summary>The highest managed heap seen.</summary>
        public long Heap => _heap;

        /// <summary>The most memory the GC held committed (the heap's objects, its free space, and regions not yet handed back).</summary>
        public long Committed => _committed;

        public PeakMemory()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            _sampler = Task.Run(async () =>
            {
                using var process = Process.GetCurrentProcess();
                while (!_stop.IsCancellationRequested)
                {
                    process.Refresh();
                    _peak = Math.Max(_peak, process.WorkingSet64);
                    _heap = Math.Max(_heap, GC.GetTotalMemory(false));
                    _committed = Math.Max(_committed, GC.GetGCMemoryInfo().TotalCommittedBytes);
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

    /// <summary>The app's SQLite context, with the meter listening.</summary>
    private sealed class Factory(string cs, DbMeter meter) : IDbContextFactory<AiGoDbContext>
    {
        public AiGoDbContext CreateDbContext()
        {
            var options = new DbContextOptionsBuilder<SqliteAiGoDbContext>();
            DatabaseSetup.ConfigureSqlite(options, cs);
            options.AddInterceptors(meter, meter.Saving, meter.Committing);
            return new SqliteAiGoDbContext(options.Options);
        }
    }

    /// <summary>
    /// Counts and times what reaches the database: commands inside a SaveChanges are writes, the others queries; the
    /// time inside SaveChanges as a whole, and the commit.
    /// </summary>
    private sealed class DbMeter : DbCommandInterceptor
    {
        private readonly Stopwatch _command = new(), _save = new(), _commit = new();
        private bool _saving;

        public DbMeter()
        {
            Saving = new SaveMeter(this);
            Committing = new CommitMeter(this);
        }

        public SaveMeter Saving { get; }
        public CommitMeter Committing { get; }
        public int Queries { get; private set; }
        public int Writes { get; private set; }
        public int Saves { get; private set; }
        public TimeSpan QueryTime { get; private set; }
        public TimeSpan WriteTime { get; private set; }
        public TimeSpan SaveTime => _save.Elapsed;
        public TimeSpan CommitTime => _commit.Elapsed;

        public void Reset()
        {
            Queries = Writes = Saves = 0;
            SlowQueries.Clear();
            QueryTime = WriteTime = TimeSpan.Zero;
            _save.Reset();
            _commit.Reset();
        }

        /// <summary>The queries (not writes) that took longest, with the start of their SQL and their parameter count.</summary>
        public List<(TimeSpan Time, string Sql)> SlowQueries { get; } = [];

        private void Started() => _command.Restart();

        private void Finished(System.Data.Common.DbCommand command)
        {
            _command.Stop();
            if (_saving) { Writes++; WriteTime += _command.Elapsed; return; }
            Queries++;
            QueryTime += _command.Elapsed;
            if (_command.Elapsed <= TimeSpan.FromMilliseconds(100)) return;
            var sql = string.Join(' ', command.CommandText.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries));
            SlowQueries.Add((_command.Elapsed, $"{command.Parameters.Count} parameters: {sql[..Math.Min(160, sql.Length)]}"));
        }

        public override InterceptionResult<System.Data.Common.DbDataReader> ReaderExecuting(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result) { Started(); return result; }
        public override ValueTask<InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken ct = default) { Started(); return ValueTask.FromResult(result); }
        public override System.Data.Common.DbDataReader ReaderExecuted(System.Data.Common.DbCommand command, CommandExecutedEventData eventData, System.Data.Common.DbDataReader result) { Finished(command); return result; }
        public override ValueTask<System.Data.Common.DbDataReader> ReaderExecutedAsync(System.Data.Common.DbCommand command, CommandExecutedEventData eventData, System.Data.Common.DbDataReader result, CancellationToken ct = default) { Finished(command); return ValueTask.FromResult(result); }
        public override InterceptionResult<int> NonQueryExecuting(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<int> result) { Started(); return result; }
        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default) { Started(); return ValueTask.FromResult(result); }
        public override int NonQueryExecuted(System.Data.Common.DbCommand command, CommandExecutedEventData eventData, int result) { Finished(command); return result; }
        public override ValueTask<int> NonQueryExecutedAsync(System.Data.Common.DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken ct = default) { Finished(command); return ValueTask.FromResult(result); }
        public override InterceptionResult<object> ScalarExecuting(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<object> result) { Started(); return result; }
        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken ct = default) { Started(); return ValueTask.FromResult(result); }
        public override object? ScalarExecuted(System.Data.Common.DbCommand command, CommandExecutedEventData eventData, object? result) { Finished(command); return result; }
        public override ValueTask<object?> ScalarExecutedAsync(System.Data.Common.DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken ct = default) { Finished(command); return ValueTask.FromResult(result); }

        public sealed class SaveMeter(DbMeter meter) : SaveChangesInterceptor
        {
            private void Start() { meter.Saves++; meter._saving = true; meter._save.Start(); }
            private void End() { meter._saving = false; meter._save.Stop(); }
            public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) { Start(); return result; }
            public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default) { Start(); return ValueTask.FromResult(result); }
            public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) { End(); return result; }
            public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default) { End(); return ValueTask.FromResult(result); }
            public override void SaveChangesFailed(DbContextErrorEventData eventData) => End();
            public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default) { End(); return Task.CompletedTask; }
        }

        public sealed class CommitMeter(DbMeter meter) : DbTransactionInterceptor
        {
            public override InterceptionResult TransactionCommitting(System.Data.Common.DbTransaction transaction, TransactionEventData eventData, InterceptionResult result) { meter._commit.Start(); return result; }
            public override ValueTask<InterceptionResult> TransactionCommittingAsync(System.Data.Common.DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken ct = default) { meter._commit.Start(); return ValueTask.FromResult(result); }
            public override void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => meter._commit.Stop();
            public override Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default) { meter._commit.Stop(); return Task.CompletedTask; }
        }
    }

    private sealed class Quiet : IChangeNotifier, IMailSignal
    {
        public void Publish(LiveChange change) { }
        public void Notify() { }
    }
}
