using AiGO.Web.Accounts;

namespace AiGO.Tests.Accounts;

public class EmailLookupThrottleTests
{
    [Fact]
    public void Live_address_lookups_are_limited_per_client_apart_from_the_form_submissions()
    {
        using var throttle = new AccountThrottle(Microsoft.Extensions.Options.Options.Create(new AccountRateLimitOptions { PermitLimit = 2, Window = TimeSpan.FromMinutes(1) }));

        Assert.All(Enumerable.Range(0, 6), _ => Assert.True(throttle.TryAcquireLookup("10.0.0.1")));
        Assert.False(throttle.TryAcquireLookup("10.0.0.1"));    // a seventh look-up within the minute
        Assert.True(throttle.TryAcquireLookup("10.0.0.2"));     // another client is not affected
        Assert.True(throttle.TryAcquire("10.0.0.1"));           // nor is the same client's submission
    }
}
