using System.Security.Claims;
using AiGO.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AiGO.Web.Accounts;

/// <summary>Adds 姓名 to the sign-in cookie, so the menu can say <c>{姓名} ▾</c> without a database read.</summary>
public sealed class AppClaimsPrincipalFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string DisplayNameClaim = "aigo:name";
    /// <summary>The organiser an Organiser-role account works for.</summary>
    public const string OrganiserClaim = "aigo:org";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName));
        if (user.OrganiserId is { } org)
            identity.AddClaim(new Claim(OrganiserClaim, org.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return identity;
    }
}
