using AiGO.Domain.Applications;
using AiGO.Domain.Common;

namespace AiGO.Domain.Catalogue;

/// <summary>
/// Publishing and closing (the office), and an organiser's request to publish its draft. Both 送審 and 公開 refuse a
/// course that lacks what a trainee needs (<see cref="CourseReadiness"/>), naming everything missing at once.
/// </summary>
public sealed class ChangeCourseStatus(UnitOfWork work)
{
    public Task<Outcome> SetAsync(Actor actor, int courseId, CourseStatus status, CancellationToken ct = default) =>
        work.OnCourseAsync(actor, courseId, CourseAccess.ChangeStatus, async (s, course) =>
        {
            if (course.Status == status) return Outcome.Ok;
            if (status == CourseStatus.Published && await MissingAsync(s, course) is { Count: > 0 } missing) return Outcome.Invalid(missing);
            s.Audit("course.status", nameof(Course), course.Id, $"狀態：{course.Status.Label()} → {status.Label()}");
            course.Status = status;
            course.UpdatedAt = s.Now;
            course.UpdatedBy = s.Actor.Name;
            if (status != CourseStatus.Draft) course.SubmittedForPublicationAt = null;
            return Outcome.Ok;
        }, ct);

    /// <summary>送審: the organiser asks the office to publish one of its drafts.</summary>
    public Task<Outcome> SubmitForPublicationAsync(Actor actor, int courseId, CancellationToken ct = default) =>
        work.OnCourseAsync(actor, courseId, CourseAccess.SubmitForPublication, async (s, course) =>
        {
            if (course.Status != CourseStatus.Draft) return Outcome.Invalid(nameof(Course.Status), "只有草稿可以送審");
            if (await MissingAsync(s, course) is { Count: > 0 } missing) return Outcome.Invalid(missing);
            course.SubmittedForPublicationAt = s.Now;
            s.Audit("course.submit", nameof(Course), course.Id, "開課單位送審，請計畫辦公室公開");
            return Outcome.Ok;
        }, ct);

    /// <summary>What the course lacks for publication, its sessions loaded first.</summary>
    internal static async Task<IReadOnlyList<FieldError>> MissingAsync(ChangeScope s, Course course)
    {
        await s.Db.Entry(course).Collection(c => c.Sessions).LoadAsync(s.Ct);
        return CourseReadiness.Missing(course);
    }
}
