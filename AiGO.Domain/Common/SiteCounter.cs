namespace AiGO.Domain.Common;

/// <summary>瀏覽人次 — the footer's visit counter; a single row.</summary>
public class SiteCounter
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;
    public long Visits { get; set; }
}
