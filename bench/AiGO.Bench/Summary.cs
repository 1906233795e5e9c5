namespace AiGO.Bench;

/// <summary>Every figure beside its floor or goal, collected as the benchmarks run and printed together at the end.</summary>
public static class Summary
{
    private static readonly List<(string Figure, string Value, string Goal, bool? Met)> Rows = [];

    public static void Add(string figure, string value, string goal, bool? met) => Rows.Add((figure, value, goal, met));

    public static void Print()
    {
        if (Rows.Count == 0) return;
        Console.WriteLine("== Summary: every figure beside its goal");
        foreach (var (figure, value, goal, met) in Rows)
            Console.WriteLine($"{figure,-58} {value,-22} {goal,-16} {(met is null ? "" : met.Value ? "met" : "NOT MET")}");
    }
}
