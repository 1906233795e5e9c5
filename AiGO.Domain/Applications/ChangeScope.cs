using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Mail;

namespace AiGO.Domain.Applications;

/// <summary>
/// What an action works with inside <see cref="UnitOfWork"/>: the locked context, who acts, the time, and the
/// verbs that keep the rules (a status move through the transition table with its history row, a mail in the outbox).
/// </summary>
public sealed class ChangeScope
{
    private readonly List<string> _notes = [];
    private readonly Dictionary<SubsidyApplication, List<string>> _moves = new(ReferenceEqualityComparer.Instance);

    internal ChangeScope(AiGoDbContext db, Actor actor, DateTimeOffset now, DateOnly today, CancellationToken ct)
    {
        Db = db;
        Actor = actor;
        Now = now;
        Today = today;
        Ct = ct;
    }

    public AiGoDbContext Db { get; }
    public Actor Actor { get; }
    public DateTimeOffset Now { get; }
    /// <summary>Today in Taipei.</summary>
    public DateOnly Today { get; }
    public CancellationToken Ct { get; }

    /// <summary>Records what the change did to its subject when it is not a status move (e.g. attendance).</summary>
    public void Note(string detail) => _notes.Add(detail);

    /// <summary>What this change did to <paramref name="subject"/>, in words, for the audit log.</summary>
    internal string DetailsOf(SubsidyApplication subject) =>
        string.Join("；", _notes.Concat(_moves.GetValueOrDefault(subject, [])));

    /// <summary>The other applications this change moved (a promotion from the waitlist), each with its moves in words.</summary>
    internal IEnumerable<(SubsidyApplication Application, string Details)> OthersMoved(SubsidyApplication subject) =>
        _moves.Where(m => !ReferenceEquals(m.Key, subject)).Select(m => (m.Key, string.Join("；", m.Value)));

    /// <summary>Moves the application as the acting user; the transition table must allow it.</summary>
    public void Move(SubsidyApplication app, ApplicationStatus to, string reason) => MoveBy(Actor, app, to, reason);

    /// <summary>Moves the application as the system (a promotion, a completion decided by the rules).</summary>
    public void MoveAsSystem(SubsidyApplication app, ApplicationStatus to, string reason) => MoveBy(Actor.System, app, to, reason);

    private void MoveBy(Actor by, SubsidyApplication app, ApplicationStatus to, string reason)
    {
        var from = app.Status;
        Db.StatusChanges.Add(app.MoveTo(to, by, reason, Now));
        if (!_moves.TryGetValue(app, out var moves)) _moves[app] = moves = [];
        moves.Add($"{from.Label()} → {to.Label()}：{reason}");
    }

    /// <summary>Puts a mail in the outbox: it goes out only if this change commits, and the sender is woken then.</summary>
    public void Mail(string address, string? name, MailContent content) => Db.Outbox.Add(Outbox.Create(address, name, content, Now));

    public Task<MemberContact> MemberAsync(string memberId) => MemberContact.LoadAsync(Db, memberId, Ct);

    /// <summary>稽核紀錄: who did what to which record, written in this change's transaction.</summary>
    public void Audit(string action, string entityType, object entityId, string details) =>
        Db.AuditLog.Add(Actor.Audit(Now, action, entityType, entityId, details));

    /// <summary>
    /// After the course's last day an enrolled application is 已結訓 or 未達結訓標準 as soon as the rules say so, or
    /// when <paramref name="deadlinePassed"/>, with what is still missing.
    /// </summary>
    internal void DecideCompletion(SubsidyApplication app, bool deadlinePassed = false)
    {
        if (Completion.Decide(app.Course, app, Today, deadlinePassed) is { } decided)
            MoveAsSystem(app, decided.Status, decided.Reason);
    }
}
