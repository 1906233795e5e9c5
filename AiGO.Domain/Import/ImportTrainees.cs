using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Mail;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Import;

/// <summary>What became (or, in a dry run, would become) of a row.</summary>
public enum ImportRowOutcome
{
    /// <summary>已報名成功: a seat.</summary>
    Seat,
    /// <summary>已申請: a seat, waiting for the office's review (manual review is on).</summary>
    Review,
    /// <summary>備取</summary>
    Waitlist,
    /// <summary>Not imported; the problems say why.</summary>
    Rejected,
}

/// <summary>One row's result: the subsidy, the seat or 備取, and the member's annual cap left before and after it.</summary>
public sealed record ImportRowResult(
    TraineeRowCells Cells, string Name, string Email, ImportRowOutcome Outcome, int Subsidy, int? WaitlistPosition,
    int? CapBefore, int? CapAfter, IReadOnlyList<RowProblem> Problems)
{
    public int RowNumber => Cells.RowNumber;
    public bool Accepted => Outcome != ImportRowOutcome.Rejected;

    public string OutcomeLabel => Outcome switch
    {
        ImportRowOutcome.Seat => "正取（已報名成功）",
        ImportRowOutcome.Review => "正取（已申請，待審核）",
        ImportRowOutcome.Waitlist => $"備取第{WaitlistPosition}位",
        _ => "未通過",
    };
}

/// <summary>A dry run's or an import's rows, in file order.</summary>
public sealed record ImportReport(Course Course, IReadOnlyList<ImportRowResult> Rows, bool Applied)
{
    public int AcceptedCount => Rows.Count(r => r.Accepted);
    public int RejectedCount => Rows.Count(r => !r.Accepted);
    public int WaitlistCount => Rows.Count(r => r.Outcome == ImportRowOutcome.Waitlist);
    public IReadOnlyList<ImportRowResult> Rejected => Rows.Where(r => !r.Accepted).ToList();
}

/// <summary>The course an import is for, and the live code tables its template lists.</summary>
public sealed record ImportCourse(Course Course, IReadOnlyList<CodeEntry> LiveCodes);

