using AiGO.Domain.Common;
using AiGO.Domain.Mail;

namespace AiGO.Domain.Applications;

/// <summary>未通過: the office rejects an application with a reason from its list plus free text; a freed seat goes to the waitlist.</summary>
public sealed class RejectApplication(UnitOfWork work, Waitlist waitlist, MailTemplates templates)
{
    /// <summary>The longest free text beside the reason, so the reason and the text fit the 500 characters the member sees.</summary>
    public const int MaxNoteLength = 400;

    public Task<Outcome> RejectAsync(Actor actor, int applicationId, string reasonCode, string? note, CancellationToken ct = default) =>
        work.OnApplicationAsync(actor, applicationId, ApplicationAccess.Office, "application.reject", async (s, app) =>
        {
            if (RejectionReasons.Find(reasonCode) is not { } reason) return Outcome.Invalid("reason", "請選擇未通過原因");
            if (reason.Code == "other" && string.IsNullOrWhiteSpace(note)) return Outcome.Invalid("note", "選擇「其他」時請說明原因");
            if (FreeText.Check(note, "原因說明", MaxNoteLength, multiline: true) is { } noteError) return Outcome.Invalid("note", noteError);
            var text = string.IsNullOrWhiteSpace(note) ? reason.Text : $"{reason.Text}：{note.Trim()}";
            if (app.Status is not (ApplicationStatus.Submitted or ApplicationStatus.Approved or ApplicationStatus.Waitlisted))
                return ActionText.WrongStatus(app, "設為未通過");
            var heldSeat = ApplicationStatuses.HoldingSeat.Contains(app.Status);
            var organiserKnows = app.Status == ApplicationStatus.Approved;
            app.RejectionCode = reason.Code;
            app.RejectionReason = text;
            s.Move(app, ApplicationStatus.Rejected, text);
            var member = await s.MemberAsync(app.MemberId);
            s.Mail(member.Email, member.Name, templates.ApplicationRejected(member.Name, app.Course.Name, text, reason.Fixable));
            // The organiser was asked to help this trainee register and pay: tell it that is no longer needed.
            if (organiserKnows)
                s.Mail(app.Course.OrganiserEmail, app.Course.Organiser.Name, templates.RejectedToOrganiser(app.Course.Organiser.Name, member.Name, app.Course.Name));
            if (heldSeat) await waitlist.FillFreedSeatsAsync(s, app.Course);
            return null;
        }, ct);

    /// <summary>Rejects each selected application with the same reason, exactly as one rejection would.</summary>
    public Task<BatchOutcome> RejectManyAsync(Actor actor, IReadOnlyCollection<int> applicationIds, string reasonCode, string? note, CancellationToken ct = default) =>
        work.OnEachApplicationAsync(applicationIds, id => RejectAsync(actor, id, reasonCode, note, ct));
}
