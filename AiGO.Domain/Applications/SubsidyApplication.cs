using AiGO.Domain.Data;
using Microsoft.EntityFrameworkCore;
using AiGO.Domain.Catalogue;

namespace AiGO.Domain.Applications;

/// <summary>A member's application for the subsidy of one course (學員選課).</summary>
public class SubsidyApplication : IVersioned
{
    public int Id { get; set; }
    public int CourseId { get; set; }
    public Course Course { get; set; } = null!;
    public string MemberId { get; set; } = "";
    public ApplicationStatus Status { get; set; }
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
    /// <summary>Hours of class held so far, as the organiser last recorded attendance.</summary>
    public int? HoursHeld { get; set; }
    /// <summary>Of <see cref="HoursHeld"/>, the hours this trainee attended.</summary>
    public int? HoursAttended { get; set; }
    /// <summary>測驗: null until the organiser records the result.</summary>
    public bool? TestPassed { get; set; }
    /// <summary>結訓證書 issued on this date.</summary>
    public DateOnly? CertificateIssuedOn { get; set; }
    /// <summary>課程問卷 submitted (the answers are in <see cref="QuestionnaireResponse"/>).</summary>
    public DateTimeOffset? QuestionnaireSubmittedAt { get; set; }
    public Guid Version { get; set; }

    /// <summary>Moves to <paramref name="to"/> and returns the history row (who, when, why) for the caller to add.</summary>
    public ApplicationStatusChange MoveTo(ApplicationStatus to, Office.Actor actor, string? reason, DateTimeOffset now)
    {
        var change = new ApplicationStatusChange
        {
            Application = this, From = Status, To = to, At = now, ActorId = actor.Id, ActorName = actor.Name, Reason = reason,
        };
        Status = to;
        UpdatedAt = now;
        return change;
    }
}

/// <summary>申請狀態 (SPEC §5).</summary>
public enum ApplicationStatus
{
    /// <summary>草稿</summary>
    Draft = 0,
    /// <summary>已申請 — submitted, waiting for the office when manual review is on.</summary>
    Submitted = 1,
    /// <summary>已報名成功</summary>
    Approved = 2,
    /// <summary>備取 — past the planned seats, served in submission order.</summary>
    Waitlisted = 3,
    /// <summary>未通過</summary>
    Rejected = 4,
    /// <summary>已完成報名繳費 — the organiser confirmed registration and payment.</summary>
    Enrolled = 5,
    /// <summary>已結訓</summary>
    Completed = 6,
    /// <summary>未達結訓標準</summary>
    NotCompleted = 7,
    /// <summary>已撥款</summary>
    Disbursed = 8,
    /// <summary>已取消</summary>
    Cancelled = 9,
}

public static class ApplicationStatuses
{
    /// <summary>Statuses whose subsidy counts against the annual cap; cancelled, rejected and not-completed release it.</summary>
    public static readonly ApplicationStatus[] HoldingMoney =
    [
        ApplicationStatus.Submitted, ApplicationStatus.Waitlisted, ApplicationStatus.Approved,
        ApplicationStatus.Enrolled, ApplicationStatus.Completed, ApplicationStatus.Disbursed,
    ];

    /// <summary>Statuses that occupy one of the planned seats (a waitlisted application waits for one).</summary>
    public static readonly ApplicationStatus[] HoldingSeat =
    [
        ApplicationStatus.Submitted, ApplicationStatus.Approved, ApplicationStatus.Enrolled,
        ApplicationStatus.Completed, ApplicationStatus.Disbursed,
    ];

    /// <summary>Statuses a trainee may still cancel (取消報名), until the course starts.</summary>
    public static readonly ApplicationStatus[] Cancellable =
    [
        ApplicationStatus.Submitted, ApplicationStatus.Approved, ApplicationStatus.Waitlisted, ApplicationStatus.Enrolled,
    ];

    /// <summary>Statuses of a trainee who takes part in the course: they fill the questionnaire and the completion checklist.</summary>
    public static readonly ApplicationStatus[] Attending =
    [
        ApplicationStatus.Approved, ApplicationStatus.Enrolled, ApplicationStatus.Completed,
        ApplicationStatus.NotCompleted, ApplicationStatus.Disbursed,
    ];

    /// <summary>Applications that count as the member's live application for a course (one per course).</summary>
    public static readonly ApplicationStatus[] Live = [ApplicationStatus.Draft, .. HoldingMoney];

    public static string Label(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => "草稿",
        ApplicationStatus.Submitted => "已申請",
        ApplicationStatus.Approved => "已報名成功",
        ApplicationStatus.Waitlisted => "備取",
        ApplicationStatus.Rejected => "未通過",
        ApplicationStatus.Enrolled => "已完成報名繳費",
        ApplicationStatus.Completed => "已結訓",
        ApplicationStatus.NotCompleted => "未達結訓標準",
        ApplicationStatus.Disbursed => "已撥款",
        ApplicationStatus.Cancelled => "已取消",
        _ => status.ToString(),
    };
}

/// <summary>Where a member's mail goes: their address and the name to greet them by.</summary>
public sealed record MemberContact(string Email, string Name)
{
    public static async Task<MemberContact> LoadAsync(AiGoDbContext db, string memberId, CancellationToken ct = default)
    {
        var user = await db.Users.Where(u => u.Id == memberId).Select(u => new { u.Email, u.DisplayName }).SingleAsync(ct);
        return new MemberContact(user.Email ?? "", user.DisplayName);
    }
}
