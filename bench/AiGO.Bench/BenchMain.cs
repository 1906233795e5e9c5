namespace AiGO.Bench;

/// <summary><c>dotnet run -c Release --project bench/AiGO.Bench -- [all|catalogue|submissions|import]</c> prints each benchmark's figures.</summary>
public static class BenchMain
{
    public static async Task Main(string[] args)
    {
        var which = args.FirstOrDefault() ?? "all";
        if (which is "all" or "catalogue") await CatalogueBench.RunAsync();
        if (which is "all" or "submissions") await SubmissionBench.RunAsync();
        if (which is "all" or "import") await ImportBench.RunAsync();
    }
}
