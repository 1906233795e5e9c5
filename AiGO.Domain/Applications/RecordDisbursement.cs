using AiGO.Domain.Common;

namespace AiGO.Domain.Applications;

/// <summary>撥款: the office records the actual disbursement date of completed applications, one or many at once.</summary>
public sealed class RecordDisbursement(UnitOfWork work)
{
    public Task<Outcome> RecordAsync(Actor actor, int applicationId, DateOnly paidOn, string? note, CancellationToken ct = default) =>
        work.OnApplicationAsync(actor, applicationId, ApplicationAccess.Office, "application.disburse", (s, app) =>
        {
            if (app.Status != ApplicationStatus.Completed) return ActionText.WrongStatus(app, "登錄撥款");
            if (paidOn < app.Course.EndDate || paidOn > s.Today)
                return Outcome.Invalid("paidOn", "撥款日期須在結訓日之後，且不可晚於今天");
            app.DisbursedOn = paidOn;
            s.Move(app, ApplicationStatus.Disbursed, $"撥款日 {Taipei.Format(paidOn)}{ActionText.Suffix(note)}");
            return null;
        }, ct);

    /// <summary>Records the same date for each selected application exactly as one record would.</summary>
    public Task<BatchOutcome> RecordManyAsync(Actor actor, IReadOnlyCollection<int> applicationIds, DateOnly paidOn, string? note, CancellationToken ct = default) =>
        work.OnEachApplicationAsync(applicationIds, id => RecordAsync(actor, id, paidOn, note, ct));
}
