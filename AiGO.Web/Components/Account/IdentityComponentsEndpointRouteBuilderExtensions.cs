using System.Security.Claims;
using System.Text.Json;
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

        var loggerFactory = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>();
        var downloadLogger = loggerFactory.CreateLogger("DownloadPersonalData");

        manageGroup.MapPost("/DownloadPersonalData", async (
            HttpContext context,
            [FromServices] UserManager<AppUser> userManager,
            [FromServices] AuthenticationStateProvider authenticationStateProvider) =>
        {
            var user = await userManager.GetUserAsync(context.User);
            if (user is null)
            {
                return Results.NotFound($"Unable to load user with ID '{userManager.GetUserId(context.User)}'.");
            }

            var userId = await userManager.GetUserIdAsync(user);
            downloadLogger.LogInformation("User with ID '{UserId}' asked for their personal data.", userId);

            // Only include personal data for download
            var personalData = new Dictionary<string, string>();
            var personalDataProps = typeof(AppUser).GetProperties().Where(
                prop => Attribute.IsDefined(prop, typeof(PersonalDataAttribute)));
            foreach (var p in personalDataProps)
            {
                personalData.Add(p.Name, p.GetValue(user)?.ToString() ?? "null");
            }

            var logins = await userManager.GetLoginsAsync(user);
            foreach (var l in logins)
            {
                personalData.Add($"{l.LoginProvider} external login provider key", l.ProviderKey);
            }

            personalData.Add("Authenticator Key", (await userManager.GetAuthenticatorKeyAsync(user))!);
            personalData.Add(nameof(AppUser.PrivacyConsentVersion), user.PrivacyConsentVersion ?? "");
            personalData.Add(nameof(AppUser.PrivacyConsentedAt), user.PrivacyConsentedAt?.ToString("O") ?? "");

            // PDPA 請求製給複製本: the owner's copy includes the basic data (national ID in full) and learning credits.
            var account = await context.RequestServices.GetRequiredService<AiGO.Web.Accounts.EditProfile>().LoadAsync(context.User);
            var credits = await context.RequestServices.GetRequiredService<AiGO.Web.Accounts.MyLearningCredits>().ListAsync(context.User);
            var profile = account.Profile;
            var copy = new Dictionary<string, object?>
            {
                ["帳號"] = personalData,
                ["基本資料"] = new Dictionary<string, object?>
                {
                    ["姓名"] = profile.Name, ["身分證字號"] = profile.NationalId, ["生日"] = profile.Birthday?.ToString("yyyy-MM-dd"),
                    ["身分別"] = profile.IdentityType?.ToString(), ["性別"] = profile.Gender, ["聯絡電話"] = profile.Phone, ["分機"] = profile.Extension,
                    ["手機"] = profile.Mobile, ["累計工作年資"] = profile.YearsOfWork, ["在台居住地"] = profile.Residence, ["職級"] = profile.JobLevel,
                    ["特殊身份"] = profile.SpecialIdentity, ["最高學歷"] = profile.Education, ["服務單位規模"] = profile.UnitSize,
                    ["產業別"] = profile.IndustrySection, ["產業別細項"] = profile.IndustryDivision, ["培訓動機"] = profile.Motivation,
                    ["統一編號"] = profile.BusinessNumber, ["服務單位"] = profile.CompanyName, ["服務部門"] = profile.Department,
                    ["職稱"] = profile.JobTitle, ["工作內容"] = profile.JobContent, ["就學學校"] = profile.School, ["就學科系"] = profile.Major,
                },
                ["學習積分"] = credits.Entries.Select(c => new { 來源 = AiGO.Domain.Accounts.LearningCredit.SourceText(c.Source), 名稱 = c.Title, 積分 = c.Points, 狀態 = AiGO.Domain.Accounts.LearningCredit.StatusText(c.Status), 送出時間 = c.SubmittedAt }),
            };
            var fileBytes = JsonSerializer.SerializeToUtf8Bytes(copy, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

            context.Response.Headers.TryAdd("Content-Disposition", "attachment; filename=PersonalData.json");
            return TypedResults.File(fileBytes, contentType: "application/json", fileDownloadName: "PersonalData.json");
        });

        return accountGroup;
    }
}
