using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using AiGO.Domain.Accounts;
using AiGO.Domain.Data;

namespace AiGO.Web.Components.Account;

internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public const string StatusCookieName = "Identity.StatusMessage";

    private static readonly CookieBuilder StatusCookieBuilder = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    /// <summary>
    /// Goes to a page of this site; any other address (a hostile ReturnUrl) goes to the home page. The redirect is
    /// written from the site's path ("/my/courses"), never as an absolute address built from the request's Host header.
    /// </summary>
    public void RedirectTo(string? uri) =>
        navigationManager.NavigateTo(new Uri(navigationManager.BaseUri).AbsolutePath
            + AiGO.Web.Accounts.LocalUrl.BaseRelative(uri, navigationManager.BaseUri));

    public void RedirectTo(string uri, Dictionary<string, object?> queryParameters)
    {
        var uriWithoutQuery = navigationManager.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path);
        var newUri = navigationManager.GetUriWithQueryParameters(uriWithoutQuery, queryParameters);
        RedirectTo(newUri);
    }

    public void RedirectToWithStatus(string uri, string message, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, message, StatusCookieBuilder.Build(context));
        RedirectTo(uri);
    }

    private string CurrentPath => navigationManager.ToAbsoluteUri(navigationManager.Uri).GetLeftPart(UriPartial.Path);

    public void RedirectToCurrentPage() => RedirectTo(CurrentPath);

    public void RedirectToCurrentPageWithStatus(string message, HttpContext context)
        => RedirectToWithStatus(CurrentPath, message, context);

    public void RedirectToInvalidUser(UserManager<AppUser> userManager, HttpContext context)
        => RedirectToWithStatus("Account/InvalidUser", "錯誤：找不到您的帳號，請重新登入。", context);
}
