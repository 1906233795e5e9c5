namespace AiGO.Domain.Applications;

/// <summary>
/// The wizard's unfinished input for one course, saved as the member types so it resumes on any device.
/// The payload holds personal data (the national ID), so it is stored encrypted by the web layer.
/// </summary>
public class ApplicationDraft
{
    public int Id { get; set; }
    public string MemberId { get; set; } = "";
    public int CourseId { get; set; }
    public string ProtectedPayload { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}
