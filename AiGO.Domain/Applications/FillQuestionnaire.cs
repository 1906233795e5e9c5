using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Office;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Applications;

/// <summary>What the questionnaire page needs: the course, and whether the member may fill it now.</summary>
public sealed record QuestionnaireContext(int ApplicationId, string CourseName, string OrganiserName, DateOnly End, Outcome MayFill);

/// <summary>
/// 填寫問卷: the trainee answers 課程問卷 once per application, from the course's last day on. Filling it counts
/// towards completion, so an enrolled trainee whose other rules already hold becomes 已結訓 here.
/// </summary>
public sealed class FillQuestionnaire(IDbContextFactory<AiGoDbContext> dbFactory, TimeProvider clock, IChangeNotifier notifier)
{
    public async Task<QuestionnaireContext?> LoadAsync(Actor member, int applicationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var app = await db.Applications.AsNoTracking().Include(a => a.Course).ThenInclude(c => c.Organiser)
            .SingleOrDefaultAsync(a => a.Id == applicationId && a.MemberId == member.Id, ct);
        return app is null ? null : new QuestionnaireContext(app.Id, app.Course.Name, app.Course.Organiser.Name, app.Course.EndDate, MayFill(app, clock.Today()));
    }

    public async Task<Outcome> SubmitAsync(Actor member, int applicationId, IReadOnlyCollection<Answer> answers, CancellationToken ct = default)
    {
        if (member.Id is not { } memberId) return Outcome.Forbidden("請先登入");
        var errors = Questionnaire.Validate(answers);
        if (errors.Count > 0) return Outcome.Invalid(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var courseId = await db.Applications.Where(a => a.Id == applicationId && a.MemberId == memberId).Select(a => (int?)a.CourseId).SingleOrDefaultAsync(ct);
        if (courseId is null) return Outcome.NotFound("找不到此申請");
        await using var tx = await ApplicationLock.BeginAsync(db, memberId, courseId.Value, ct);
        var app = await db.Applications.Include(a => a.Course).SingleAsync(a => a.Id == applicationId, ct);
        var today = clock.Today();
        if (MayFill(app, today) is { Succeeded: false } refused) return refused;

        var now = clock.GetUtcNow();
        db.Questionnaires.Add(new QuestionnaireResponse
        {
            ApplicationId = app.Id, CourseId = app.CourseId, SubmittedAt = now,
            Answers = answers.Select(a => new QuestionnaireAnswer { QuestionKey = a.Key, Rating = a.Rating, Text = string.IsNullOrWhiteSpace(a.Text) ? null : a.Text.Trim() }).ToList(),
        });
        app.QuestionnaireSubmittedAt = now;
        app.UpdatedAt = now;
        if (Completion.Decide(app.Course, app, today) is { } decided)
            db.StatusChanges.Add(app.MoveTo(decided, Actor.System, decided == ApplicationStatus.Completed ? "符合結訓標準" : "未達結訓標準", now));
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index on the application: another tab submitted first.
            return AlreadyFilled;
        }
        notifier.ApplicationChanged(app.Id, app.CourseId, memberId);
        return Outcome.Ok;
    }

    private static readonly Outcome AlreadyFilled = Outcome.Conflict("您已填寫過本課程問卷，每門課程只能填寫一次。");

    private static Outcome MayFill(SubsidyApplication app, DateOnly today)
    {
        if (app.QuestionnaireSubmittedAt is not null) return AlreadyFilled;
        if (!ApplicationStatuses.Attending.Contains(app.Status))
            return Outcome.Conflict($"此申請目前為「{app.Status.Label()}」，不需填寫課程問卷。");
        if (!Questionnaire.IsOpen(app.Course.EndDate, today))
            return Outcome.Invalid("window", $"課程問卷於課程結束當天（{Taipei.Format(app.Course.EndDate)}）開放填寫。");
        return Outcome.Ok;
    }
}
