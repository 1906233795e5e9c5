namespace AiGO.Domain.Catalogue;

/// <summary>
/// One class session of a course (上課日): generated from the course dates and 上課時間, editable until the course starts.
/// Attendance is recorded per session on the organiser's roster.
/// </summary>
public class CourseSession
{
    public int Id { get; set; }
    public int CourseId { get; set; }
    public Course Course { get; set; } = null!;
    public DateOnly Date { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
    /// <summary>Class minutes that count towards the course's hours (the span less breaks such as lunch).</summary>
    public int Minutes { get; set; }
}
