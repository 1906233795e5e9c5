using AiGO.Domain.Accounts;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Mail;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Applications;

/// <summary>One row of a batch and what became of it.</summary>
public sealed record BatchRow(int Id, Outcome Outcome);

/// <summary>A batch done row by row: each row succeeded or was refused on its own, exactly as the single action.</summary>
public sealed record BatchOutcome(IReadOnlyList<BatchRow> Rows)
{
    public int SucceededCount => Rows.Count(r => r.Outcome.Succeeded);
    public IReadOnlyList<BatchRow> Refused => Rows.Where(r => !r.Outcome.Succeeded).ToList();
}

/// <summary>
/// The one way anything changes an application or a course's seats: authorise → lock → load → act → completion
/// decided → history → audit → commit → live update → mail signal. An action says who may act, what it loads and
/// what it does; the tail is written here once, so a new action cannot forget to tell open pages or to wake the mail
/// sender. A refused action (its own refusal, or a move the transition table does not allow) writes nothing.
/// </summary>
public sealed class UnitOfWork(IDbContextFactory<AiGoDbContext> dbFactory, TimeProvider clock, IChangeNotifier notifier, IMailSignal mail)
{
    /// <summary>
    /// Acts on one existing application. Staff actions are audited under <paramref name="action"/> with what the
    /// action did, one entry per application it moved; a member's own actions are in the application's history only.
    /// </summary>
    public async Task<Outcome> OnApplicationAsync(Actor actor, int applicationId, Permission<ApplicationParties> may, string action,
        Func<ChangeScope, SubsidyApplication, Task<Outcome?>> act, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var parties = await ApplicationParties.LoadAsync(db, applicationId, ct);
        if (parties is null) return Outcome.NotFound("找不到此申請");
        if (may.Deny(actor, parties) is { } refused) return refused;
        return await RunAsync(db, actor, parties.MemberId, parties.CourseId, async scope =>
        {
            var app = await db.Applications.Include(a => a.Course).ThenInclude(c => c.Organiser)
                .SingleAsync(a => a.Id == applicationId, ct);
            if (await act(scope, app) is { Succeeded: false } failure) return failure;
            scope.DecideCompletion(app);
            // Everyone but the member acting on their own application is audited (staff, and the system).
            // (A unit that changed nothing, such as a second instance deciding a completion already decided, is not.)
            if (ApplicationAccess.KindsOf(actor, parties) != ActorKind.Member && scope.DetailsOf(app) is not "")
            {
                scope.Audit(action, "Application", app.Id, $"{app.Course.Name}：{scope.DetailsOf(app)}");
                foreach (var (other, details) in scope.OthersMoved(app))
                    scope.Audit(action, "Application", other.Id, $"{other.Course.Name}：{details}（因申請 #{app.Id} 的處理連帶異動）");
            }
            return Outcome.Ok;
        }, ct);
    }

    /// <summary>Acts on one existing application, synchronously.</summary>
    public Task<Outcome> OnApplicationAsync(Actor actor, int applicationId, Permission<ApplicationParties> may, string action,
        Func<ChangeScope, SubsidyApplication, Outcome?> act, CancellationToken ct = default) =>
        OnApplicationAsync(actor, applicationId, may, action, (s, a) => Task.FromResult(act(s, a)), ct);

    /// <summary>
    /// A batch (approve or disburse many at once): each row in its own unit, in the order given, so one refused
    /// row leaves the others as the single action would.
    /// </summary>
    public async Task<BatchOutcome> OnEachApplicationAsync(IReadOnlyCollection<int> applicationIds, Func<int, Task<Outcome>> single)
    {
        var rows = new List<BatchRow>();
        foreach (var id in applicationIds.Distinct()) rows.Add(new BatchRow(id, await single(id)));
        return new BatchOutcome(rows);
    }

