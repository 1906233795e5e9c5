namespace AiGO.Domain.Applications;

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
