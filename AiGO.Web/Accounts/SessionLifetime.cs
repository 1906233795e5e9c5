using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AiGO.Web.Accounts;

/// <summary>How long a sign-in lasts (<c>Accounts:Session</c>).</summary>
public sealed class SessionOptions
{
    /// <summary>A sign-in with no request and no input in an open page for this long ends.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>OWASP ASVS 3.3.2: however active, a session ends this long after sign-in.</summary>
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(12);
    /// <summary>How often an open page checks its session besides hearing of a revocation at once.</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>An open page reports the user's input (for the idle limit) at most this often.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// The sign-in cookie is only a pointer to a server-side session (<see cref="ServerSessions"/>): signing in starts
/// one, every request checks it (refused at once when revoked, idle or past the absolute limit), signing out revokes
/// it. The cookie itself lasts no longer than the absolute limit and does not slide: the server judges idleness,
/// counting input in open pages, which a cookie never sees.
/// </summary>
public static class SessionLifetime
{
    public static void Configure(CookieAuthenticationOptions o, SessionOptions session)
    {
        o.LoginPath = "/Account/Login";
        o.LogoutPath = "/Account/Logout";
        o.AccessDeniedPath = "/Account/AccessDenied";
        o.ExpireTimeSpan = session.AbsoluteTimeout;
        o.SlidingExpiration = false;
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;

        var signingIn = o.Events.OnSigningIn;
        o.Events.OnSigningIn = async context =>
        {
            var sessions = Sessions(context.HttpContext);
            // A refresh (after a password or e-mail change) replaces the sign-in it renews with a new one.
            if (context.Properties.Items.TryGetValue(ServerSessions.TokenItem, out var previous))
                await sessions.RevokeAsync(previous, Domain.Accounts.SessionEnd.Replaced);
            if (context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId && context.Principal.Identity is ClaimsIdentity identity)
            {
                var token = await sessions.StartAsync(userId);
                context.Properties.Items[ServerSessions.TokenItem] = token;
                if (identity.FindFirst(ServerSessions.TokenClaim) is { } stale) identity.RemoveClaim(stale);
                identity.AddClaim(new Claim(ServerSessions.TokenClaim, token));
            }
            await signingIn(context);
        };

        var validate = o.Events.OnValidatePrincipal; // Identity's security stamp check
        o.Events.OnValidatePrincipal = async context =>
        {
            context.Properties.Items.TryGetValue(ServerSessions.TokenItem, out var token);
            if (context.Principal is null || await Sessions(context.HttpContext).CheckAsync(context.Principal, token, touch: true) is not null)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(context.Scheme.Name);
                return;
            }
            await validate(context);
            // Identity's check may replace the principal: the session token goes with it.
            if (context.Principal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == ServerSessions.TokenClaim))
                identity.AddClaim(new Claim(ServerSessions.TokenClaim, token!));
        };

        var signingOut = o.Events.OnSigningOut;
        o.Events.OnSigningOut = async context =>
        {
            await Sessions(context.HttpContext).RevokeAsync(context.HttpContext.User.FindFirstValue(ServerSessions.TokenClaim), Domain.Accounts.SessionEnd.SignedOut);
            await signingOut(context);
        };
    }

    private static ServerSessions Sessions(HttpContext context) => context.RequestServices.GetRequiredService<ServerSessions>();
}
