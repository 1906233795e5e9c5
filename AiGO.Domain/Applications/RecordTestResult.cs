using AiGO.Domain.Common;

namespace AiGO.Domain.Applications;

/// <summary>測驗: the organiser records whether the trainee passed the course's test.</summary>
public sealed class RecordTestResult(UnitOfWork work)
{
    public Task<Outcome> RecordAsync(Actor actor, int applicationId, bool passed, string? note, CancellationToken ct = default) =>
        work.OnApplicationAsync(actor, applicationId, ApplicationAccess.CourseOrganiserOrOffice, "application.test", (s, app) =>
        {
            if (app.Status != ApplicationStatus.Enrolled) return ActionText.WrongStatus(app, "登錄測驗結果");
            app.TestPassed = passed;
            s.Note((passed ? "測驗通過" : "測驗未通過") + ActionText.Suffix(note));
            return null;
        }, ct);

    /// <summary>Records the same result for each selected trainee, exactly as one record would.</summary>
    public Task<BatchOutcome> RecordManyAsync(Actor actor, IReadOnlyCollection<int> applicationIds, bool passed, string? note, CancellationToken ct = default) =>
        work.OnEachApplicationAsync(applicationIds, id => RecordAsync(actor, id, passed, note, ct));
}
