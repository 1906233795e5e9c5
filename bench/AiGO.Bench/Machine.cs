using System.Runtime.InteropServices;

namespace AiGO.Bench;

/// <summary>The machine a run was measured on, printed above its figures.</summary>
public static class Machine
{
    public static string Describe()
    {
        var cpu = Read("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var ram = Read("/proc/meminfo", "MemTotal") is { } kb && long.TryParse(kb.Split(' ')[0], out var k) ? $"{k / 1024.0 / 1024.0:F1} GB" : "unknown";
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ').Take(3) : [];
        return $"""
            Machine: {cpu}, {Environment.ProcessorCount} cores, {ram} RAM
            OS: {RuntimeInformation.OSDescription}; {RuntimeInformation.FrameworkDescription}; {(System.Diagnostics.Debugger.IsAttached ? "debugger" : "no debugger")}, server GC {System.Runtime.GCSettings.IsServerGC}
            Load average at start: {string.Join(" ", load)}; run at {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC
            """;
    }

    private static string? Read(string file, string key) =>
        File.Exists(file)
            ? File.ReadLines(file).Where(l => l.StartsWith(key, StringComparison.Ordinal)).Select(l => l[(l.IndexOf(':') + 1)..].Trim()).FirstOrDefault()
            : null;
}
