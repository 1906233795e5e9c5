using System.Security.Claims;

namespace AiGO.Web.Accounts;

internal static class CurrentUser
{
    /// <summary>The signed-in account's id; services resolve it themselves so nobody can act for another account.</summary>
    public static string IdOf(ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new UnauthorizedAccessException("請先登入");
}