/// <summary>
/// 匯入學員 (SPEC §7, manual page 14/15): the course's organiser (or the office) uploads trainees for one course. Every
/// row is checked with the wizard's rules — <see cref="ProfileRules"/> for the basic data, then
/// <see cref="SubmitApplication.Decide"/> for eligibility at the course start, the annual cap and the seats — and a dry
/// run shows what each row would come to. Applying puts every valid row through <see cref="SubmitApplication"/>'s own
/// submission in one transaction that holds every member's lock and the course's, with the organiser as the actor.
/// </summary>
public sealed class ImportTrainees(
    IDbContextFactory<AiGoDbContext> dbFactory, UnitOfWork work, SubmitApplication submit, SubsidyPolicy policy,
    INationalIdSealer sealer, TimeProvider clock)
{
    public const string AuditAction = "applicants.import";
    public const string ConsentsMissing = "請確認貴單位已取得每位學員簽署之個人資料同意書及參訓學員須知暨切結書。";

    /// <summary>
    /// Rows written between two saves of an import: the progress bar moves per batch, and saved rows leave memory. Small on
    /// purpose: a row costs about 130 KB of short-lived allocations (EF's commands, the mails, the sealing), so a batch of
    /// 500 lived through several young-generation collections and each batch's tracked entities were promoted to the
    /// oldest generation, to die there; the collector's committed memory grew with the import (10,000 rows: 254–317 MB
    /// peak working set). A batch of 50 dies young, and the import's memory stays flat (225–244 MB) at no cost in time.
    /// </summary>
    internal const int SaveEvery = 50;

    /// <summary>The course and the code tables, for the import page and the template; the course's organiser or the office.</summary>
    public async Task<Outcome<ImportCourse>> OpenAsync(Actor actor, int courseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var course = await db.Courses.AsNoTracking().Include(c => c.Organiser).SingleOrDefaultAsync(c => c.Id == courseId, ct);
        if (course is null) return Outcome<ImportCourse>.From(Outcome.NotFound("找不到此課程"));
        if (CourseAccess.ImportTrainees.Deny(actor, course) is { } refused) return Outcome<ImportCourse>.From(refused);
        return Outcome<ImportCourse>.Success(new ImportCourse(course, await LiveCodesAsync(db, ct)));
    }

    /// <summary>The dry run: every row judged as the import would judge it now. Nothing is written.</summary>
    public async Task<Outcome<ImportReport>> PreviewAsync(Actor actor, int courseId, IReadOnlyList<TraineeRowCells> rows, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var course = await db.Courses.AsNoTracking().Include(c => c.Organiser).SingleOrDefaultAsync(c => c.Id == courseId, ct);
        if (course is null) return Outcome<ImportReport>.From(Outcome.NotFound("找不到此課程"));
        if (CourseAccess.ImportTrainees.Deny(actor, course) is { } refused) return Outcome<ImportReport>.From(refused);
        if (Eligibility.CourseRefusal(course, clock.Today()) is { } closed) return Outcome<ImportReport>.From(Outcome.Invalid("course", closed.Message));

        var read = Trainees(rows);
        var ledger = await Ledger.LoadAsync(db, course, read, sealer, policy.AnnualCap, clock.Today(), ct);
        var results = await JudgeAsync(course, read, ledger, await LiveCodesAsync(db, ct), clock.Today(), accepted: null);
        return Outcome<ImportReport>.Success(new ImportReport(course, results, Applied: false));
    }

    /// <summary>
    /// Applies every valid row in one transaction, judged again under the locks (the dry run may be stale), each through
    /// the wizard's submission with <paramref name="actor"/> acting for the member; the member's basic data is updated
    /// from the row as the wizard updates it. <paramref name="progress"/> hears how many rows are done.
    /// </summary>
    /// <param name="consentsCollected">The organiser confirms it holds each trainee's signed consent and affidavit (manual page 15/15).</param>
    public async Task<Outcome<ImportReport>> ApplyAsync(Actor actor, int courseId, IReadOnlyList<TraineeRowCells> rows, bool consentsCollected,
        IProgress<int>? progress = null, CancellationToken ct = default)
    {
        var read = Trainees(rows);
        IReadOnlyList<string> memberIds;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var course = await db.Courses.AsNoTracking().SingleOrDefaultAsync(c => c.Id == courseId, ct);
            if (course is null) return Outcome<ImportReport>.From(Outcome.NotFound("找不到此課程"));
            if (CourseAccess.ImportTrainees.Deny(actor, course) is { } refused) return Outcome<ImportReport>.From(refused);
            if (!consentsCollected) return Outcome<ImportReport>.From(Outcome.Invalid("consents", ConsentsMissing));
            memberIds = await Ledger.MemberIdsAsync(db, read, ct);
        }

        ImportReport? report = null;
        var outcome = await work.ForMembersOnCourseAsync(actor, memberIds, courseId, CourseAccess.ImportTrainees, async (scope, course) =>
        {
            if (Eligibility.CourseRefusal(course, scope.Today) is { } closed) return Outcome.Invalid("course", closed.Message);
            var db = scope.Db;
            var ledger = await Ledger.LoadAsync(db, course, read, sealer, policy.AnnualCap, scope.Today, scope.Ct);
            var onBehalf = $"由{actor.Name}匯入學員名單，代學員申請";
            var batch = new List<(MemberProfile Typed, string MemberId)>(SaveEvery);
            var placed = 0;

            // Inside the one transaction: a batch of rows is written, then leaves the change tracker (and memory), so
            // each save looks only at its own rows. The batch's profiles and accounts are read together, one query each.
            // Changes are detected once per save, explicitly, instead of at every look at the tracker (the save itself,
            // the versions it renews, the changes the unit collects for live updates).
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            async Task SaveBatchAsync()
            {
                var ids = batch.Select(b => b.MemberId).ToList();
                var profiles = await db.MemberProfiles.Where(p => EF.Parameter(ids).Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, scope.Ct);
                var users = await db.Users.Where(u => EF.Parameter(ids).Contains(u.Id)).ToDictionaryAsync(u => u.Id, scope.Ct);
                foreach (var (typed, memberId) in batch) SaveProfile(typed, memberId, profiles, users, scope);
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(scope.Ct);
                db.ChangeTracker.Clear();
                // The course stays tracked, as the unit loaded it: a new application finds its course (and so who may
                // move it) through the tracked course, as a single submission's does.
                db.Courses.Attach(course);
                placed += batch.Count;
                batch.Clear();
                progress?.Report(placed);
            }

            var results = await JudgeAsync(course, read, ledger, await LiveCodesAsync(db, scope.Ct), scope.Today, async (row, member, snapshot, facts) =>
            {
                var done = submit.Place(scope, snapshot, member.Id, row.Profile.Name!.Trim(), facts, onBehalf);
                if (!done.Succeeded) throw new InvalidOperationException($"Row {row.RowNumber} was judged valid but refused: {done.Message}");
                batch.Add((row.Profile, member.Id));
                if (batch.Count == SaveEvery) await SaveBatchAsync();
            });
            if (batch.Count > 0) await SaveBatchAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            var accepted = results.Count(r => r.Accepted);
            if (accepted > 0)
                scope.Audit(AuditAction, nameof(Course), course.Id,
                    $"{course.Name}：匯入學員名單{results.Count}列，{accepted}筆申請（備取{results.Count(r => r.Outcome == ImportRowOutcome.Waitlist)}筆），{results.Count - accepted}列未通過檢查");
            report = new ImportReport(course, results, Applied: true);
            progress?.Report(placed);
            return null;
        }, ct);
        return outcome.Succeeded ? Outcome<ImportReport>.Success(report!) : Outcome<ImportReport>.From(outcome);
    }

    /// <summary>
    /// The rows that name a trainee, still as cells: each is read into a profile only when it is judged, and that profile
    /// is let go once the row is judged (or, when applied, saved), so a large file's profiles are never all in memory.
    /// </summary>
    private static List<TraineeRowCells> Trainees(IReadOnlyList<TraineeRowCells> rows) => rows.Where(r => !r.IsBlank).ToList();

    private static async Task<IReadOnlyList<CodeEntry>> LiveCodesAsync(AiGoDbContext db, CancellationToken ct) =>
        await db.Codes.AsNoTracking().Where(c => !c.IsRetired).OrderBy(c => c.Table).ThenBy(c => c.SortOrder).ToListAsync(ct);

    /// <summary>A row accepted by the rules, to be written.</summary>
    private delegate Task Accept(TraineeRow row, Ledger.Member member, SubmissionSnapshot snapshot, MemberFacts facts);

    /// <summary>
    /// Judges each row in file order against the ledger, which counts the rows accepted before it (their seats, their
    /// holds on the cap), exactly as consecutive submissions would see each other.
    /// </summary>
    private async Task<List<ImportRowResult>> JudgeAsync(Course course, List<TraineeRowCells> rows, Ledger ledger, IReadOnlyList<CodeEntry> codes, DateOnly today,
        Accept? accepted)
    {
        var results = new List<ImportRowResult>(rows.Count);
        var firstByEmail = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var firstById = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var cells in rows)
        {
            var row = TraineeRow.Read(cells);
            var member = ledger.Find(row.Email);
            // The columns the workbook does not have (工作內容, 就學學校, 就學科系) come from what the member saved.
            if (member is { IsTrainee: true, Profile: { } saved })
            {
                row.Profile.JobContent = saved.JobContent;
                row.Profile.School = saved.School;
                row.Profile.Major = saved.Major;
            }
            var problems = row.CheckProfile(codes, today).ToList();
            var id = Common.NationalId.Parse(row.Profile.NationalId) is { IsValid: true, Value: { } parsed } ? parsed : null;

            if (row.Email.Length == 0) problems.Add(new RowProblem(TraineeSheet.Email, "請填寫E-mail（學員登入AIGO帳號之信箱）"));
            else if (!firstByEmail.TryAdd(row.Email, row.RowNumber)) problems.Add(new RowProblem(TraineeSheet.Email, $"與第{firstByEmail[row.Email]}列的E-mail重複，同一位學員只能匯入一次"));
            else if (member is null) problems.Add(new RowProblem(TraineeSheet.Email, "找不到以此E-mail登入的AIGO帳號，請學員先註冊會員"));
            else if (!member.IsTrainee) problems.Add(new RowProblem(TraineeSheet.Email, "此E-mail不是學員帳號"));

            if (id is not null)
            {
                if (!firstById.TryAdd(id.Value, row.RowNumber)) problems.Add(new RowProblem(TraineeSheet.NationalId, $"與第{firstById[id.Value]}列的身分證字號重複"));
                else if (member is { IsTrainee: true })
                {
                    var hash = ledger.HashOf(id);
                    if (member.Profile?.NationalIdHash is { } stored && stored != hash)
                        problems.Add(new RowProblem(TraineeSheet.NationalId, "與此E-mail帳號的會員資料中的身分證字號不符，請確認E-mail或身分證字號是否填錯"));
                    else if (ledger.OwnerOf(hash) is { } owner && owner != member.Id)
                        problems.Add(new RowProblem(TraineeSheet.NationalId, "此身分證字號已由其他帳號使用，如有疑問請洽計畫辦公室"));
                }
            }

            if (problems.Count > 0 || member is null)
            {
                var left = member is { IsTrainee: true } ? ledger.CapLeft(member) : (int?)null;
                results.Add(new ImportRowResult(row.Cells, row.Name, row.Email, ImportRowOutcome.Rejected, 0, null, left, left, problems));
                continue;
            }

            ProfileRules.Normalise(row.Profile);

            var snapshot = ledger.SnapshotFor(member);
            var facts = new MemberFacts(row.Profile.Birthday, id!.Value, row.Profile.SpecialIdentity, member.EmailConfirmed, member.VerifiedCredits);
            var decision = submit.Decide(snapshot, facts, today);
            if (!decision.Accepted)
            {
                var why = decision.Problems.Count > 0
                    ? decision.Problems.Select(p => new RowProblem(ColumnOf(p.Code), $"{p.Message}{p.Remedy}")).ToList()
                    : [new RowProblem(null, SubmitApplication.CapUsedUp)];
                results.Add(new ImportRowResult(row.Cells, row.Name, row.Email, ImportRowOutcome.Rejected, 0, null, decision.RemainingCapBefore, decision.RemainingCapBefore, why));
                continue;
            }

            var reservation = decision.Reservation;
            if (accepted is not null) await accepted(row, member, snapshot, facts);
            ledger.Count(member, reservation);
            var outcome = reservation.Status switch
            {
                ApplicationStatus.Waitlisted => ImportRowOutcome.Waitlist,
                ApplicationStatus.Submitted => ImportRowOutcome.Review,
                _ => ImportRowOutcome.Seat,
            };
            results.Add(new ImportRowResult(row.Cells, row.Name, row.Email, outcome, reservation.Subsidy, reservation.WaitlistPosition,
                decision.RemainingCapBefore, decision.RemainingCapBefore - reservation.Subsidy, []));
        }
        return results;
    }

    /// <summary>The column an eligibility rule is about, where there is one.</summary>
    private static int? ColumnOf(string eligibilityCode) => eligibilityCode switch
    {
        "birthday" or "age" => TraineeSheet.Birthday,
        "national-id" or "nationality" => TraineeSheet.NationalId,
        "email" => TraineeSheet.Email,
        _ => null,
    };

    /// <summary>The member's basic data as the row gives it, saved as the wizard saves it on 填寫完成.</summary>
    private void SaveProfile(MemberProfile typed, string memberId, Dictionary<string, MemberProfile> profiles, Dictionary<string, AppUser> users, ChangeScope scope)
    {
        if (!profiles.TryGetValue(memberId, out var stored))
        {
            stored = new MemberProfile { UserId = memberId };
            scope.Db.MemberProfiles.Add(stored);
            profiles[memberId] = stored;
        }
        stored.CopyFrom(typed);
        ProfileRules.Normalise(stored);
        stored.ClearHiddenFields();
        sealer.Seal(stored);
        stored.UpdatedAt = scope.Now;
        users[memberId].DisplayName = stored.Name!.Trim();
    }

    /// <summary>
    /// What the database says about the members named in the file and about the course, read once; then kept up to date
    /// as rows are accepted, so each row sees the seats and the cap the rows before it took. A file's thousands of
    /// e-mails, ids and hashes go to the database as one array parameter each (<see cref="EF.Parameter{T}"/>): EF's
    /// default of one SQL parameter per value made each 10,000-value look-up cost about half a second to build and parse.
    /// </summary>
    private sealed class Ledger
    {
        public sealed record Member(string Id, string Email, bool EmailConfirmed, bool IsTrainee, SavedProfile? Profile, int VerifiedCredits,
            DateOnly? SanctionedUntil, bool HasLiveApplication);

        /// <summary>
        /// Of the member's saved basic data, what judging a row needs: the national ID's keyed hash, and the fields the
        /// workbook has no column for. (Not the whole profile: a file's thousands of members would hold it all in memory.)
        /// </summary>
        public sealed record SavedProfile(string? NationalIdHash, string? JobContent, string? School, string? Major);

        private readonly Course _course;
        private readonly INationalIdSealer _sealer;
        private readonly Dictionary<string, Member> _byEmail = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, int> _held = [];
        private readonly Dictionary<string, string> _hashOwners = [];
        private readonly HashSet<string> _applied = [];
        private int _seatsTaken, _waitlisted;

        private readonly int _annualCap;

        private Ledger(Course course, INationalIdSealer sealer, int annualCap) => (_course, _sealer, _annualCap) = (course, sealer, annualCap);

        private static string Normalise(string email) => email.Trim().ToUpperInvariant();

        /// <summary>The e-mails the rows give, normalised, each once.</summary>
        private static List<string> Emails(IReadOnlyList<TraineeRowCells> rows) =>
            rows.Select(TraineeRow.EmailOf).Where(e => e.Length > 0).Select(Normalise).Distinct().ToList();

        public static async Task<IReadOnlyList<string>> MemberIdsAsync(AiGoDbContext db, IReadOnlyList<TraineeRowCells> rows, CancellationToken ct)
        {
            var emails = Emails(rows);
            return await db.Users.Where(u => EF.Parameter(emails).Contains(u.NormalizedEmail!)).Select(u => u.Id).ToListAsync(ct);
        }

        public static async Task<Ledger> LoadAsync(AiGoDbContext db, Course course, IReadOnlyList<TraineeRowCells> rows, INationalIdSealer sealer, int annualCap,
            DateOnly today, CancellationToken ct)
        {
            var ledger = new Ledger(course, sealer, annualCap);
            var emails = Emails(rows);
            var users = await db.Users.AsNoTracking().Where(u => EF.Parameter(emails).Contains(u.NormalizedEmail!))
                .Select(u => new { u.Id, u.Email, u.NormalizedEmail, u.EmailConfirmed }).ToListAsync(ct);
            var ids = users.Select(u => u.Id).ToList();
            var traineeRole = await db.Roles.Where(r => r.Name == Roles.Trainee).Select(r => r.Id).SingleOrDefaultAsync(ct);
            var trainees = (await db.UserRoles.Where(ur => ur.RoleId == traineeRole && EF.Parameter(ids).Contains(ur.UserId)).Select(ur => ur.UserId).ToListAsync(ct)).ToHashSet();
            var profiles = await db.MemberProfiles.Where(p => EF.Parameter(ids).Contains(p.UserId))
                .Select(p => new { p.UserId, Saved = new SavedProfile(p.NationalIdHash, p.JobContent, p.School, p.Major) })
                .ToDictionaryAsync(p => p.UserId, p => p.Saved, ct);
            var credits = (await db.LearningCredits.AsNoTracking().Where(c => EF.Parameter(ids).Contains(c.UserId)).ToListAsync(ct))
                .GroupBy(c => c.UserId).ToDictionary(g => g.Key, g => LearningCredit.VerifiedPoints(g));
            var sanctions = (await db.Sanctions.Where(s => EF.Parameter(ids).Contains(s.MemberId) && s.From <= today && s.LiftedAt == null)
                .Select(s => new { s.MemberId, s.Until }).ToListAsync(ct))
                .GroupBy(s => s.MemberId).ToDictionary(g => g.Key, g => g.Max(s => s.Until));
            var holding = ApplicationStatuses.HoldingMoney;
            var live = (await db.Applications.Where(a => a.CourseId == course.Id && holding.Contains(a.Status) && EF.Parameter(ids).Contains(a.MemberId))
                .Select(a => a.MemberId).ToListAsync(ct)).ToHashSet();
            var year = course.StartDate.Year;
            foreach (var held in await db.Applications.Where(a => EF.Parameter(ids).Contains(a.MemberId) && holding.Contains(a.Status) && a.CapYear == year)
                         .GroupBy(a => a.MemberId).Select(g => new { g.Key, Sum = g.Sum(a => a.Subsidy) }).ToListAsync(ct))
                ledger._held[held.Key] = held.Sum;
            var seatHolding = ApplicationStatuses.HoldingSeat;
            ledger._seatsTaken = await db.Applications.CountAsync(a => a.CourseId == course.Id && seatHolding.Contains(a.Status), ct);
            ledger._waitlisted = await db.Applications.CountAsync(a => a.CourseId == course.Id && a.Status == ApplicationStatus.Waitlisted, ct);

            var hashes = rows.Select(r => Common.NationalId.Parse(TraineeRow.NationalIdOf(r))).Where(p => p.IsValid).Select(p => sealer.Hash(p.Value!)).Distinct().ToList();
            foreach (var owner in await db.MemberProfiles.AsNoTracking().Where(p => EF.Parameter(hashes).Contains(p.NationalIdHash!)).Select(p => new { p.NationalIdHash, p.UserId }).ToListAsync(ct))
                ledger._hashOwners[owner.NationalIdHash!] = owner.UserId;

            foreach (var u in users)
                ledger._byEmail[u.NormalizedEmail!] = new Member(u.Id, u.Email ?? "", u.EmailConfirmed, trainees.Contains(u.Id), profiles.GetValueOrDefault(u.Id),
                    credits.GetValueOrDefault(u.Id), sanctions.TryGetValue(u.Id, out var until) ? until : null, live.Contains(u.Id));
            return ledger;
        }

        public Member? Find(string email) => email.Length == 0 ? null : _byEmail.GetValueOrDefault(Normalise(email));

        public string HashOf(NationalId id) => _sealer.Hash(id);

        public string? OwnerOf(string hash) => _hashOwners.GetValueOrDefault(hash);

        public int CapLeft(Member member) => Math.Max(0, _annualCap - _held.GetValueOrDefault(member.Id));

        /// <summary>What <see cref="SubmissionSnapshot.LoadAsync"/> would read for this member now.</summary>
        public SubmissionSnapshot SnapshotFor(Member member) => new(
            _course, member.Email, member.HasLiveApplication || _applied.Contains(member.Id), member.SanctionedUntil,
            _held.GetValueOrDefault(member.Id), _seatsTaken, _waitlisted);

        /// <summary>An accepted row's seat (or place in line) and hold, for the rows after it.</summary>
        public void Count(Member member, Reservation reservation)
        {
            _applied.Add(member.Id);
            _held[member.Id] = _held.GetValueOrDefault(member.Id) + reservation.Subsidy;
            if (reservation.Status == ApplicationStatus.Waitlisted) _waitlisted++;
            else if (ApplicationStatuses.HoldingSeat.Contains(reservation.Status)) _seatsTaken++;
        }
    }
}
