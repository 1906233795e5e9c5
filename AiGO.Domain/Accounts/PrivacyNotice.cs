namespace AiGO.Domain.Accounts;

/// <summary>蒐集個人資料告知事項暨個人資料同意書 — the notice a member agrees to at registration.</summary>
public static class PrivacyNotice
{
    /// <summary>Stored with each account's consent; change it when the text changes.</summary>
    public const string Version = "2024-aigo-pdpa-v1";

    public const string ConsentText = "本人已閱讀並瞭解上述告知事項，並同意數位發展部數位產業署與AiGO在符合上述告知事項範圍內，蒐集、處理及利用本人的個資。";
}
