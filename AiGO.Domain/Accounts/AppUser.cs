using Microsoft.AspNetCore.Identity;

namespace AiGO.Domain.Accounts;

/// <summary>An account: a member (學員), an organiser's staff, the programme office, or several at once.</summary>
public class AppUser : IdentityUser
{
    /// <summary>姓名 as entered at registration.</summary>
    public string DisplayName { get; set; } = "";
    /// <summary>The organiser this account works for, when it holds the Organiser role.</summary>
    public int? OrganiserId { get; set; }
    /// <summary>Version of the personal-data notice (蒐集個人資料告知事項) the member agreed to.</summary>
    public string? PrivacyConsentVersion { get; set; }
    public DateTimeOffset? PrivacyConsentedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>
    /// When the member deleted the account while paid subsidies must still be kept: the account cannot sign in, and
    /// only what the subsidy records require stays (see <see cref="MemberProfile.KeepOnlySubsidyRecord"/>).
    /// </summary>
    public DateTimeOffset? AnonymisedAt { get; set; }
    /// <summary>Until when the kept subsidy records must stay: the last disbursement plus the retention years.</summary>
    public DateOnly? RetainUntil { get; set; }
}

/// <summary>Role names; an account may hold several.</summary>
public static class Roles
{
    /// <summary>學員</summary>
    public const string Trainee = "Trainee";
    /// <summary>開課單位</summary>
    public const string Organiser = "Organiser";
    /// <summary>計畫辦公室</summary>
    public const string Office = "Office";

    public static readonly string[] All = [Trainee, Organiser, Office];
}
