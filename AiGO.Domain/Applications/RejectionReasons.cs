namespace AiGO.Domain.Applications;

/// <summary>One structured reason for 未通過: what the member reads, and whether fixing their data and applying again can help.</summary>
public sealed record RejectionReason(string Code, string Text, bool Fixable);

/// <summary>
/// The reasons an application is not approved, from the programme office's list or from the eligibility rules
/// a waitlisted application no longer meets when a seat frees up. The member sees the reason and, where a fix
/// is possible, <c>修正後重新申請</c>.
/// </summary>
public static class RejectionReasons
{
    public static readonly IReadOnlyList<RejectionReason> OfficeList =
    [
        new("data", "申請資料不完整或有誤", true),
        new("credits", "學習積分未達申請資格", true),
        new("identity", "身分別或任職資料與證明文件不符", true),
        new("nationality", "非本國籍，不符補助對象", false),
        new("duplicate", "重複申請或已受領相同課程補助", false),
        new("sanction", "處分期間不得申請補助", false),
        new("other", "其他", false),
    ];

    /// <summary>Eligibility rules the member can satisfy by correcting their data (see <see cref="Eligibility"/>).</summary>
    private static readonly HashSet<string> FixableEligibility = ["email", "birthday", "national-id", "credits"];

    public static RejectionReason? Find(string? code) => OfficeList.FirstOrDefault(r => r.Code == code);

    public static bool IsFixable(string? code) =>
        code is not null && (FixableEligibility.Contains(code) || Find(code) is { Fixable: true });
}
