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

/// <summary>The acting user, as the application services see it (authorisation is checked there, not only in the UI).</summary>
public sealed record Actor(string? Id, string Name, IReadOnlySet<string> Roles, int? OrganiserId)
{
    public static readonly Actor System = new(null, "系統", new HashSet<string>(), null);

    public bool IsInRole(string role) => Roles.Contains(role);

    public AuditEntry Audit(DateTimeOffset at, string action, string entityType, object entityId, string details) => new()
    {
        At = at, ActorId = Id, ActorName = Name, Action = action, EntityType = entityType, EntityId = entityId.ToString() ?? "", Details = details,
    };
}
