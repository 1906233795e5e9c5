namespace AiGO.Domain.Office;

/// <summary>稽核紀錄 — who did what to which record, and when. Written in the same transaction as the change.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The account that acted; null for the system itself (e.g. a waitlist promotion).</summary>
    public string? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    /// <summary>A stable action key such as <c>course.update</c> or <c>nationalid.read</c>.</summary>
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    /// <summary>What changed, in words the office can read.</summary>
    public string Details { get; set; } = "";
}
