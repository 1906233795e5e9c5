using AiGO.Domain.Common;
using AiGO.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Web.Hosting;

/// <summary>瀏覽人次: one count per browser visit (a session cookie marks the visit), shown in the footer.</summary>
public sealed class VisitCounterMiddleware(RequestDelegate next)
{
    private const string Cookie = "aigo_visit";

    public async Task InvokeAsync(HttpContext context, IDbContextFactory<AiGoDbContext> dbFactory)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method)
            && request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal)
            && !request.Cookies.ContainsKey(Cookie))
        {
            await using var db = await dbFactory.CreateDbContextAsync(context.RequestAborted);
            await db.SiteCounters.Where(c => c.Id == SiteCounter.SingletonId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Visits, c => c.Visits + 1), context.RequestAborted);
            context.Response.Cookies.Append(Cookie, "1", new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = request.IsHttps });
        }
        await next(context);
    }
}

/// <summary>Reads the count for the footer.</summary>
public sealed class VisitCounter(IDbContextFactory<AiGoDbContext> dbFactory)
{
    public async Task<long> CurrentAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.SiteCounters.Where(c => c.Id == SiteCounter.SingletonId).Select(c => c.Visits).FirstOrDefaultAsync();
    }
}
