using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;

namespace AiGO.Domain.Applications;

/// <summary>A member's application for the subsidy of one course (學員選課).</summary>
public class SubsidyApplication : IVersioned
{
    public int Id { get; set; }
    public int CourseId { get; set; }
    public Course Course { get; set; } = null!;
    public string MemberId { get; set; } = "";
    /// <summary>申請狀態: changed only through <see cref="MoveTo"/>, which keeps to <see cref="ApplicationTransitions"/>.</summary>
    public ApplicationStatus Status { get; internal set; }
    /// <summary>The subsidy this application holds against the member's annual cap, in whole NT$.</summary>
    public int Subsidy { get; set; }
    /// <summary>The calendar year of the course start: the cap year the subsidy counts against.</summary>
    public int CapYear { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When 填寫完成 was pressed; the waitlist is served in this order.</summary>
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>未通過: the structured reason's key (see <see cref="RejectionReasons"/>), so the member knows whether a fix helps.</summary>
    public string? RejectionCode { get; set; }
    /// <summary>未通過: the reason in words, shown to the member.</summary>
    public string? RejectionReason { get; set; }
    /// <summary>本人已經具備以下先備知識 — 同意 at submission.</summary>
    public bool PrerequisitesAgreed { get; set; }
    /// <summary>Version of the personal-data notice the member agreed to for this application.</summary>
    public string? PrivacyConsentVersion { get; set; }
    /// <summary>Version of 參訓學員須知暨切結書 the member agreed to.</summary>
    public string? AffidavitVersion { get; set; }
    public DateTimeOffset? ConsentedAt { get; set; }
    public DateOnly? DisbursedOn { get; set; }
    /// <summary>Minutes of the sessions whose attendance has been recorded for this trainee (a sum of the roster, kept with it).</summary>
    public int? MinutesHeld { get; set; }
    /// <summary>Of <see cref="MinutesHeld"/>, the minutes this trainee attended.</summary>
    public int? MinutesAttended { get; set; }
    /// <summary>When the trainee was told they can no longer reach 80% attendance: they are told once.</summary>
    public DateTimeOffset? AttendanceWarningSentAt { get; set; }
    /// <summary>測驗: null until the organiser records the result.</summary>
    public bool? TestPassed { get; set; }
    /// <summary>結訓證書 issued on this date.</summary>
    public DateOnly? CertificateIssuedOn { get; set; }
    /// <summary>課程問卷 submitted (the answers are in <see cref="QuestionnaireResponse"/>).</summary>
    public DateTimeOffset? QuestionnaireSubmittedAt { get; set; }
    public Guid Version { get; set; }

    /// <summary>
    /// Moves to <paramref name="to"/> when <see cref="ApplicationTransitions"/> allows this move by this actor, and returns
    /// the history row (who, when, why) for the caller to add; any other move throws <see cref="TransitionRefusedException"/>.
    /// </summary>
    public ApplicationStatusChange MoveTo(ApplicationStatus to, Actor actor, string? reason, DateTimeOffset now)
    {
        if (!ApplicationTransitions.Allows(Status, to, ApplicationAccess.KindsOf(actor, ApplicationParties.Of(this))))
            throw new TransitionRefusedException(Status, to);
        var change = new ApplicationStatusChange
        {
            Application = this, From = Status, To = to, At = now, ActorId = actor.Id, ActorName = actor.Name, Reason = reason,
        };
        Status = to;
        UpdatedAt = now;
        return change;
    }
}
