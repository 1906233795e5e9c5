using AiGO.Domain.Common;
using AiGO.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Web.Hosting;

/// <summary>瀏覽人次: one count per browser visit (a session cookie marks the visit), shown in the footer.</summary>
public sealed class VisitCounterMiddleware(RequestDelegate next)
{
    private const string Cookie = "aigo_visit";

    public async Task InvokeAsync(HttpContext context, IDbContextFactory<AiGoDbContext> dbFactory, VisitCounter counter)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method)
            && request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal)
            && !request.Cookies.ContainsKey(Cookie))
        {
            await using var db = await dbFactory.CreateDbContextAsync(context.RequestAborted);
            await db.SiteCounters.Where(c => c.Id == SiteCounter.SingletonId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Visits, c => c.Visits + 1), context.RequestAborted);
            counter.Forget();
            context.Response.Cookies.Append(Cookie, "1", new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = request.IsHttps });
        }
        await next(context);
    }
}

/// <summary>
/// Reads the count for the footer. Every page shows it, so it is read from the database at most every few
/// seconds, and again right after this instance counts a new visit.
/// </summary>
public sealed class VisitCounter(IDbContextFactory<AiGoDbContext> dbFactory, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private sealed record Reading(DateTimeOffset At, long Visits);

    private volatile Reading? _last;

    public async Task<long> CurrentAsync()
    {
        var now = clock.GetUtcNow();
        if (_last is { } last && now - last.At < Lifetime) return last.Visits;
        await using var db = await dbFactory.CreateDbContextAsync();
        var visits = await db.SiteCounters.Where(c => c.Id == SiteCounter.SingletonId).Select(c => c.Visits).FirstOrDefaultAsync();
        _last = new Reading(now, visits);
        return visits;
    }

    /// <summary>A visit was just counted: the next footer reads the database.</summary>
    public void Forget() => _last = null;
}
