using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace AiGO.Web.Accounts;

/// <summary>
/// How the sign-in and antiforgery cookies travel. Outside Development they are <c>Secure</c> whatever the request
/// looked like (TLS may end at a proxy), and the sign-in cookie is named with the <c>__Host-</c> prefix, which
/// browsers accept only when it is Secure, for Path=/ and without a Domain: no sub-domain can set or overwrite it.
/// Development runs on plain http, where a Secure cookie would never come back, so it keeps the usual names.
/// </summary>
public static class CookieSecurity
{
    public const string SignInCookie = "__Host-AiGO.Identity";

    public static IServiceCollection AddAiGoCookieSecurity(this IServiceCollection services, IHostEnvironment environment)
    {
        var secure = !environment.IsDevelopment();
        var policy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            o.Cookie.SecurePolicy = policy;
            if (!secure) return;
            o.Cookie.Name = SignInCookie;
            o.Cookie.Path = "/";
            o.Cookie.Domain = null;
        });
        foreach (var scheme in new[] { IdentityConstants.ExternalScheme, IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme })
            services.Configure<CookieAuthenticationOptions>(scheme, o => o.Cookie.SecurePolicy = policy);

        services.Configure<AntiforgeryOptions>(o =>
        {
            o.Cookie.SecurePolicy = policy;
            // Content-Security-Policy frame-ancestors 'none' and X-Frame-Options DENY (SecurityHeaders) replace its SAMEORIGIN.
            o.SuppressXFrameOptionsHeader = true;
        });
        return services;
    }
}
