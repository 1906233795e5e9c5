using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;
using AiGO.Domain.Accounts;
using AiGO.Domain.Data;

namespace Microsoft.AspNetCore.Routing;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    // These endpoints are required by the Identity Razor components defined in the /Components/Account/Pages directory of this project.
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var accountGroup = endpoints.MapGroup("/Account");

        accountGroup.MapPost("/Logout", async (
            ClaimsPrincipal user,
            HttpContext context,
            [FromServices] SignInManager<AppUser> signInManager,
            [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            // A hostile returnUrl (another site, //host, javascript:) goes home instead of failing.
            var request = context.Request;
            return TypedResults.LocalRedirect("~/" + AiGO.Web.Accounts.LocalUrl.BaseRelative(returnUrl, $"{request.Scheme}://{request.Host}{request.PathBase}/"));
        });

        var manageGroup = accountGroup.MapGroup("/Manage").RequireAuthorization();

        // 製給複製本: the form posts its antiforgery token; binding [FromForm] makes the endpoint validate it.
        manageGroup.MapPost("/DownloadPersonalData", async (
            HttpContext context,
            [FromForm] string? format,
            [FromServices] AiGO.Web.Privacy.MyPersonalData personalData) =>
        {
            var copy = await personalData.LoadAsync(context.User, context.RequestAborted);
            context.Response.Headers.CacheControl = "private, no-store";
            if (format == "xlsx")
            {
                using var file = new MemoryStream();
                AiGO.Web.Privacy.PersonalDataFiles.ToXlsx(file, copy);
                return TypedResults.File(file.ToArray(), AiGO.Web.Excel.XlsxCells.ContentType, personalData.FileName("xlsx"));
            }
            return TypedResults.File(AiGO.Web.Privacy.PersonalDataFiles.ToJson(copy), "application/json", personalData.FileName("json"));
        });

        return accountGroup;
    }
}
