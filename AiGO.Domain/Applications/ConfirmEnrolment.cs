using AiGO.Domain.Common;

namespace AiGO.Domain.Applications;

/// <summary>確認報名繳費: the course's organiser (or the office) confirms the trainee registered and paid.</summary>
public sealed class ConfirmEnrolment(UnitOfWork work)
{
    public Task<Outcome> ConfirmAsync(Actor actor, int applicationId, string? note, CancellationToken ct = default) =>
        work.OnApplicationAsync(actor, applicationId, ApplicationAccess.CourseOrganiserOrOffice, "application.enrol", (s, app) =>
        {
            if (app.Status != ApplicationStatus.Approved) return ActionText.WrongStatus(app, "確認報名繳費");
            s.Move(app, ApplicationStatus.Enrolled, string.IsNullOrWhiteSpace(note) ? (s.Actor.IsOffice ? "計畫辦公室確認報名繳費" : "開課單位確認報名繳費") : note.Trim());
            return null;
        }, ct);

    /// <summary>Confirms each selected application exactly as one confirmation would.</summary>
    public Task<BatchOutcome> ConfirmManyAsync(Actor actor, IReadOnlyCollection<int> applicationIds, string? note, CancellationToken ct = default) =>
        work.OnEachApplicationAsync(applicationIds, id => ConfirmAsync(actor, id, note, ct));
}
