namespace AiGO.Domain.Applications;

/// <summary>
/// 處分 — a trainee found signing in without attending loses that course's subsidy and may not receive subsidies
/// for a period (SPEC §5; <see cref="SubsidyPolicy.SanctionYears"/>). The office records it and may lift it early.
/// </summary>
public class Sanction
{
    public int Id { get; set; }
    public string MemberId { get; set; } = "";
    /// <summary>The course whose subsidy was withdrawn, if the sanction arose from one.</summary>
    public int? CourseId { get; set; }
    public DateOnly From { get; set; }
    /// <summary>The last day it runs.</summary>
    public DateOnly Until { get; set; }
    public string Reason { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
    /// <summary>Lifted early: from then on it no longer blocks.</summary>
    public DateTimeOffset? LiftedAt { get; set; }
    public string? LiftedBy { get; set; }
    public string? LiftReason { get; set; }

    public const int MaxReasonLength = 500;

    /// <summary>Whether it blocks a subsidy application judged on <paramref name="day"/>.</summary>
    public bool BlocksOn(DateOnly day) => LiftedAt is null && From <= day && day <= Until;
}
