using AiGO.Domain.Common;
using AiGO.Domain.Mail;

namespace AiGO.Domain.Applications;

/// <summary>未通過: the office rejects an application with a reason from its list plus free text; a freed seat goes to the waitlist.</summary>
public sealed class RejectApplication(UnitOfWork work, Waitlist waitlist, MailTemplates templates)
{
    public async Task<Outcome> RejectAsync(Actor actor, int applicationId, string reasonCode, string? note, CancellationToken ct = default)
    {
        if (RejectionReasons.Find(reasonCode) is not { } reason) return Outcome.Invalid("reason", "請選擇未通過原因");
        if (reason.Code == "other" && string.IsNullOrWhiteSpace(note)) return Outcome.Invalid("note", "選擇「其他」時請說明原因");
        var text = string.IsNullOrWhiteSpace(note) ? reason.Text : $"{reason.Text}：{note.Trim()}";
        if (text.Length > 500) return Outcome.Invalid("note", "原因說明請在500字以內");

        return await work.OnApplicationAsync(actor, applicationId, ApplicationAccess.Office, "application.reject", async (s, app) =>
        {
            if (app.Status is not (ApplicationStatus.Submitted or ApplicationStatus.Approved or ApplicationStatus.Waitlisted))
                return ActionText.WrongStatus(app, "設為未通過");
            var heldSeat = ApplicationStatuses.HoldingSeat.Contains(app.Status);
            app.RejectionCode = reason.Code;
            app.RejectionReason = text;
            s.Move(app, ApplicationStatus.Rejected, text);
            var member = await s.MemberAsync(app.MemberId);
            s.Mail(member.Email, member.Name, templates.ApplicationRejected(member.Name, app.Course.Name, text, reason.Fixable));
            if (heldSeat) await waitlist.FillFreedSeatsAsync(s, app.Course);
            return null;
        }, ct);
    }
}
