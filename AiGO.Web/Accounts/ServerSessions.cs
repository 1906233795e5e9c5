using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using AiGO.Domain.Accounts;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AiGO.Web.Accounts;

/// <summary>
/// The server-side record of every sign-in (<see cref="UserSession"/>). A sign-in gets a random token carried in the
/// cookie (and as a claim, for live circuits); each request and each open page checks it here, so a sign-in ends for
/// good when it is revoked (登出, a password change, the office disabling the account) or passes the idle or the
/// absolute limit. Ending one tells the account's open pages through the live-update bus, across instances too.
/// </summary>
public sealed class ServerSessions(IDbContextFactory<AiGoDbContext> dbFactory, TimeProvider clock, SessionOptions options,
    IChangeNotifier notifier, IOptions<IdentityOptions> identity)
{
    /// <summary>The token in the cookie's authentication properties.</summary>
    public const string TokenItem = "aigo.session";
    /// <summary>The same token as a claim: a live circuit sees only the principal.</summary>
    public const string TokenClaim = "aigo:session";

    /// <summary>Last-seen is written at most this often per session: a request per page, not a write per request.</summary>
    public TimeSpan TouchGranularity => options.IdleTimeout / 30 < TimeSpan.FromMinutes(1) ? options.IdleTimeout / 30 : TimeSpan.FromMinutes(1);

    public async Task<string> StartAsync(string userId, CancellationToken ct = default)
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.UserSessions.Add(new UserSession { Id = IdOf(token), UserId = userId, CreatedAt = now, LastSeenAt = now });
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>
    /// Null when the principal's session is live; otherwise why it is not (and a session found past a limit, or
    /// signed with an old security stamp, is revoked now). <paramref name="touch"/> counts this as activity.
    /// </summary>
    public async Task<SessionEnd?> CheckAsync(ClaimsPrincipal principal, string? token, bool touch, CancellationToken ct = default)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (string.IsNullOrEmpty(token) || userId is null) return SessionEnd.SignedOut;
        var id = IdOf(token);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await (from s in db.UserSessions.AsNoTracking()
                         join u in db.Users on s.UserId equals u.Id
                         where s.Id == id
                         select new { Session = s, u.SecurityStamp }).SingleOrDefaultAsync(ct);
        if (row is null || row.Session.UserId != userId) return SessionEnd.SignedOut;
        if (row.Session.RevokedReason is { } ended) return ended;

        var now = clock.GetUtcNow();
        SessionEnd? end = now - row.Session.CreatedAt > options.AbsoluteTimeout ? SessionEnd.Absolute
            : now - row.Session.LastSeenAt > options.IdleTimeout ? SessionEnd.Idle
            : principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) != row.SecurityStamp ? SessionEnd.SecurityStampChanged
            : null;
        if (end is { } reason)
        {
            await RevokeWhereAsync(db, s => s.Id == id, reason, userId, ct);
            return reason;
        }
        if (touch && now - row.Session.LastSeenAt >= TouchGranularity)
            await db.UserSessions.Where(s => s.Id == id && s.RevokedAt == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), ct);
        return null;
    }

    /// <summary>Input in an open page (the heartbeat): the same as a request, for the idle limit.</summary>
    public async Task TouchAsync(ClaimsPrincipal principal, CancellationToken ct = default) =>
        await CheckAsync(principal, principal.FindFirstValue(TokenClaim), touch: true, ct);

    public async Task RevokeAsync(string? token, SessionEnd reason, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token)) return;
        var id = IdOf(token);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var userId = await db.UserSessions.Where(s => s.Id == id).Select(s => s.UserId).SingleOrDefaultAsync(ct);
        if (userId is not null) await RevokeWhereAsync(db, s => s.Id == id, reason, userId, ct);
    }

    /// <summary>Ends every live sign-in of the account, but <paramref name="exceptToken"/> when given.</summary>
    public async Task RevokeAllAsync(string userId, SessionEnd reason, string? exceptToken = null, CancellationToken ct = default)
    {
        var keep = exceptToken is null ? null : IdOf(exceptToken);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RevokeWhereAsync(db, s => s.UserId == userId && s.Id != keep, reason, userId, ct);
    }

    /// <summary>How many sign-ins of the account are live (not revoked; limits are judged at their next check).</summary>
    public async Task<int> CountLiveAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.UserSessions.CountAsync(s => s.UserId == userId && s.RevokedAt == null, ct);
    }

    private async Task RevokeWhereAsync(AiGoDbContext db, System.Linq.Expressions.Expression<Func<UserSession, bool>> which,
        SessionEnd reason, string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ended = await db.UserSessions.Where(which).Where(s => s.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now).SetProperty(s => s.RevokedReason, reason), ct);
        if (ended > 0) notifier.Publish(LiveChange.ForSessionsOf(userId));
    }

    public static string IdOf(string token) => Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
}
