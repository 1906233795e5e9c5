namespace AiGO.Domain.Applications;

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

    /// <summary>Applications that are over for the member before the course: 已取消 and 未通過.</summary>
    public static readonly ApplicationStatus[] Ended = [ApplicationStatus.Cancelled, ApplicationStatus.Rejected];

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
