using System.Text.RegularExpressions;

namespace AiGO.Tests.Site;

/// <summary>MudBlazor is used through its components: no page writes out its internal markup by hand.</summary>
public partial class MudBlazorUsageTests
{
    [Fact]
    public void No_razor_file_copies_MudBlazors_internal_class_names()
    {
        var web = Path.Combine(RepositoryRoot(), "AiGO.Web");
        var copies = Directory.EnumerateFiles(web, "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(web, f), Line: i + 1, Text: line)))
            .Where(l => MudClass().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(copies.Count == 0, "MudBlazor's internal classes written by hand (use the component instead):\n" + string.Join("\n", copies));
    }

    /// <summary>A class attribute naming one of MudBlazor's own classes (mud-input-slot, mud-table, mud-grid-item …).</summary>
    [GeneratedRegex("""class\s*=\s*"[^"]*\bmud-[a-z]""", RegexOptions.IgnoreCase)]
    private static partial Regex MudClass();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AiGO.Blazor.sln"))) return dir.FullName;
        throw new InvalidOperationException("AiGO.Blazor.sln not found above " + AppContext.BaseDirectory);
    }
}
