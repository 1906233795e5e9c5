namespace AiGO.Domain.Common;

/// <summary>How long something has waited, in the words the office's queues use (3天4小時, 2小時5分, 12分鐘).</summary>
public static class Waiting
{
    public static string Since(DateTimeOffset since, DateTimeOffset now) => (now - since) switch
    {
        { TotalDays: >= 1 } d => $"{(int)d.TotalDays}天{d.Hours}小時",
        { TotalHours: >= 1 } h => $"{(int)h.TotalHours}小時{h.Minutes}分",
        var m => $"{Math.Max(0, (int)m.TotalMinutes)}分鐘",
    };
}
