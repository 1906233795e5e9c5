using AiGO.Domain.Common;

namespace AiGO.Domain.Applications;

/// <summary>核准: the office approves a submitted application (when manual review is on), one or many at once.</summary>
public sealed class ApproveApplication(UnitOfWork work, ApplicationMails mails)
{
    public Task<Outcome> ApproveAsync(Actor actor, int applicationId, string? note, CancellationToken ct = default) =>
        work.OnApplicationAsync(actor, applicationId, ApplicationAccess.Office, "application.approve", async (s, app) =>
        {
            if (app.Status != ApplicationStatus.Submitted) return ActionText.WrongStatus(app, "核准");
            s.Move(app, ApplicationStatus.Approved, string.IsNullOrWhiteSpace(note) ? "計畫辦公室審核通過" : note.Trim());
            mails.Approved(s, app.Course, await s.MemberAsync(app.MemberId));
            return null;
        }, ct);

    /// <summary>Approves each selected application exactly as one approval would; a refused row does not stop the others.</summary>
    public Task<BatchOutcome> ApproveManyAsync(Actor actor, IReadOnlyCollection<int> applicationIds, string? note, CancellationToken ct = default) =>
        work.OnEachApplicationAsync(applicationIds, id => ApproveAsync(actor, id, note, ct));
}
