using AiGO.Domain.Accounts;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Office;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Catalogue;

/// <summary>Publishing and closing (the office), and an organiser's request to publish its draft.</summary>
public sealed class ChangeCourseStatus(IDbContextFactory<AiGoDbContext> dbFactory, TimeProvider clock, IChangeNotifier notifier)
{
    public async Task<Outcome> SetAsync(Actor actor, int courseId, CourseStatus status, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Roles.Office)) return Outcome.Forbidden("只有計畫辦公室可以變更課程狀態");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var course = await db.Courses.SingleOrDefaultAsync(c => c.Id == courseId, ct);
        if (course is null) return Outcome.NotFound("找不到此課程");
        if (course.Status == status) return Outcome.Ok;
        var now = clock.GetUtcNow();
        db.AuditLog.Add(actor.Audit(now, "course.status", nameof(Course), course.Id, $"狀態：{course.Status.Label()} → {status.Label()}"));
        course.Status = status;
        course.UpdatedAt = now;
        course.UpdatedBy = actor.Name;
        if (status != CourseStatus.Draft) course.SubmittedForPublicationAt = null;
        await db.SaveChangesAsync(ct);
        notifier.CourseChanged(course.Id);
        return Outcome.Ok;
    }

    /// <summary>送審: the organiser asks the office to publish one of its drafts.</summary>
    public async Task<Outcome> SubmitForPublicationAsync(Actor actor, int courseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var course = await db.Courses.SingleOrDefaultAsync(c => c.Id == courseId, ct);
        if (course is null) return Outcome.NotFound("找不到此課程");
        if (!CourseAccess.IsOwner(actor, course)) return Outcome.Forbidden("您沒有權限送審此課程");
        if (course.Status != CourseStatus.Draft) return Outcome.Invalid(nameof(Course.Status), "只有草稿可以送審");
        var now = clock.GetUtcNow();
        course.SubmittedForPublicationAt = now;
        db.AuditLog.Add(actor.Audit(now, "course.submit", nameof(Course), course.Id, "開課單位送審，請計畫辦公室公開"));
        await db.SaveChangesAsync(ct);
        notifier.CourseChanged(course.Id);
        return Outcome.Ok;
    }
}
