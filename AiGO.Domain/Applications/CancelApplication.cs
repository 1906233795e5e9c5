using AiGO.Domain.Common;
using AiGO.Domain.Mail;

namespace AiGO.Domain.Applications;

/// <summary>
/// 取消報名: the trainee withdraws an application before the course starts. In one locked unit the seat and the cap
/// hold are released, the first eligible waitlisted application is promoted, and the mails are written.
/// </summary>
public sealed class CancelApplication(UnitOfWork work, Waitlist waitlist, MailTemplates templates)
{
    /// <summary>Why the application cannot be cancelled today, or null when it can. 課程管理 asks this to offer the button.</summary>
    public static string? Refusal(SubsidyApplication app, DateOnly today) =>
        !ApplicationStatuses.Cancellable.Contains(app.Status) ? $"此申請目前為「{app.Status.Label()}」，無法取消報名。"
        : today > app.Course.EndDate ? $"課程已於{Taipei.Format(app.Course.EndDate)}結束，無法取消報名。"
        : today >= app.Course.StartDate ? $"課程已於{Taipei.Format(app.Course.StartDate)}開課，開課後無法取消報名；如有特殊狀況請洽開課單位或計畫辦公室。"
        : null;

    public Task<Outcome> CancelAsync(Actor member, int applicationId, CancellationToken ct = default) =>
        work.OnApplicationAsync(member, applicationId, ApplicationAccess.OwnMember, "application.cancel", async (s, app) =>
        {
            if (Refusal(app, s.Today) is { } refusal)
                return ApplicationStatuses.Cancellable.Contains(app.Status) ? Outcome.Invalid("cancel", refusal) : Outcome.Conflict(refusal);
            var course = app.Course;
            var heldSeat = ApplicationStatuses.HoldingSeat.Contains(app.Status);
            var organiserKnows = app.Status is ApplicationStatus.Approved or ApplicationStatus.Enrolled;
            s.Move(app, ApplicationStatus.Cancelled, "學員取消報名");

            var contact = await s.MemberAsync(app.MemberId);
            s.Mail(contact.Email, contact.Name, templates.ApplicationCancelled(contact.Name, course.Name, app.Subsidy));
            if (organiserKnows)
                s.Mail(course.OrganiserEmail, course.Organiser.Name, templates.CancelledToOrganiser(course.Organiser.Name, contact.Name, course.Name));
            if (heldSeat) await waitlist.FillFreedSeatsAsync(s, course);
            return null;
        }, ct);
}
