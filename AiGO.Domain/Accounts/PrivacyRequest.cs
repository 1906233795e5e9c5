using AiGO.Domain.Common;

namespace AiGO.Domain.Accounts;

/// <summary>The rights of 個人資料保護法 §3 a member may ask for.</summary>
public enum PrivacyRequestKind
{
    /// <summary>查詢或請求閱覽</summary>
    Access = 1,
    /// <summary>請求製給複製本</summary>
    Copy = 2,
    /// <summary>請求補充或更正</summary>
    Correction = 3,
    /// <summary>請求停止蒐集、處理或利用</summary>
    StopProcessing = 4,
    /// <summary>請求刪除</summary>
    Deletion = 5,
}

public enum PrivacyRequestState
{
    /// <summary>處理中 — received, not answered yet.</summary>
    Open = 0,
    /// <summary>已完成</summary>
    Completed = 1,
    /// <summary>不予處理 — refused with the legal reason (e.g. art. 11 §3: the data must be kept for the subsidy records).</summary>
    Declined = 2,
}

/// <summary>
/// 個資請求 — one request of a member to exercise a right of 個人資料保護法 §3, and how the programme office answers it.
/// The legal due date is art. 13's: 15 days for access or a copy, 30 days for correction, stopping or deletion, each
/// extendable once by the same period with the reason told to the member in writing.
/// </summary>
public class PrivacyRequest
{
    public const int MaxDetailsLength = 500;
    public const int MaxAnswerLength = 500;

    public int Id { get; set; }
    public string MemberId { get; set; } = "";
    public PrivacyRequestKind Kind { get; set; }
    /// <summary>What the member asks, in their words (e.g. which data to correct and how).</summary>
    public string? Details { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    /// <summary>The Taipei date it was received: the legal period runs from here.</summary>
    public DateOnly ReceivedOn { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTimeOffset? ExtendedAt { get; set; }
    public string? ExtensionReason { get; set; }
    public PrivacyRequestState State { get; set; }
    /// <summary>The office's answer: what was done, or why it was not.</summary>
    public string? Answer { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>Who at the office last acted on it (extended, completed or declined).</summary>
    public string? HandlerId { get; set; }
    public string? HandlerName { get; set; }

    /// <summary>Art. 13: 15 days for 閱覽 and 複製本 (§10), 30 days for the rest (§11).</summary>
    public static int LegalDays(PrivacyRequestKind kind) => kind is PrivacyRequestKind.Access or PrivacyRequestKind.Copy ? 15 : 30;

    public static PrivacyRequest Receive(string memberId, PrivacyRequestKind kind, string? details, DateTimeOffset now)
    {
        var today = Taipei.DateOf(now);
        return new PrivacyRequest
        {
            MemberId = memberId, Kind = kind, Details = string.IsNullOrWhiteSpace(details) ? null : details.Trim(),
            ReceivedAt = now, ReceivedOn = today, DueOn = today.AddDays(LegalDays(kind)), State = PrivacyRequestState.Open,
        };
    }

    public bool IsExtended => ExtendedAt is not null;

    /// <summary>Past its due date and still unanswered.</summary>
    public bool IsOverdue(DateOnly today) => State == PrivacyRequestState.Open && today > DueOn;

    /// <summary>Days left until the due date (negative when overdue), for an open request.</summary>
    public int DaysLeft(DateOnly today) => DueOn.DayNumber - today.DayNumber;

    /// <summary>Why it cannot be extended now, or null: once only, while open, and before it is overdue.</summary>
    public string? ExtensionRefusal(DateOnly today) =>
        State != PrivacyRequestState.Open ? "此請求已結案，不能延長"
        : IsExtended ? "依個資法第13條，處理期限只能延長一次"
        : IsOverdue(today) ? "此請求已逾期，不能再延長；請儘速處理"
        : null;

    /// <summary>Extends the due date once by the same period (art. 13).</summary>
    public void Extend(string reason, DateTimeOffset now)
    {
        DueOn = DueOn.AddDays(LegalDays(Kind));
        ExtendedAt = now;
        ExtensionReason = reason;
    }
}

public static class PrivacyRequestLabels
{
    public static string Label(this PrivacyRequestKind kind) => kind switch
    {
        PrivacyRequestKind.Access => "查詢或請求閱覽",
        PrivacyRequestKind.Copy => "請求製給複製本",
        PrivacyRequestKind.Correction => "請求補充或更正",
        PrivacyRequestKind.StopProcessing => "請求停止蒐集、處理或利用",
        PrivacyRequestKind.Deletion => "請求刪除",
        _ => kind.ToString(),
    };

    public static string Label(this PrivacyRequestState state) => state switch
    {
        PrivacyRequestState.Open => "處理中",
        PrivacyRequestState.Completed => "已完成",
        PrivacyRequestState.Declined => "不予處理",
        _ => state.ToString(),
    };
}
