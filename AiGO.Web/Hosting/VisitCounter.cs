using AiGO.Domain.Common;
using AiGO.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Web.Hosting;

/// <summary>瀏覽人次: one count per browser visit (a session cookie marks the visit), shown in the footer.</summary>
public sealed class VisitCounterMiddleware(RequestDelegate next)
{
    private const string Cookie = "aigo_visit";

    public Task InvokeAsync(HttpContext context, VisitCounter counter)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method)
            && request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal)
            && !request.Cookies.ContainsKey(Cookie))
        {
            counter.Count();
            context.Response.Cookies.Append(Cookie, "1", new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = request.IsHttps });
        }
        return next(context);
    }
}

/// <summary><c>Hosting:VisitFlushInterval</c>: how often the visits counted in memory are written.</summary>
public sealed class VisitCounterOptions
{
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Visits are counted in memory and written by <see cref="VisitFlusher"/> in one update per interval (and at
/// shutdown), so a request without the visit cookie costs no database write. The footer shows the stored count,
/// read at most every few seconds, plus this instance's visits not yet written.
/// </summary>
public sealed class VisitCounter(IDbContextFactory<AiGoDbContext> dbFactory, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private sealed record Reading(DateTimeOffset At, long Visits);

    private volatile Reading? _stored;
    private long _pending;

    public void Count() => Interlocked.Increment(ref _pending);

    /// <summary>Visits counted here and not yet written.</summary>
    public long Pending => Interlocked.Read(ref _pending);

    public async Task<long> CurrentAsync()
    {
        var now = clock.GetUtcNow();
        if (_stored is not { } stored || now - stored.At >= Lifetime)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var visits = await db.SiteCounters.Where(c => c.Id == SiteCounter.SingletonId).Select(c => c.Visits).FirstOrDefaultAsync();
            _stored = stored = new Reading(now, visits);
        }
        return stored.Visits + Pending;
    }

    /// <summary>Adds the pending visits to the stored count in one update; on failure they stay pending.</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        var visits = Interlocked.Exchange(ref _pending, 0);
        if (visits == 0) return;
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.SiteCounters.Where(c => c.Id == SiteCounter.SingletonId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Visits, c => c.Visits + visits), ct);
            _stored = null;
        }
        catch
        {
            Interlocked.Add(ref _pending, visits);
            throw;
        }
    }
}

/// <summary>Writes the counted visits every <see cref="VisitCounterOptions.FlushInterval"/>, and once more at shutdown.</summary>
public sealed class VisitFlusher(VisitCounter counter, VisitCounterOptions options, TimeProvider clock, ILogger<VisitFlusher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.FlushInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await FlushAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        try { await counter.FlushAsync(ct); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not write {Visits} visits; they are kept for the next try.", counter.Pending);
        }
    }
}
