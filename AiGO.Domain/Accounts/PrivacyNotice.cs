namespace AiGO.Domain.Accounts;

/// <summary>Which 蒐集個人資料告知事項 a member reads: at registration, or when applying for a course subsidy.</summary>
public enum PrivacyNoticeKind
{
    /// <summary>會員註冊 (manual §1, 1/4): the data a member account holds.</summary>
    Registration,

    /// <summary>學員選課 (manual §2, 7/15 and the printed form 15/15): adds the financial, government and trainee records a subsidy needs.</summary>
    Application,
}

/// <summary>
/// 蒐集個人資料告知事項暨個人資料同意書. The purposes and categories carry the official codes of the 個人資料保護法之特定目的及
/// 個人資料之類別 (the manual's registration screenshot garbles some of them, e.g. ○○七八).
/// </summary>
public static class PrivacyNotice
{
    /// <summary>Stored with each account's consent; change it when the registration text changes.</summary>
    public const string Version = "2024-aigo-pdpa-v2";

    /// <summary>Stored with each application's consent; change it when the application text changes.</summary>
    public const string ApplicationVersion = "2024-aigo-pdpa-application-v1";

    /// <summary>The printed form's marks, top right of manual page 15/15.</summary>
    public const string FormCode = "B6";

    public const string FormVersionDate = "109.05.22";

    public const string ConsentText = "本人已閱讀並瞭解上述告知事項，並同意數位發展部數位產業署與AiGO在符合上述告知事項範圍內，蒐集、處理及利用本人的個資。";

    /// <summary>特定目的.</summary>
    public static readonly IReadOnlyList<string> Purposes =
        ["○○六 工業行政", "○七八 計畫、管制考核與其他研考管理", "一○九 教育或訓練行政", "一五七 調查、統計與研究分析"];

    /// <summary>個人資料類別 of a member account.</summary>
    public static readonly IReadOnlyList<string> RegistrationCategories =
        ["C○○一 辨識個人者", "C○一一 個人描述", "C○三八 職業", "C○五二 資格或技術", "C○六一 現行之受僱情形"];

    /// <summary>個人資料類別 of a subsidy application: all nine of manual page 7/15.</summary>
    public static readonly IReadOnlyList<string> ApplicationCategories =
    [
        "C○○一 辨識個人者", "C○○二 辨識財務者", "C○○三 政府資料中之辨識者", "C○一一 個人描述", "C○三八 職業",
        "C○五二 資格或技術", "C○五七 學生(員)、應考人紀錄", "C○六一 現行之受僱情形", "C○九三 財務交易",
    ];

    /// <summary>Article 一 of the notice: why the data are collected and which categories.</summary>
    public static string PurposesAndCategories(PrivacyNoticeKind kind)
    {
        var categories = kind == PrivacyNoticeKind.Application ? ApplicationCategories : RegistrationCategories;
        var listed = string.Join("、", categories.Select(c => $"「{c}」"));
        // The application's 財務交易 is the subsidy paid out, which the notice names.
        if (kind == PrivacyNoticeKind.Application) listed += "(支付金額)";
        return $"本署或本署授權之專案管理單位，因【(特定目的){string.Join("、", Purposes.Select(p => $"「{p}」"))}】而獲取您下列個人資料類別：【{listed}等】或其他得以直接或間接識別您個人之資料。";
    }
}