    /// <summary>
    /// Acts on a course (an edit that adds seats promotes the waitlist), under the lock submissions to it take.
    /// The course is loaded, tracked, with its organiser, and <paramref name="may"/> judges it as it is now.
    /// </summary>
    public async Task<Outcome> OnCourseAsync(Actor actor, int courseId, Permission<Course> may,
        Func<ChangeScope, Course, Task<Outcome?>> act, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await RunAsync(db, actor, null, courseId, async scope =>
        {
            var course = await db.Courses.Include(c => c.Organiser).SingleOrDefaultAsync(c => c.Id == courseId, ct);
            if (course is null) return Outcome.NotFound("找不到此課程");
            if (may.Deny(actor, course) is { } refused) return refused;
            return await act(scope, course) ?? Outcome.Ok;
        }, ct);
    }

    /// <summary>Acts on a course, synchronously.</summary>
    public Task<Outcome> OnCourseAsync(Actor actor, int courseId, Permission<Course> may,
        Func<ChangeScope, Course, Outcome?> act, CancellationToken ct = default) =>
        OnCourseAsync(actor, courseId, may, (s, c) => Task.FromResult(act(s, c)), ct);

    /// <summary>
    /// Acts for a member on a course where the application may not exist yet (a submission; an organiser's import,
    /// where the actor is not the member), locking the member, then the course.
    /// </summary>
    public async Task<Outcome> ForMemberOnCourseAsync(Actor actor, string memberId, int courseId, Permission<ApplicationParties> may,
        Func<ChangeScope, Task<Outcome?>> act, CancellationToken ct = default)
    {
        if (may.Deny(actor, new ApplicationParties(memberId, courseId, null)) is { } refused) return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // On any failure the whole transaction rolls back, so SaveChanges' own savepoint would only add statements under the lock.
        db.Database.AutoSavepointsEnabled = false;
        return await RunAsync(db, actor, memberId, courseId, async scope => await act(scope) ?? Outcome.Ok, ct);
    }

    /// <summary>
    /// Acts for many members on one course in one transaction (an organiser's import: every valid row is applied, or
    /// none), holding every member's lock and then the course's. <paramref name="may"/> judges the course before
    /// anything is locked; the act gets the course, loaded with its organiser.
    /// </summary>
    public async Task<Outcome> ForMembersOnCourseAsync(Actor actor, IReadOnlyCollection<string> memberIds, int courseId, Permission<Course> may,
        Func<ChangeScope, Course, Task<Outcome?>> act, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var seen = await db.Courses.AsNoTracking().SingleOrDefaultAsync(c => c.Id == courseId, ct);
        if (seen is null) return Outcome.NotFound("找不到此課程");
        if (may.Deny(actor, seen) is { } refused) return refused;
        db.Database.AutoSavepointsEnabled = false;
        return await RunAsync(db, actor, () => ApplicationLock.BeginAsync(db, memberIds, courseId, ct), async scope =>
        {
            // Read again under the lock: the seats are decided on the course as it is now.
            var course = await db.Courses.Include(c => c.Organiser).SingleAsync(c => c.Id == courseId, ct);
            return await act(scope, course) ?? Outcome.Ok;
        }, ct);
    }

