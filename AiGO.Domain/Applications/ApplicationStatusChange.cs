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

/// <summary>處分 — after signing in without attending, no subsidy for a period (default two years).</summary>
public class Sanction
{
    public int Id { get; set; }
    public string MemberId { get; set; } = "";
    public int? CourseId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly Until { get; set; }
    public string Reason { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}
