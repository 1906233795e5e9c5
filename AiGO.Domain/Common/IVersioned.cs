namespace AiGO.Domain;

/// <summary>An entity edited by several people: its Version is an optimistic-concurrency token renewed on every save.</summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
