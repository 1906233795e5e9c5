using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace AiGO.Tests.Infrastructure;

public static class Accessibility
{
    /// <summary>
    /// Every rule runs; only violations are collected in full. axe builds a selector for every node of every result
    /// type it reports, which on a long grid took most of a minute for the passes nobody reads (axe-core's
    /// documented use of resultTypes).
    /// </summary>
    private static readonly AxeRunOptions ViolationsOnly = new() { ResultTypes = [ResultType.Violations] };

    /// <summary>Runs axe in the page and fails with the rule, the impact and the offending elements of every serious or critical violation.</summary>
    public static async Task AssertNoSeriousViolationsAsync(this IPage page)
    {
        page.AssertNoCspViolations();
        var result = await page.RunAxe(ViolationsOnly);
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, "axe: " + string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Take(5).Select(n => n.Html))}")));
    }
}
