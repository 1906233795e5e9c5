using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace AiGO.Web.Accounts;

/// <summary>Limits for registration, sign-in and password reset, per client IP (<c>RateLimiting:Accounts</c>).</summary>
public sealed class AccountRateLimitOptions
{
    public int PermitLimit { get; set; } = 10;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Per-IP fixed windows against password guessing and mass registration. Static account forms are limited by
/// the rate-limiting middleware (policy <see cref="Policy"/>, POSTs only); the interactive registration page
/// posts nothing, so <see cref="RegisterMember"/> takes a permit from <see cref="TryAcquire"/> itself.
/// </summary>
public sealed class AccountThrottle : IDisposable
{
    public const string Policy = "accounts";
    public const string TooManyMessage = "您在短時間內嘗試太多次，請稍候一分鐘後再試。";

    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly PartitionedRateLimiter<string> _lookups;

    public AccountThrottle(Microsoft.Extensions.Options.IOptions<AccountRateLimitOptions> options)
    {
        var o = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(ip => RateLimitPartition.GetFixedWindowLimiter(ip, _ => Window(o)));
        var lookups = Window(o);
        lookups.PermitLimit = o.PermitLimit * 3;
        _lookups = PartitionedRateLimiter.Create<string, string>(ip => RateLimitPartition.GetFixedWindowLimiter(ip, _ => lookups));
    }

    /// <summary>Live "address already registered" look-ups: a limiter of their own, three times as generous as the form's.</summary>
    public bool TryAcquireLookup(string? clientIp)
    {
        using var lease = _lookups.AttemptAcquire(clientIp ?? "unknown");
        return lease.IsAcquired;
    }

    public bool TryAcquire(string? clientIp)
    {
        using var lease = _limiter.AttemptAcquire(clientIp ?? "unknown");
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        _limiter.Dispose();
        _lookups.Dispose();
    }

    public static FixedWindowRateLimiterOptions Window(AccountRateLimitOptions o) =>
        new() { PermitLimit = o.PermitLimit, Window = o.Window, QueueLimit = 0, AutoReplenishment = true };

    public static string ClientIp(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>The middleware's policy: POSTs of a page that carries [EnableRateLimiting(Policy)].</summary>
    public static void AddPolicy(RateLimiterOptions options, AccountRateLimitOptions limits)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(Policy, context => HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(ClientIp(context), _ => Window(limits))
            : RateLimitPartition.GetNoLimiter("read"));
        options.OnRejected = async (ctx, ct) =>
        {
            ctx.HttpContext.Response.ContentType = "text/html; charset=utf-8";
            ctx.HttpContext.Response.Headers.RetryAfter = ((int)limits.Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ctx.HttpContext.Response.WriteAsync(TooManyRequestsPage, ct);
        };
    }

    public static readonly string TooManyRequestsPage = $"""
        <!DOCTYPE html>
        <html lang="zh-Hant-TW"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>嘗試次數過多 - AiGO</title>
        <style>body{"{"}font-family:"Noto Sans TC",sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.7;color:#1a1a1a{"}"}a{"{"}color:#0b5cad{"}"}</style></head>
        <body><main><h1>嘗試次數過多</h1><p>{WebUtility.HtmlEncode(TooManyMessage)}</p>
        <p>為保護會員帳號安全，註冊、登入與重設密碼在同一網路位址每分鐘的次數有上限。</p>
        <p><a href="/">回首頁</a>　<a href="/Account/Login">AiGO 登入</a></p></main></body></html>
        """;
}
