using System.Text;
using AiGO.Domain.Mail;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace AiGO.Web.Accounts;

/// <summary>
/// Links in account mails, always on the public address <c>ProgrammeOffice:SiteUrl</c>, never the request's Host
/// header (which a client chooses: a link built from it could send a reset or confirmation code to another site).
/// </summary>
public sealed class AccountLinks(IOptions<ProgrammeOfficeOptions> office)
{
    public static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string DecodeToken(string code) => Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));

    public string ConfirmEmail(string userId, string token) =>
        QueryHelpers.AddQueryString(Base + "Account/ConfirmEmail", new Dictionary<string, string?> { ["userId"] = userId, ["code"] = EncodeToken(token) });

    public string ConfirmEmailChange(string userId, string email, string token) =>
        QueryHelpers.AddQueryString(Base + "Account/ConfirmEmailChange", new Dictionary<string, string?> { ["userId"] = userId, ["email"] = email, ["code"] = EncodeToken(token) });

    public string ResetPassword(string email, string token) =>
        QueryHelpers.AddQueryString(Base + "Account/ResetPassword", new Dictionary<string, string?> { ["email"] = email, ["code"] = EncodeToken(token) });

    private string Base => office.Value.SiteUrl.TrimEnd('/') + "/";
}
