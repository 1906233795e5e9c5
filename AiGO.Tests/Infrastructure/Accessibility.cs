using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace AiGO.Tests.Infrastructure;

public static class Accessibility
{
    /// <summary>Runs axe in the page and fails with the rule, the impact and the offending elements of every serious or critical violation.</summary>
    public static async Task AssertNoSeriousViolationsAsync(this IPage page)
    {
        page.AssertNoCspViolations();
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, "axe: " + string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Take(5).Select(n => n.Html))}")));
    }
}
