namespace AiGO.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/AiGO.Bench -- [all|NAME…]</c>: the machine, then each benchmark's
/// figures beside its floor, then every ratio and goal together. <c>all</c> runs every registered benchmark in order.
/// When more than one runs, each runs in a process of its own (this program again, with one name), so no benchmark
/// measures what an earlier one left behind: the import's peak working set is its own, not the 200 browser pages'
/// of the circuit benchmark, and each starts with a cold heap and thread pool.
/// </summary>
public static class BenchMain
{
    /// <summary>Every benchmark, in the order <c>all</c> runs them; a new one registers itself here.</summary>
    private static readonly (string Name, string What, Func<Task> Run)[] Benchmarks =
    [
        ("rush", "opening rush: N members on PostgreSQL through the wizard's code path", RushBench.RunAsync),
        ("catalogue", "catalogue capacity: /courses?page=N beside a JSON floor, 32 connections", CatalogueBench.RunAsync),
        ("submissions", "submissions per second, full enforcement beside bare inserts, SQLite and PostgreSQL", SubmissionBench.RunAsync),
        ("circuits", "memory per idle circuit: 100 browser pages on /courses and 100 on the wizard", CircuitBench.RunAsync),
        ("import", "Excel import: 10,000 rows validated and applied beside a bare MiniExcel read", ImportBench.RunAsync),
    ];

    public static async Task<int> Main(string[] args)
    {
        var asked = args.Length == 0 ? ["all"] : args;
        var unknown = asked.Where(a => a != "all" && Benchmarks.All(b => b.Name != a)).ToList();
        if (unknown.Count > 0)
        {
            Console.Error.WriteLine($"Unknown benchmark {string.Join(", ", unknown)}. Choose all or: ");
            foreach (var b in Benchmarks) Console.Error.WriteLine($"  {b.Name,-12} {b.What}");
            return 2;
        }
        var chosen = Benchmarks.Where(b => asked.Contains("all") || asked.Contains(b.Name)).ToList();
        var summaryFile = Environment.GetEnvironmentVariable(SummaryFileVariable);
        if (summaryFile is null) Console.WriteLine(Machine.Describe());
        if (chosen.Count > 1)
        {
            foreach (var (name, _, _) in chosen) await RunAloneAsync(name);
            Summary.Print();
            return 0;
        }
        Console.WriteLine();
        try
        {
            foreach (var (name, what, run) in chosen)
            {
                Console.WriteLine($"== {name}: {what}");
                try { await run(); }
                catch (Exception e)
                {
                    // One benchmark that cannot finish must not cost the others' figures.
                    Console.WriteLine($"{name} did not finish: {e.GetType().Name}: {e.Message}");
                    Summary.Add($"{name}: did not finish", e.GetType().Name, "", false);
                }
                Console.WriteLine();
            }
        }
        finally
        {
            await BenchPostgres.StopAsync();
        }
        if (summaryFile is null) Summary.Print();
        else Summary.Save(summaryFile);
        return 0;
    }

    /// <summary>Set for a benchmark's own process: where it writes its summary rows for the first process to print.</summary>
    private const string SummaryFileVariable = "AIGO_BENCH_SUMMARY_FILE";

    private static async Task RunAloneAsync(string name)
    {
        var summary = Path.GetTempFileName();
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo(Environment.ProcessPath!) { ArgumentList = { name } };
            if (Environment.ProcessPath!.EndsWith("dotnet", StringComparison.Ordinal))
                start.ArgumentList.Insert(0, typeof(BenchMain).Assembly.Location);
            start.Environment[SummaryFileVariable] = summary;
            using var child = System.Diagnostics.Process.Start(start)!; // its output goes straight to this console
            await child.WaitForExitAsync();
            if (child.ExitCode != 0 || new FileInfo(summary).Length == 0)
                Summary.Add($"{name}: did not finish", $"exit code {child.ExitCode}", "", false);
            else
                Summary.Load(summary);
        }
        finally
        {
            File.Delete(summary);
        }
        Console.WriteLine();
    }
}
