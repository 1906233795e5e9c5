using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace AiGO.Web.Accounts;

/// <summary>So many permits per window.</summary>
public sealed class RateWindow
{
    public int PermitLimit { get; set; }
    public TimeSpan Window { get; set; }
}

/// <summary><c>RateLimiting:Members</c>: limits per signed-in member (not per IP) on what a member can repeat.</summary>
public sealed class MemberRateLimitOptions
{
    /// <summary>變更信箱 confirmation mails and 重寄信箱驗證信, together.</summary>
    public RateWindow EmailMails { get; set; } = new() { PermitLimit = 3, Window = TimeSpan.FromHours(1) };
    /// <summary>Look-ups of a national ID other than the member's own (「已由其他帳號使用」 answers).</summary>
    public RateWindow NationalIdLookups { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromHours(1) };
}

/// <summary>What a member asks to repeat.</summary>
public enum MemberAction { EmailMail, NationalIdLookup }

/// <summary>
/// Per-member fixed windows for actions that reach outside the account (mails to any address) or reveal something
/// about other accounts (whether a national ID is registered). Counted in this instance's memory: with several
/// instances behind sticky sessions a member meets the limit of the instance that serves them.
/// </summary>
public sealed class MemberThrottle : IDisposable
{
    public const string EmailMailsRefused = "寄送確認信的次數已達上限，請稍後再試。";
    public const string NationalIdLookupsRefused = "身分證字號查詢次數過多，請稍後再試；如有疑問請洽計畫辦公室";

    private readonly PartitionedRateLimiter<(MemberAction, string)> _limiter;

    public MemberThrottle(IOptions<MemberRateLimitOptions> options)
    {
        var o = options.Value;
        _limiter = PartitionedRateLimiter.Create<(MemberAction Action, string UserId), (MemberAction, string)>(key =>
            RateLimitPartition.GetFixedWindowLimiter(key, k => Limiter(k.Item1 == MemberAction.EmailMail ? o.EmailMails : o.NationalIdLookups)));
    }

    /// <summary>True when the member may do it once more now (and counts this time).</summary>
    public bool TryAcquire(MemberAction action, string userId)
    {
        using var lease = _limiter.AttemptAcquire((action, userId));
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();

    private static FixedWindowRateLimiterOptions Limiter(RateWindow w) =>
        new() { PermitLimit = w.PermitLimit, Window = w.Window, QueueLimit = 0, AutoReplenishment = true };
}
