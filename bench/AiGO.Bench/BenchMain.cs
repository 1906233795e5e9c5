namespace AiGO.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/AiGO.Bench -- [all|NAME…]</c>: the machine, then each benchmark's
/// figures beside its floor, then every ratio and goal together. <c>all</c> runs every registered benchmark in order.
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
        Console.WriteLine(Machine.Describe());
        Console.WriteLine();
        try
        {
            foreach (var (name, what, run) in Benchmarks.Where(b => asked.Contains("all") || asked.Contains(b.Name)))
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
        Summary.Print();
        return 0;
    }
}
