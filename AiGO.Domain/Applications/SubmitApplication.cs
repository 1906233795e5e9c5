using AiGO.Domain.Accounts;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Mail;
using AiGO.Domain.Office;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Applications;

/// <summary>What the member declares in 同意條款.</summary>
public sealed record Consents(bool PrerequisitesAgreed, bool PrivacyNotice, bool Affidavit);

/// <summary>What the member's own data says (read by the caller, who can open the encrypted national ID).</summary>
public sealed record MemberFacts(DateOnly? Birthday, string? NationalId, string? SpecialIdentity, bool EmailConfirmed, int VerifiedCredits);

public sealed record SubmissionResult(int ApplicationId, ApplicationStatus Status, int Subsidy, int? WaitlistPosition);

/// <summary>
/// 填寫完成: in one transaction, re-check eligibility, reserve the subsidy against the annual cap and a seat
/// (or a place on the waitlist), write the application with its consents and history, and the two mails.
/// </summary>
public sealed class SubmitApplication(
    IDbContextFactory<AiGoDbContext> dbFactory, SubsidyPolicy policy, MailTemplates templates, TimeProvider clock,
    IChangeNotifier notifier, IMailSignal mail)
{
    public const string AffidavitVersion = "2024-aigo-affidavit-v1";

    public async Task<Outcome<SubmissionResult>> SubmitAsync(Actor member, int courseId, MemberFacts facts, Consents consents, CancellationToken ct = default)
    {
        if (member.Id is not { } memberId) return Fail(Outcome.Forbidden("請先登入"));
        var consentErrors = CheckConsents(consents);
        if (consentErrors.Count > 0) return Fail(Outcome.Invalid(consentErrors));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // On any failure the whole transaction rolls back, so SaveChanges' own savepoint would only add two statements under the lock.
        db.Database.AutoSavepointsEnabled = false;
        await using var tx = await ApplicationLock.BeginAsync(db, memberId, courseId, ct);
        var today = clock.Today();
        // The facts that can change under the member's feet are read inside the locked transaction.
        var snapshot = await SubmissionSnapshot.LoadAsync(db, memberId, courseId, today, ct);
        if (snapshot is null) return Fail(Outcome.NotFound("找不到此課程"));
        var course = snapshot.Course;

        var eligibility = MemberEligibility.From(snapshot, facts, policy);
        var problems = Eligibility.Check(eligibility, course, today);
        if (problems.Count > 0)
            return Fail(Outcome.Invalid(problems.Select(p => new FieldError(p.Code, $"{p.Message}{p.Remedy}")).ToList()));

        var reservation = SubsidyLedger.Reserve(course, policy.RatePercentFor(facts.SpecialIdentity), eligibility.RemainingCap,
            snapshot.SeatsTaken, snapshot.Waitlisted, policy);
        if (reservation.Refused) return Fail(Outcome.Invalid("cap", "您本年度的補助額度已用完，無法申請補助。"));

        var now = clock.GetUtcNow();
        // The wizard's unfinished input lives in ApplicationDraft; the application itself starts here.
        var application = new SubsidyApplication { CourseId = courseId, MemberId = memberId, Status = ApplicationStatus.Draft, CreatedAt = now };
        db.Applications.Add(application);
        application.Subsidy = reservation.Subsidy;
        application.CapYear = course.StartDate.Year;
        application.SubmittedAt = now;
        application.ConsentedAt = now;
        application.PrerequisitesAgreed = true;
        application.PrivacyConsentVersion = PrivacyNotice.Version;
        application.AffidavitVersion = AffidavitVersion;

        db.StatusChanges.Add(application.MoveTo(reservation.Status, member,
            reservation.WaitlistPosition is { } p ? $"名額已滿，備取第{p}位" : "填寫完成", now));
        EnqueueMails(db, member, snapshot.MemberEmail, course, reservation, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        notifier.ApplicationChanged(application.Id, courseId, memberId);
        mail.Notify();
        return Outcome<SubmissionResult>.Success(new SubmissionResult(application.Id, reservation.Status, reservation.Subsidy, reservation.WaitlistPosition));
    }

    private static List<FieldError> CheckConsents(Consents c)
    {
        var errors = new List<FieldError>();
        if (!c.PrerequisitesAgreed)
            errors.Add(new FieldError("prerequisites", "您選擇「不同意」具備先備知識：本課程需具備這些知識才能跟上進度，因此無法申請。可先完成相關線上自學課程後再申請。"));
        if (!c.PrivacyNotice)
            errors.Add(new FieldError("privacy", "請勾選同意蒐集個人資料告知事項暨個人資料同意書。"));
        if (!c.Affidavit)
            errors.Add(new FieldError("affidavit", "請勾選同意參訓學員須知暨切結書。"));
        return errors;
    }

    private void EnqueueMails(AiGoDbContext db, Actor member, string memberEmail, Course course, Reservation reservation, DateTimeOffset now)
    {
        var toMember = reservation.Status switch
        {
            ApplicationStatus.Waitlisted => templates.ApplicationWaitlisted(member.Name, course.Name, reservation.WaitlistPosition ?? 0),
            ApplicationStatus.Submitted => templates.ApplicationReceived(member.Name, course.Name),
            _ => templates.ApplicationApproved(member.Name, course.Name, course.RegistrationUrl, course.ContactName, course.ContactPhone, course.ContactEmail),
        };
        db.Outbox.Add(Outbox.Create(memberEmail, member.Name, toMember, now));
        // The organiser acts on approved applications only: a waitlisted or pending one is not theirs to chase yet.
        if (reservation.Status == ApplicationStatus.Approved)
        {
            db.Outbox.Add(Outbox.Create(course.OrganiserEmail, course.Organiser.Name, templates.ApplicationToOrganiser(course.Organiser.Name, member.Name, course.Name), now));
        }
    }

    private static Outcome<SubmissionResult> Fail(Outcome failure) => Outcome<SubmissionResult>.From(failure);
}
