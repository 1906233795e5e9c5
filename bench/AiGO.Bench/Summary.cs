namespace AiGO.Bench;

/// <summary>Every figure beside its floor or goal, collected as the benchmarks run and printed together at the end.</summary>
public static class Summary
{
    private static readonly List<(string Figure, string Value, string Goal, bool? Met)> Rows = [];

    public static void Add(string figure, string value, string goal, bool? met) => Rows.Add((figure, value, goal, met));

    /// <summary>The rows as tab-separated lines, for a benchmark run in a process of its own to hand back.</summary>
    public static void Save(string path) =>
        File.WriteAllLines(path, Rows.Select(r => string.Join('\t', r.Figure, r.Value, r.Goal, r.Met?.ToString() ?? "")));

    /// <summary>Adds the rows a benchmark's own process saved.</summary>
    public static void Load(string path)
    {
        foreach (var line in File.ReadAllLines(path))
        {
            var f = line.Split('\t');
            Add(f[0], f[1], f[2], f[3].Length == 0 ? null : bool.Parse(f[3]));
        }
    }

    public static void Print()
    {
        if (Rows.Count == 0) return;
        Console.WriteLine("== Summary: every figure beside its goal");
        foreach (var (figure, value, goal, met) in Rows)
            Console.WriteLine($"{figure,-58} {value,-22} {goal,-16} {(met is null ? "" : met.Value ? "met" : "NOT MET")}");
    }
}
