using AiGO.Domain.Applications;

namespace AiGO.Tests.Catalogue;

public class SubsidyCalculatorTests
{
    [Theory]
    [InlineData(20000, 10000, 50, 20000, 10000)] // government share
    [InlineData(20000, 10000, 50, 8000, 8000)]   // remaining cap: 已達政府補助金額上限，目前申請金額為8000元
    [InlineData(20000, 10000, 40, 20000, 8000)]  // rate × fee
    [InlineData(20000, 10000, 50, 0, 0)]         // cap used up: no subsidy
    [InlineData(20000, 10000, 50, -500, 0)]      // never negative
    [InlineData(9999, 4999, 50, 20000, 4999)]
    public void The_subsidy_is_the_least_of_share_rate_and_remaining_cap(int fee, int government, int rate, int remaining, int expected) =>
        Assert.Equal(expected, SubsidyCalculator.ForCourse(fee, government, rate, remaining));

    [Fact]
    public void Special_identities_may_have_their_own_rate()
    {
        var policy = new SubsidyPolicy { SpecialIdentityRatePercent = { ["2"] = 70 } };
        Assert.Equal(70, policy.RatePercentFor("2"));
        Assert.Equal(50, policy.RatePercentFor("0"));
        Assert.Equal(50, policy.RatePercentFor(null));
    }
}
