using System.Diagnostics;

namespace AiGO.Bench;

public static class Stats
{
    /// <summary>Runs <paramref name="action"/> <paramref name="runs"/> times after <paramref name="warmup"/> unmeasured runs; returns milliseconds.</summary>
    public static async Task<double[]> TimeAsync(int warmup, int runs, Func<int, Task> action)
    {
        for (var i = 0; i < warmup; i++) await action(i);
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            await action(i);
            times[i] = sw.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return times;
    }

    /// <summary>
    /// Times several actions in turn, one run of each per round, so a noisy moment on the machine lands on all of
    /// them alike; returns each action's sorted milliseconds.
    /// </summary>
    public static async Task<double[][]> TimeInterleavedAsync(int warmup, int runs, params Func<int, Task>[] actions)
    {
        for (var i = 0; i < warmup; i++)
            foreach (var action in actions) await action(i);
        var times = actions.Select(_ => new double[runs]).ToArray();
        for (var i = 0; i < runs; i++)
        {
            for (var a = 0; a < actions.Length; a++)
            {
                var sw = Stopwatch.StartNew();
                await actions[a](i);
                times[a][i] = sw.Elapsed.TotalMilliseconds;
            }
        }
        foreach (var t in times) Array.Sort(t);
        return times;
    }

    public static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    public static string Line(string name, double[] t) => $"{name,-44} p50 {Percentile(t, .5),8:F2} ms   p95 {Percentile(t, .95),8:F2} ms";
}
