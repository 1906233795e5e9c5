using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Mail;
using AiGO.Domain.Office;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Applications;

/// <summary>
/// 取消報名: the trainee withdraws an application before the course starts. In one locked transaction the seat
/// and the cap hold are released, the first eligible waitlisted application is promoted, and the mails are written.
/// </summary>
public sealed class CancelApplication(
    IDbContextFactory<AiGoDbContext> dbFactory, Waitlist waitlist, MailTemplates templates, TimeProvider clock,
    IChangeNotifier notifier, IMailSignal mail)
{
    public async Task<Outcome> CancelAsync(Actor member, int applicationId, CancellationToken ct = default)
    {
        if (member.Id is not { } memberId) return Outcome.Forbidden("請先登入");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.Applications.Where(a => a.Id == applicationId).Select(a => new { a.MemberId, a.CourseId }).SingleOrDefaultAsync(ct);
        if (key is null) return Outcome.NotFound("找不到此申請");
        if (key.MemberId != memberId) return Outcome.Forbidden("只能取消自己的申請");

        await using var tx = await ApplicationLock.BeginAsync(db, memberId, key.CourseId, ct);
        var app = await db.Applications.Include(a => a.Course).ThenInclude(c => c.Organiser).SingleAsync(a => a.Id == applicationId, ct);
        var course = app.Course;
        if (!ApplicationStatuses.Cancellable.Contains(app.Status))
            return Outcome.Conflict($"此申請目前為「{app.Status.Label()}」，無法取消報名。");
        var today = clock.Today();
        if (today >= course.StartDate)
            return Outcome.Invalid("cancel", $"課程已於{Taipei.Format(course.StartDate)}開課，開課後無法取消報名；如有特殊狀況請洽開課單位或計畫辦公室。");

        var now = clock.GetUtcNow();
        var heldSeat = ApplicationStatuses.HoldingSeat.Contains(app.Status);
        var organiserKnows = app.Status is ApplicationStatus.Approved or ApplicationStatus.Enrolled;
        db.StatusChanges.Add(app.MoveTo(ApplicationStatus.Cancelled, member, "學員取消報名", now));

        db.Outbox.Add(Outbox.Create((await MemberContact.LoadAsync(db, memberId, ct)).Email, member.Name, templates.ApplicationCancelled(member.Name, course.Name, app.Subsidy), now));
        if (organiserKnows)
            db.Outbox.Add(Outbox.Create(course.OrganiserEmail, course.Organiser.Name, templates.CancelledToOrganiser(course.Organiser.Name, member.Name, course.Name), now));
        var promoted = heldSeat ? await waitlist.FillFreedSeatsAsync(db, course, today, now, ct) : [];

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        notifier.ApplicationChanged(app.Id, course.Id, memberId);
        foreach (var other in promoted) notifier.ApplicationChanged(other.Id, course.Id, other.MemberId);
        mail.Notify();
        return Outcome.Ok;
    }
}
