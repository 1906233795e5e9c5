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

public sealed record SubmissionResult(SubsidyApplication Application, ApplicationStatus Status, int Subsidy, int? WaitlistPosition)
{
    /// <summary>The new application's id (known once its unit has committed).</summary>
    public int ApplicationId => Application.Id;
}

/// <summary>A submission judged before it is written: the failed rules, or what it would hold; and the cap left before it.</summary>
public sealed record SubmissionDecision(IReadOnlyList<EligibilityProblem> Problems, Reservation Reservation, int RemainingCapBefore)
{
    public bool Accepted => Problems.Count == 0 && !Reservation.Refused;
}

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

        SubmissionResult? result = null;
        var outcome = await work.ForMemberOnCourseAsync(member, memberId, courseId, ApplicationAccess.Applicant, async scope =>
        {
            // The facts that can change under the member's feet are read inside the locked transaction.
            var snapshot = await SubmissionSnapshot.LoadAsync(scope.Db, memberId, courseId, scope.Today, scope.Ct);
            if (snapshot is null) return Outcome.NotFound("找不到此課程");
            var placed = Place(scope, snapshot, memberId, member.Name, facts, onBehalf: null);
            result = placed.Value;
            return placed.Succeeded ? null : placed;
        }, ct);
        return outcome.Succeeded ? Outcome<SubmissionResult>.Success(result!) : Fail(outcome);
    }

    /// <summary>
    /// The submission itself, inside a unit that holds the member's and the course's locks: eligibility judged on the
    /// snapshot, the subsidy and the seat (or the waitlist) reserved, the application written with its history and
    /// its mails. The wizard calls it for the member; an import (<see cref="Import.ImportTrainees"/>) for each row,
    /// with the organiser as the actor, so both keep exactly the same rules.
    /// </summary>
    /// <param name="onBehalf">For staff applying for the member, what the history says instead of 填寫完成 (e.g. who imported it).</param>
    internal Outcome<SubmissionResult> Place(ChangeScope scope, SubmissionSnapshot snapshot, string memberId, string memberName, MemberFacts facts, string? onBehalf)
    {
        var course = snapshot.Course;
        var decision = Decide(snapshot, facts, scope.Today);
        if (decision.Problems.Count > 0)
            return Fail(Outcome.Invalid(decision.Problems.Select(p => new FieldError(p.Code, $"{p.Message}{p.Remedy}")).ToList()));
        var reservation = decision.Reservation;
        if (reservation.Refused) return Fail(Outcome.Invalid("cap", CapUsedUp));

        var now = scope.Now;
        // The wizard's unfinished input lives in ApplicationDraft; the application itself starts here.
        var application = new SubsidyApplication
        {
            CourseId = course.Id, MemberId = memberId, CreatedAt = now,
            Subsidy = reservation.Subsidy, CapYear = course.StartDate.Year, SubmittedAt = now, ConsentedAt = now,
            PrerequisitesAgreed = true, PrivacyConsentVersion = PrivacyNotice.ApplicationVersion, AffidavitVersion = AffidavitVersion,
        };
        scope.Db.Applications.Add(application);
        scope.Move(application, reservation.Status, reservation.WaitlistPosition is { } p
            ? $"名額已滿，備取第{p}位" + (onBehalf is null ? "" : $"（{onBehalf}）")
            : onBehalf ?? "填寫完成");
        mails.Submitted(scope, course, new MemberContact(snapshot.MemberEmail, memberName), reservation);
        return Outcome<SubmissionResult>.Success(new SubmissionResult(application, reservation.Status, reservation.Subsidy, reservation.WaitlistPosition));
    }

    public const string CapUsedUp = "您本年度的補助額度已用完，無法申請補助。";

    /// <summary>
    /// What a submission on this snapshot would come to, without writing anything: the failed eligibility rules, or
    /// the seat (or place in line) and the subsidy. <see cref="Place"/> acts on exactly this; an import's dry run shows it.
    /// </summary>
    public SubmissionDecision Decide(SubmissionSnapshot snapshot, MemberFacts facts, DateOnly today)
    {
        var eligibility = MemberEligibility.From(snapshot, facts, policy);
        var problems = Eligibility.Check(eligibility, snapshot.Course, today);
        var reservation = problems.Count > 0
            ? new Reservation(ApplicationStatus.Rejected, 0, null)
            : SubsidyLedger.Reserve(snapshot.Course, policy.RatePercentFor(facts.SpecialIdentity), eligibility.RemainingCap,
                snapshot.SeatsTaken, snapshot.Waitlisted, policy);
        return new SubmissionDecision(problems, reservation, eligibility.RemainingCap);
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
