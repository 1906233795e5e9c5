using AiGO.Domain.Catalogue;

namespace AiGO.Domain.Applications;

/// <summary>One trainee's attendance at one class session, as the organiser recorded it on the roster.</summary>
public class SessionAttendance
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public CourseSession Session { get; set; } = null!;
    public int ApplicationId { get; set; }
    public SubsidyApplication Application { get; set; } = null!;
    /// <summary>0 for absent, the session's minutes for present, anything between for a late arrival or early leave.</summary>
    public int MinutesAttended { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}
