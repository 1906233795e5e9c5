namespace AiGO.Domain.Accounts;

/// <summary>Why a sign-in ended.</summary>
public enum SessionEnd
{
    /// <summary>登出</summary>
    SignedOut,
    /// <summary>The password was changed or reset: every sign-in made with the old one ends.</summary>
    PasswordChanged,
    /// <summary>The account's security stamp changed elsewhere (a password reset, a changed e-mail).</summary>
    SecurityStampChanged,
    /// <summary>The office took the account off (承辦人停用) or locked it.</summary>
    AccountDisabled,
    /// <summary>No request and no input in an open page for the idle limit.</summary>
    Idle,
    /// <summary>The absolute limit after sign-in (OWASP ASVS 3.3.2).</summary>
    Absolute,
    /// <summary>Too many wrong current passwords on 變更密碼 or 刪除帳號 locked the account.</summary>
    LockedOut,
    /// <summary>The account was deleted.</summary>
    AccountDeleted,
    /// <summary>The same browser signed in again (a new session replaces it).</summary>
    Replaced,
}

/// <summary>
/// One sign-in, kept on the server: the cookie carries a random token whose SHA-256 is <see cref="Id"/>, and every
/// request and open page checks this row, so a revoked sign-in ends at the next request whatever cookie is replayed.
/// </summary>
public class UserSession
{
    /// <summary>Hex SHA-256 of the cookie's token: a copy of the table opens no session.</summary>
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The last request or input in an open page (written at most once a minute, see the web layer).</summary>
    public DateTimeOffset LastSeenAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public SessionEnd? RevokedReason { get; set; }
}
