using AiGO.Domain.Accounts;
using AiGO.Domain.Office;

namespace AiGO.Domain.Common;

/// <summary>
/// The acting user, as the application services see it: they authorise on it (see <see cref="Permission"/>), so a
/// hidden button is never the only guard. A visitor is an actor with no id and no roles.
/// </summary>
public sealed record Actor(string? Id, string Name, IReadOnlySet<string> Roles, int? OrganiserId)
{
    /// <summary>The system itself (a waitlist promotion, a completion decided at the course's end); no user can be it.</summary>
    public static readonly Actor System = new(null, "系統", new HashSet<string>(), null) { IsSystem = true };

    /// <summary>Someone who has not signed in.</summary>
    public static readonly Actor Visitor = new(null, "訪客", new HashSet<string>(), null);

    public bool IsSystem { get; private init; }

    public bool IsSignedIn => Id is not null;

    public bool IsInRole(string role) => Roles.Contains(role);

    /// <summary>計畫辦公室</summary>
    public bool IsOffice => IsInRole(Accounts.Roles.Office);

    /// <summary>Staff of the 開課單位 <paramref name="organiserId"/>.</summary>
    public bool WorksFor(int? organiserId) =>
        IsInRole(Accounts.Roles.Organiser) && OrganiserId is { } own && own == organiserId;

    public AuditEntry Audit(DateTimeOffset at, string action, string entityType, object entityId, string details) => new()
    {
        At = at, ActorId = Id, ActorName = Name, Action = action, EntityType = entityType, EntityId = entityId.ToString() ?? "", Details = details,
    };
}
