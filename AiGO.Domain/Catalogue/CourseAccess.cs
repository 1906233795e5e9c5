using AiGO.Domain.Accounts;
using AiGO.Domain.Office;

namespace AiGO.Domain.Catalogue;

/// <summary>Who may see and change a course; the services ask here, so a hidden button is never the only guard.</summary>
public static class CourseAccess
{
    public static bool CanView(Actor? actor, Course course) =>
        course.Status is CourseStatus.Published or CourseStatus.Closed
        || actor is not null && (actor.IsInRole(Roles.Office) || IsOwner(actor, course));

    /// <summary>The office edits every course; an organiser edits only its own drafts.</summary>
    public static bool CanEdit(Actor actor, Course course) =>
        actor.IsInRole(Roles.Office) || IsOwner(actor, course) && course.Status == CourseStatus.Draft;

    public static bool IsOwner(Actor actor, Course course) =>
        actor.IsInRole(Roles.Organiser) && actor.OrganiserId is { } org && org == course.OrganiserId;
}
