using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AiGO.Web.Accounts;

/// <summary>How long a sign-in lasts (<c>Accounts:Session</c>).</summary>
public sealed class SessionOptions
{
    /// <summary>Sliding: a session unused this long ends.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>OWASP ASVS 3.3.2: however active, a session ends this long after sign-in.</summary>
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(12);
    /// <summary>How soon another session notices a changed password (security stamp check).</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// The absolute session limit. Sliding renewal rewrites the cookie's issue time, so the first sign-in time is
/// kept as an item of its own in the authentication properties, which a refresh carries over.
/// </summary>
public static class SessionLifetime
{
    public const string SignedInAtKey = "aigo.signedInAt";
    /// <summary>The same time as a claim, so a live circuit, which sees only the principal, can end at the limit too.</summary>
    public const string SignedInAtClaim = "aigo:signed_in_at";

    public static void Stamp(AuthenticationProperties properties, DateTimeOffset now)
    {
        if (!properties.Items.ContainsKey(SignedInAtKey))
            properties.Items[SignedInAtKey] = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>True when the sign-in is older than the absolute limit, or carries no sign-in time at all.</summary>
    public static bool IsExpired(AuthenticationProperties properties, DateTimeOffset now, TimeSpan absolute) =>
        !properties.Items.TryGetValue(SignedInAtKey, out var value)
        || !long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
        || now - DateTimeOffset.FromUnixTimeSeconds(seconds) > absolute;

    /// <summary>The same judgement for a principal that carries <see cref="SignedInAtClaim"/> (a live circuit).</summary>
    public static bool IsExpired(System.Security.Claims.ClaimsPrincipal principal, DateTimeOffset now, TimeSpan absolute) =>
        principal.FindFirst(SignedInAtClaim)?.Value is { } value
        && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
        && now - DateTimeOffset.FromUnixTimeSeconds(seconds) > absolute;

    public static void Configure(CookieAuthenticationOptions o, SessionOptions session)
    {
        o.LoginPath = "/Account/Login";
        o.LogoutPath = "/Account/Logout";
        o.AccessDeniedPath = "/Account/AccessDenied";
        o.ExpireTimeSpan = session.IdleTimeout;
        o.SlidingExpiration = true;
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        var signingIn = o.Events.OnSigningIn;
        o.Events.OnSigningIn = async context =>
        {
            Stamp(context.Properties, Clock(context.HttpContext).GetUtcNow());
            await signingIn(context);
        };
        var validate = o.Events.OnValidatePrincipal; // Identity's security stamp check
        o.Events.OnValidatePrincipal = async context =>
        {
            if (IsExpired(context.Properties, Clock(context.HttpContext).GetUtcNow(), session.AbsoluteTimeout))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(context.Scheme.Name);
                return;
            }
            await validate(context);
            if (context.Principal?.Identity is System.Security.Claims.ClaimsIdentity identity
                && !identity.HasClaim(c => c.Type == SignedInAtClaim)
                && context.Properties.Items.TryGetValue(SignedInAtKey, out var signedInAt) && signedInAt is not null)
                identity.AddClaim(new System.Security.Claims.Claim(SignedInAtClaim, signedInAt));
        };
    }

    private static TimeProvider Clock(HttpContext context) => context.RequestServices.GetRequiredService<TimeProvider>();
}