    /// <summary>
    /// Acts on a member rather than one application (a learning-credit review, a sanction), under the member's lock,
    /// so it cannot interleave with a submission whose eligibility it changes.
    /// </summary>
    /// <param name="courseId">A course the change also touches (a sanction withdraws that course's subsidy): locked after the member.</param>
    public async Task<Outcome> OnMemberAsync(Actor actor, string memberId, Permission<string> may,
        Func<ChangeScope, Task<Outcome?>> act, int? courseId = null, CancellationToken ct = default)
    {
        if (may.Deny(actor, memberId) is { } refused) return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Users.AnyAsync(u => u.Id == memberId, ct)) return Outcome.NotFound("找不到此會員");
        return await RunAsync(db, actor, memberId, courseId, async scope => await act(scope) ?? Outcome.Ok, ct);
    }

    /// <summary>A change with nothing to lock yet, such as a new course; the caller has checked who may make it.</summary>
    internal async Task<Outcome> RunAsync(Actor actor, Func<ChangeScope, Task<Outcome?>> act, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await RunAsync(db, actor, null, null, async scope => await act(scope) ?? Outcome.Ok, ct);
    }

    private Task<Outcome> RunAsync(AiGoDbContext db, Actor actor, string? memberId, int? courseId,
        Func<ChangeScope, Task<Outcome>> act, CancellationToken ct) =>
        RunAsync(db, actor, () => ApplicationLock.BeginAsync(db, memberId, courseId, ct), act, ct);

    private async Task<Outcome> RunAsync(AiGoDbContext db, Actor actor, Func<Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction>> begin,
        Func<ChangeScope, Task<Outcome>> act, CancellationToken ct)
    {
        var changes = new ChangeCollector(db);
        try
        {
            await using var tx = await begin();
            var scope = new ChangeScope(db, actor, clock.GetUtcNow(), clock.Today(), ct);
            var outcome = await act(scope);
            if (!outcome.Succeeded) return outcome; // disposing the transaction rolls back whatever was written
            foreach (var changed in db.ChangeTracker.Entries<SubsidyApplication>().Where(e => e.State == EntityState.Modified))
                changed.Entity.UpdatedAt = scope.Now;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (TransitionRefusedException refused)
        {
            return Outcome.Conflict(refused.Message);
        }
        catch (StorageUnavailableException unavailable)
        {
            return Outcome.Conflict(unavailable.Message);
        }
        await changes.PublishAsync(notifier, mail, ct);
        return Outcome.Ok;
    }

    /// <summary>
    /// Watches every save in the unit (an action may save before its end, as the waitlist does) for what open pages
    /// and the mail sender must hear of once the transaction commits.
    /// </summary>
    private sealed class ChangeCollector
    {
        private readonly AiGoDbContext _db;
        private readonly HashSet<SubsidyApplication> _applications = new(ReferenceEqualityComparer.Instance);
        private readonly HashSet<Course> _courses = new(ReferenceEqualityComparer.Instance);
        private readonly HashSet<string> _members = [];
        private bool _mailWritten;
        private bool _codesChanged;

        public ChangeCollector(AiGoDbContext db)
        {
            _db = db;
            db.SavingChanges += (_, _) => Collect();
        }

        private void Collect()
        {
            foreach (var entry in _db.ChangeTracker.Entries())
            {
                if (entry is { Entity: CodeEntry, State: EntityState.Added or EntityState.Modified or EntityState.Deleted }) _codesChanged = true;
                if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
                switch (entry.Entity)
                {
                    case SubsidyApplication app: _applications.Add(app); break;
                    case Course course: _courses.Add(course); break;
                    case OutboxMessage: _mailWritten = true; break;
                    case LearningCredit credit: _members.Add(credit.UserId); break;
                    case Sanction sanction: _members.Add(sanction.MemberId); break;
                    case PrivacyRequest request: _members.Add(request.MemberId); break;
                }
            }
        }

        public async Task PublishAsync(IChangeNotifier notifier, IMailSignal mail, CancellationToken ct)
        {
            if (_mailWritten) mail.Notify();
            if (_codesChanged) notifier.Publish(LiveChange.ForCodeTables());
            var organisers = _db.Courses.Local.ToDictionary(c => c.Id, c => (int?)c.OrganiserId);
            var unknown = _applications.Select(a => a.CourseId).Where(id => !organisers.ContainsKey(id)).Distinct().ToList();
            if (unknown.Count > 0)
            {
                foreach (var c in await _db.Courses.AsNoTracking().Where(c => unknown.Contains(c.Id)).Select(c => new { c.Id, c.OrganiserId }).ToListAsync(ct))
                    organisers[c.Id] = c.OrganiserId;
            }
            foreach (var member in _members) notifier.Publish(LiveChange.ForMember(member));
            foreach (var course in _courses) notifier.Publish(LiveChange.ForCourse(course.Id, course.OrganiserId));
            foreach (var app in _applications)
                notifier.Publish(LiveChange.ForApplication(app.Id, app.CourseId, organisers.GetValueOrDefault(app.CourseId), app.MemberId));
        }
    }
}
