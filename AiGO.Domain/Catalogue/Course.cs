using AiGO.Domain.Organisers;

namespace AiGO.Domain.Catalogue;

/// <summary>實體培訓課程 — a physical training course offered by an organiser (SPEC §3).</summary>
public class Course : IVersioned
{
    public int Id { get; set; }
    public int OrganiserId { get; set; }
    public Organiser Organiser { get; set; } = null!;

    public string Name { get; set; } = "";
    /// <summary>課程大綱 — one entry per outline item.</summary>
    public List<string> Outline { get; set; } = [];
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    /// <summary>上課時間 — free text such as "每週六 09:00-16:00".</summary>
    public string ClassTimes { get; set; } = "";
    public int Hours { get; set; }

    public VenueMode VenueMode { get; set; }
    /// <summary>Online platform (Microsoft Teams, Cisco Webex …) for online and dual-track courses.</summary>
    public string? Platform { get; set; }
    /// <summary>Classroom and street address for on-site and dual-track courses.</summary>
    public string? Address { get; set; }
    /// <summary>City of the classroom (在台居住地 names, e.g. 臺南市); null for online-only courses.</summary>
    public string? City { get; set; }

    /// <summary>課程費用 in whole NT$; always TraineeShare + GovernmentShare.</summary>
    public int TotalFee { get; set; }
    public int TraineeShare { get; set; }
    public int GovernmentShare { get; set; }
    public string? PaymentMethod { get; set; }

    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    /// <summary>課程報名網址 — the organiser's own registration and payment page.</summary>
    public string? RegistrationUrl { get; set; }
    /// <summary>先備知識 — prerequisites the trainee must declare.</summary>
    public List<string> Prerequisites { get; set; } = [];
    /// <summary>The organiser stated explicitly that the course needs no prior knowledge (先備知識：無).</summary>
    public bool NoPrerequisites { get; set; }
    /// <summary>授課師資.</summary>
    public string? Instructors { get; set; }
    /// <summary>預計招生人數 — the number of subsidised places.</summary>
    public int PlannedSeats { get; set; }
    public CourseStatus Status { get; set; }
    /// <summary>上課日: the class sessions, in date order once loaded.</summary>
    public List<CourseSession> Sessions { get; set; } = [];

    /// <summary>When the organiser asked the office to publish this draft.</summary>
    public DateTimeOffset? SubmittedForPublicationAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Who saved last, so a conflicting editor can be told.</summary>
    public string? UpdatedBy { get; set; }
    public Guid Version { get; set; }

    /// <summary>Where mail for the organiser goes: its own contact address, else the course's contact (needs <see cref="Organiser"/> loaded).</summary>
    public string OrganiserEmail => string.IsNullOrWhiteSpace(Organiser.ContactEmail) ? ContactEmail : Organiser.ContactEmail;
}

public enum CourseStatus
{
    /// <summary>草稿</summary>
    Draft = 0,
    /// <summary>公開</summary>
    Published = 1,
    /// <summary>測試中</summary>
    Testing = 2,
    /// <summary>已截止</summary>
    Closed = 3,
}

public enum VenueMode
{
    /// <summary>實體</summary>
    OnSite = 0,
    /// <summary>線上</summary>
    Online = 1,
    /// <summary>雙軌同步 — online and on-site at once.</summary>
    DualTrack = 2,
}
