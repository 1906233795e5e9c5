using AiGO.Domain.Catalogue;

namespace AiGO.Web.Components.Pages.Catalogue;

/// <summary>The starting values of a new course form.</summary>
public static class CourseDrafts
{
    public static Course New(DateOnly today, int organiserId = 0) => new()
    {
        OrganiserId = organiserId,
        StartDate = today.AddDays(30),
        EndDate = today.AddDays(31),
        Hours = 12,
        PlannedSeats = 20,
        VenueMode = VenueMode.OnSite,
        Status = CourseStatus.Draft,
    };
}
