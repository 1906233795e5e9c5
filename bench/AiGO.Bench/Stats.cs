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

    public static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    public static string Line(string name, double[] t) => $"{name,-44} p50 {Percentile(t, .5),8:F2} ms   p95 {Percentile(t, .95),8:F2} ms";
}
