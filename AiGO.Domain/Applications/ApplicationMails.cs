using AiGO.Domain.Catalogue;
using AiGO.Domain.Mail;

namespace AiGO.Domain.Applications;

/// <summary>The mails that go with a status change, built in one place so every path that approves says the same.</summary>
public sealed class ApplicationMails(MailTemplates templates)
{
    /// <summary>
    /// 已報名成功 (SPEC §4.4): the member learns where to register and pay; the organiser is asked to help them.
    /// A promotion from the waitlist tells the member so.
    /// </summary>
    public void Approved(ChangeScope scope, Course course, MemberContact member, bool promoted = false)
    {
        scope.Mail(member.Email, member.Name, promoted
            ? templates.ApplicationPromoted(member.Name, course.Name, course.RegistrationUrl, course.ContactName, course.ContactPhone, course.ContactEmail)
            : templates.ApplicationApproved(member.Name, course.Name, course.RegistrationUrl, course.ContactName, course.ContactPhone, course.ContactEmail));
        scope.Mail(course.OrganiserEmail, course.Organiser.Name, templates.ApplicationToOrganiser(course.Organiser.Name, member.Name, course.Name));
    }

    /// <summary>已申請: manual review is on, so the member waits for the office; the organiser is not involved yet.</summary>
    public void Received(ChangeScope scope, Course course, MemberContact member) =>
        scope.Mail(member.Email, member.Name, templates.ApplicationReceived(member.Name, course.Name));

    /// <summary>備取: the member's place in line.</summary>
    public void Waitlisted(ChangeScope scope, Course course, MemberContact member, int position) =>
        scope.Mail(member.Email, member.Name, templates.ApplicationWaitlisted(member.Name, course.Name, position));

    /// <summary>The first mail of an application, by the status the submission decided.</summary>
    public void Submitted(ChangeScope scope, Course course, MemberContact member, Reservation reservation)
    {
        switch (reservation.Status)
        {
            case ApplicationStatus.Waitlisted: Waitlisted(scope, course, member, reservation.WaitlistPosition ?? 0); break;
            case ApplicationStatus.Submitted: Received(scope, course, member); break;
            default: Approved(scope, course, member); break;
        }
    }
}
