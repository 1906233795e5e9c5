using AiGO.Domain.Accounts;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Mail;
using AiGO.Domain.Office;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Applications;

/// <summary>
/// What the organiser (its own courses only) and the programme office do to an application after it is submitted
/// (SPEC §5, §12): approve or reject, confirm registration and payment, record attendance, the test and the
/// certificate, record the disbursement. Each action runs in the application's locked transaction, writes the
/// status history and the audit log, decides completion once the course has ended, and tells open pages.
/// </summary>
public sealed class ApplicationActions(
    IDbContextFactory<AiGoDbContext> dbFactory, Waitlist waitlist, MailTemplates templates, TimeProvider clock,
    IChangeNotifier notifier, IMailSignal mail)
{
    /// <summary>The office approves a submitted application (when manual review is on).</summary>
    public Task<Outcome> ApproveAsync(Actor actor, int applicationId, string? note, CancellationToken ct = default) =>
        ActAsync(actor, applicationId, OfficeOnly, "application.approve", async s =>
        {
            if (s.App.Status != ApplicationStatus.Submitted) return WrongStatus(s.App, "核准");
            s.Move(ApplicationStatus.Approved, note ?? "計畫辦公室審核通過");
            var (email, name) = await s.MemberAsync();
            s.Db.Outbox.Add(Outbox.Create(email, name, templates.ApplicationApproved(name, s.Course.Name, s.Course.RegistrationUrl, s.Course.ContactName, s.Course.ContactPhone, s.Course.ContactEmail), s.Now));
            s.Db.Outbox.Add(Outbox.Create(s.Course.OrganiserEmail, s.Course.Organiser.Name, templates.ApplicationToOrganiser(s.Course.Organiser.Name, name, s.Course.Name), s.Now));
            return null;
        }, ct);

    /// <summary>The office rejects an application with a reason from its list plus free text; a freed seat goes to the waitlist.</summary>
    public Task<Outcome> RejectAsync(Actor actor, int applicationId, string reasonCode, string? note, CancellationToken ct = default) =>
        ActAsync(actor, applicationId, OfficeOnly, "application.reject", async s =>
        {
            if (RejectionReasons.Find(reasonCode) is not { } reason) return Outcome.Invalid("reason", "請選擇未通過原因");
            if (reason.Code == "other" && string.IsNullOrWhiteSpace(note)) return Outcome.Invalid("note", "選擇「其他」時請說明原因");
            if (s.App.Status is not (ApplicationStatus.Submitted or ApplicationStatus.Approved or ApplicationStatus.Waitlisted))
                return WrongStatus(s.App, "設為未通過");
            var text = string.IsNullOrWhiteSpace(note) ? reason.Text : $"{reason.Text}：{note.Trim()}";
            if (text.Length > 500) return Outcome.Invalid("note", "原因說明請在500字以內");
            var heldSeat = ApplicationStatuses.HoldingSeat.Contains(s.App.Status);
            s.App.RejectionCode = reason.Code;
            s.App.RejectionReason = text;
            s.Move(ApplicationStatus.Rejected, text);
            var (email, name) = await s.MemberAsync();
            s.Db.Outbox.Add(Outbox.Create(email, name, templates.ApplicationRejected(name, s.Course.Name, text, reason.Fixable), s.Now));
            if (heldSeat) s.Others.AddRange(await waitlist.FillFreedSeatsAsync(s.Db, s.Course, s.Today, s.Now, s.Ct));
            return null;
        }, ct);

    /// <summary>確認報名繳費: the organiser confirms the trainee registered and paid.</summary>
    public Task<Outcome> ConfirmEnrolmentAsync(Actor actor, int applicationId, string? note, CancellationToken ct = default) =>
        ActAsync(actor, applicationId, OwnerOrOffice, "application.enrol", s =>
        {
            if (s.App.Status != ApplicationStatus.Approved) return WrongStatus(s.App, "確認報名繳費");
            s.Move(ApplicationStatus.Enrolled, note ?? "開課單位確認報名繳費");
            return null;
        }, ct);

    /// <summary>Records attendance so far: the hours held and, of those, the hours this trainee attended.</summary>
    public Task<Outcome> RecordAttendanceAsync(Actor actor, int applicationId, int hoursHeld, int hoursAttended, string? note, CancellationToken ct = default) =>
        ActAsync(actor, applicationId, OwnerOrOffice, "application.attendance", s =>
        {
            if (s.App.Status != ApplicationStatus.Enrolled) return WrongStatus(s.App, "登錄出席時數");
            if (hoursHeld < 0 || hoursHeld > s.Course.Hours)
                return Outcome.Invalid("hoursHeld", $"已上課時數須介於0到{s.Course.Hours}小時");
            if (hoursAttended < 0 || hoursAttended > hoursHeld)
                return Outcome.Invalid("hoursAttended", "出席時數不可超過已上課時數");
            s.App.HoursHeld = hoursHeld;
            s.App.HoursAttended = hoursAttended;
            s.Detail = $"出席 {hoursAttended}/{hoursHeld} 小時{Suffix(note)}";
            return null;
        }, ct);

    /// <summary>Records the test result.</summary>
    public Task<Outcome> RecordTestAsync(Actor actor, int applicationId, bool passed, string? note, CancellationToken ct = default) =>
        ActAsync(actor, applicationId, OwnerOrOffice, "application.test", s =>
        {
            if (s.App.Status != ApplicationStatus.Enrolled) return WrongStatus(s.App, "登錄測驗結果");
            s.App.TestPassed = passed;
            s.Detail = (passed ? "測驗通過" : "測驗未通過") + Suffix(note);
            return null;
        }, ct);

    /// <summary>Records that the 結訓證書 was issued.</summary>
    public Task<Outcome> IssueCertificateAsync(Actor actor, int applicationId, DateOnly issuedOn, string? note, CancellationToken ct = default) =>
        ActAsync(actor, applicationId, OwnerOrOffice, "application.certificate", s =>
        {
            if (s.App.Status != ApplicationStatus.Enrolled) return WrongStatus(s.App, "登錄結訓證書");
            if (issuedOn < s.Course.StartDate || issuedOn > s.Today)
                return Outcome.Invalid("issuedOn", "發證日期須在開課日之後，且不可晚於今天");
            s.App.CertificateIssuedOn = issuedOn;
            s.Detail = $"結訓證書發證日 {Taipei.Format(issuedOn)}{Suffix(note)}";
            return null;
        }, ct);

    /// <summary>撥款: the office records the actual disbursement date of a completed application.</summary>
    public Task<Outcome> RecordDisbursementAsync(Actor actor, int applicationId, DateOnly paidOn, string? note, CancellationToken ct = default) =>
        ActAsync(actor, applicationId, OfficeOnly, "application.disburse", s =>
        {
            if (s.App.Status != ApplicationStatus.Completed) return WrongStatus(s.App, "登錄撥款");
            if (paidOn < s.Course.EndDate || paidOn > s.Today)
                return Outcome.Invalid("paidOn", "撥款日期須在結訓日之後，且不可晚於今天");
            s.App.DisbursedOn = paidOn;
            s.Move(ApplicationStatus.Disbursed, $"撥款日 {Taipei.Format(paidOn)}{Suffix(note)}");
            return null;
        }, ct);

    private static bool OfficeOnly(Actor actor, Course course) => actor.IsInRole(Roles.Office);

    private static bool OwnerOrOffice(Actor actor, Course course) => actor.IsInRole(Roles.Office) || CourseAccess.IsOwner(actor, course);

    private static Outcome WrongStatus(SubsidyApplication app, string action) =>
        Outcome.Conflict($"此申請目前為「{app.Status.Label()}」，無法{action}。");

    private static string Suffix(string? note) => string.IsNullOrWhiteSpace(note) ? "" : $"（{note.Trim()}）";

    /// <summary>One action's working state inside the locked transaction.</summary>
    private sealed class Step(AiGoDbContext db, SubsidyApplication app, Actor actor, DateTimeOffset now, DateOnly today, CancellationToken ct)
    {
        public AiGoDbContext Db => db;
        public SubsidyApplication App => app;
        public Course Course => app.Course;
        public DateTimeOffset Now => now;
        public DateOnly Today => today;
        public CancellationToken Ct => ct;
        /// <summary>Other applications the action changed (a waitlist promotion), to notify after commit.</summary>
        public List<SubsidyApplication> Others { get; } = [];
        /// <summary>What the audit entry says when the status does not change.</summary>
        public string? Detail { get; set; }

        public void Move(ApplicationStatus to, string reason)
        {
            Detail = $"{app.Status.Label()} → {to.Label()}：{reason}";
            db.StatusChanges.Add(app.MoveTo(to, actor, reason, now));
        }

        public Task<MemberContact> MemberAsync() => MemberContact.LoadAsync(db, app.MemberId, ct);
    }

    private Task<Outcome> ActAsync(Actor actor, int applicationId, Func<Actor, Course, bool> may, string action,
        Func<Step, Outcome?> act, CancellationToken ct) =>
        ActAsync(actor, applicationId, may, action, s => Task.FromResult(act(s)), ct);

    private async Task<Outcome> ActAsync(Actor actor, int applicationId, Func<Actor, Course, bool> may, string action,
        Func<Step, Task<Outcome?>> act, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.Applications.Where(a => a.Id == applicationId)
            .Select(a => new { a.MemberId, a.CourseId, a.Course.OrganiserId }).SingleOrDefaultAsync(ct);
        if (key is null) return Outcome.NotFound("找不到此申請");
        if (!may(actor, new Course { Id = key.CourseId, OrganiserId = key.OrganiserId }))
            return Outcome.Forbidden("您沒有處理此申請的權限");

        await using var tx = await ApplicationLock.BeginAsync(db, key.MemberId, key.CourseId, ct);
        var app = await db.Applications.Include(a => a.Course).ThenInclude(c => c.Organiser).SingleAsync(a => a.Id == applicationId, ct);
        var step = new Step(db, app, actor, clock.GetUtcNow(), clock.Today(), ct);
        if (await act(step) is { } failure) return failure;

        if (Completion.Decide(app.Course, app, step.Today) is { } decided)
            step.Move(decided, decided == ApplicationStatus.Completed ? "符合結訓標準" : "未達結訓標準");
        db.AuditLog.Add(actor.Audit(step.Now, action, "Application", app.Id, $"{app.Course.Name}：{step.Detail}"));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        notifier.ApplicationChanged(app.Id, app.CourseId, app.MemberId);
        foreach (var other in step.Others) notifier.ApplicationChanged(other.Id, other.CourseId, other.MemberId);
        mail.Notify();
        return Outcome.Ok;
    }
}
