using AiGO.Domain.Common;

namespace AiGO.Domain.Applications;

/// <summary>結訓證書: the organiser records the date the certificate was issued.</summary>
public sealed class IssueCertificate(UnitOfWork work)
{
    public Task<Outcome> IssueAsync(Actor actor, int applicationId, DateOnly issuedOn, string? note, CancellationToken ct = default) =>
        work.OnApplicationAsync(actor, applicationId, ApplicationAccess.CourseOrganiserOrOffice, "application.certificate", (s, app) =>
        {
            if (app.Status != ApplicationStatus.Enrolled) return ActionText.WrongStatus(app, "登錄結訓證書");
            if (issuedOn < app.Course.StartDate || issuedOn > s.Today)
                return Outcome.Invalid("issuedOn", "發證日期須在開課日之後，且不可晚於今天");
            app.CertificateIssuedOn = issuedOn;
            s.Note($"結訓證書發證日 {Taipei.Format(issuedOn)}{ActionText.Suffix(note)}");
            return null;
        }, ct);

    /// <summary>Records the same issue date for each selected trainee, exactly as one record would.</summary>
    public Task<BatchOutcome> IssueManyAsync(Actor actor, IReadOnlyCollection<int> applicationIds, DateOnly issuedOn, string? note, CancellationToken ct = default) =>
        work.OnEachApplicationAsync(applicationIds, id => IssueAsync(actor, id, issuedOn, note, ct));
}
