using System.Security.Claims;
using AiGO.Domain.Common;
using Microsoft.AspNetCore.Components.Authorization;

namespace AiGO.Web.Accounts;

/// <summary>The signed-in user as the domain services see them (null for a visitor).</summary>
public sealed class CurrentActor(AuthenticationStateProvider auth)
{
    public async Task<Actor?> GetAsync()
    {
        var user = (await auth.GetAuthenticationStateAsync()).User;
        return From(user);
    }

    public static Actor? From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return null;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var name = user.FindFirstValue(AppClaimsPrincipalFactory.DisplayNameClaim) ?? user.Identity.Name ?? "";
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        int? org = int.TryParse(user.FindFirstValue(AppClaimsPrincipalFactory.OrganiserClaim), out var o) ? o : null;
        return new Actor(id, name, roles, org);
    }
}
