namespace AiGO.Domain.Applications;

/// <summary>One step in an application's life: every status change says who, when and why (SPEC §5).</summary>
public class ApplicationStatusChange
{
    public long Id { get; set; }
    public int ApplicationId { get; set; }
    public SubsidyApplication Application { get; set; } = null!;
    public ApplicationStatus? From { get; set; }
    public ApplicationStatus To { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>Null when the system acted (a waitlist promotion).</summary>
    public string? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    public string? Reason { get; set; }
}
