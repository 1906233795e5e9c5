using AiGO.Domain.Common;

namespace AiGO.Domain.Applications;

/// <summary>Records attendance so far: the hours held and, of those, the hours this trainee attended.</summary>
public sealed class RecordAttendance(UnitOfWork work)
{
    public Task<Outcome> RecordAsync(Actor actor, int applicationId, int hoursHeld, int hoursAttended, string? note, CancellationToken ct = default) =>
        work.OnApplicationAsync(actor, applicationId, ApplicationAccess.CourseOrganiserOrOffice, "application.attendance", (s, app) =>
        {
            if (app.Status != ApplicationStatus.Enrolled) return ActionText.WrongStatus(app, "登錄出席時數");
            if (hoursHeld < 0 || hoursHeld > app.Course.Hours)
                return Outcome.Invalid("hoursHeld", $"已上課時數須介於0到{app.Course.Hours}小時");
            if (hoursAttended < 0 || hoursAttended > hoursHeld)
                return Outcome.Invalid("hoursAttended", "出席時數不可超過已上課時數");
            app.MinutesHeld = hoursHeld * 60;
            app.MinutesAttended = hoursAttended * 60;
            s.Note($"出席 {hoursAttended}/{hoursHeld} 小時{ActionText.Suffix(note)}");
            return null;
        }, ct);
}
