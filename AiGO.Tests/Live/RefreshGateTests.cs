using AiGO.Web.Live;

namespace AiGO.Tests.Live;

public class RefreshGateTests
{
    [Fact]
    public async Task A_burst_of_changes_is_one_refresh_and_a_later_change_is_another()
    {
        var refreshes = 0;
        var gate = new RefreshGate(() => { Interlocked.Increment(ref refreshes); return Task.CompletedTask; }, TimeSpan.FromMilliseconds(500));

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(gate.RequestAsync)));
        Assert.Equal(1, refreshes);

        await gate.RequestAsync();
        Assert.Equal(2, refreshes);
    }
}
