using AiGO.Domain.Accounts;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;

namespace AiGO.Domain.Applications;

/// <summary>What the member declares in 同意條款.</summary>
public sealed record Consents(bool PrerequisitesAgreed, bool PrivacyNotice, bool Affidavit);

/// <summary>The rules of 同意條款, one message per control, for the wizard (next to each control) and the submission alike.</summary>
public static class ConsentRules
{
    public const string PrerequisitesDeclined = "本課程需具備上述先備知識才能跟上進度；選擇「不同意」將無法申請本課程補助。可先完成相關線上自學課程後再申請。";

    /// <summary>先備知識: null while the member has chosen neither 同意 nor 不同意.</summary>
    public static string? Prerequisites(bool? agreed) => agreed switch
    {
        null => "請選擇是否具備以上先備知識。",
        false => PrerequisitesDeclined,
        true => null,
    };

    public static string? Privacy(bool ticked) => ticked ? null : "請勾選同意蒐集個人資料告知事項暨個人資料同意書。";

    public static string? Affidavit(bool ticked) => ticked ? null : "請勾選同意參訓學員須知暨切結書。";
}

/// <summary>What the member's own data says (read by the caller, who can open the encrypted national ID).</summary>
public sealed record MemberFacts(DateOnly? Birthday, string? NationalId, string? SpecialIdentity, bool EmailConfirmed, int VerifiedCredits);

public sealed record SubmissionResult(int ApplicationId, ApplicationStatus Status, int Subsidy, int? WaitlistPosition);

/// <summary>
/// 填寫完成: in one locked unit, re-check eligibility, reserve the subsidy against the annual cap and a seat (or a
/// place on the waitlist), write the application with its consents and history, and the mails.
/// </summary>
public sealed class SubmitApplication(UnitOfWork work, SubsidyPolicy policy, ApplicationMails mails)
{
    public const string AffidavitVersion = "2024-aigo-affidavit-v1";

    public async Task<Outcome<SubmissionResult>> SubmitAsync(Actor member, int courseId, MemberFacts facts, Consents consents, CancellationToken ct = default)
    {
        if (member.Id is not { } memberId) return Fail(Outcome.Forbidden("請先登入"));
        var consentErrors = CheckConsents(consents);
        if (consentErrors.Count > 0) return Fail(Outcome.Invalid(consentErrors));

        SubsidyApplication? application = null;
        Reservation? reservation = null;
        var outcome = await work.ForMemberOnCourseAsync(member, memberId, courseId, ApplicationAccess.Applicant, async scope =>
        {
            // The facts that can change under the member's feet are read inside the locked transaction.
            var snapshot = await SubmissionSnapshot.LoadAsync(scope.Db, memberId, courseId, scope.Today, scope.Ct);
            if (snapshot is null) return Outcome.NotFound("找不到此課程");
            var course = snapshot.Course;

            var eligibility = MemberEligibility.From(snapshot, facts, policy);
            var problems = Eligibility.Check(eligibility, course, scope.Today);
            if (problems.Count > 0)
                return Outcome.Invalid(problems.Select(p => new FieldError(p.Code, $"{p.Message}{p.Remedy}")).ToList());

            reservation = SubsidyLedger.Reserve(course, policy.RatePercentFor(facts.SpecialIdentity), eligibility.RemainingCap,
                snapshot.SeatsTaken, snapshot.Waitlisted, policy);
            if (reservation.Refused) return Outcome.Invalid("cap", "您本年度的補助額度已用完，無法申請補助。");

            var now = scope.Now;
            // The wizard's unfinished input lives in ApplicationDraft; the application itself starts here.
            application = new SubsidyApplication
            {
                CourseId = courseId, MemberId = memberId, CreatedAt = now,
                Subsidy = reservation.Subsidy, CapYear = course.StartDate.Year, SubmittedAt = now, ConsentedAt = now,
                PrerequisitesAgreed = true, PrivacyConsentVersion = PrivacyNotice.ApplicationVersion, AffidavitVersion = AffidavitVersion,
            };
            scope.Db.Applications.Add(application);
            scope.Move(application, reservation.Status, reservation.WaitlistPosition is { } p ? $"名額已滿，備取第{p}位" : "填寫完成");
            mails.Submitted(scope, course, new MemberContact(snapshot.MemberEmail, member.Name), reservation);
            return null;
        }, ct);
        return outcome.Succeeded
            ? Outcome<SubmissionResult>.Success(new SubmissionResult(application!.Id, reservation!.Status, reservation.Subsidy, reservation.WaitlistPosition))
            : Fail(outcome);
    }

    private static List<FieldError> CheckConsents(Consents c)
    {
        var errors = new List<FieldError>();
        if (ConsentRules.Prerequisites(c.PrerequisitesAgreed) is { } p) errors.Add(new FieldError("prerequisites", p));
        if (ConsentRules.Privacy(c.PrivacyNotice) is { } privacy) errors.Add(new FieldError("privacy", privacy));
        if (ConsentRules.Affidavit(c.Affidavit) is { } affidavit) errors.Add(new FieldError("affidavit", affidavit));
        return errors;
    }

    private static Outcome<SubmissionResult> Fail(Outcome failure) => Outcome<SubmissionResult>.From(failure);
}
