using AiGO.Domain.Common;
using AiGO.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Applications;

/// <summary>What the questionnaire page needs: the course, and why the member may not fill it now (null when they may).</summary>
public sealed record QuestionnaireContext(int ApplicationId, string CourseName, string OrganiserName, DateOnly End, Outcome MayFill);

/// <summary>
/// 填寫問卷: the trainee answers 課程問卷 once per application, from the course's last day on. Filling it counts
/// towards completion, so an enrolled trainee whose other rules already hold becomes 已結訓 here.
/// </summary>
public sealed class FillQuestionnaire(IDbContextFactory<AiGoDbContext> dbFactory, UnitOfWork work, TimeProvider clock)
{
    private static readonly Outcome AlreadyFilled = Outcome.Conflict("您已填寫過本課程問卷，每門課程只能填寫一次。");

    /// <summary>Whether the application's questionnaire can be filled today. 課程管理 asks this to offer the button.</summary>
    public static Outcome MayFill(SubsidyApplication app, DateOnly today)
    {
        if (app.QuestionnaireSubmittedAt is not null) return AlreadyFilled;
        if (!ApplicationStatuses.Attending.Contains(app.Status))
            return Outcome.Conflict($"此申請目前為「{app.Status.Label()}」，不需填寫課程問卷。");
        if (!Questionnaire.IsOpen(app.Course.EndDate, today))
            return Outcome.Invalid("window", $"課程問卷於課程結束當天（{Taipei.Format(app.Course.EndDate)}）開放填寫。");
        return Outcome.Ok;
    }

    public async Task<QuestionnaireContext?> LoadAsync(Actor member, int applicationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var app = await db.Applications.AsNoTracking().Include(a => a.Course).ThenInclude(c => c.Organiser)
            .SingleOrDefaultAsync(a => a.Id == applicationId, ct);
        if (app is null || !ApplicationAccess.OwnMember.Allows(member, ApplicationParties.Of(app))) return null;
        return new QuestionnaireContext(app.Id, app.Course.Name, app.Course.Organiser.Name, app.Course.EndDate, MayFill(app, clock.Today()));
    }

    public async Task<Outcome> SubmitAsync(Actor member, int applicationId, IReadOnlyCollection<Answer> answers, CancellationToken ct = default)
    {
        if (!member.IsSignedIn) return Outcome.Forbidden("請先登入");
        var errors = Questionnaire.Validate(answers);
        if (errors.Count > 0) return Outcome.Invalid(errors);

        return await work.OnApplicationAsync(member, applicationId, ApplicationAccess.OwnMember, "application.questionnaire", async (s, app) =>
        {
            if (MayFill(app, s.Today) is { Succeeded: false } refused) return refused;
            s.Db.Questionnaires.Add(new QuestionnaireResponse
            {
                ApplicationId = app.Id, CourseId = app.CourseId, SubmittedAt = s.Now,
                Answers = answers.Select(a => new QuestionnaireAnswer { QuestionKey = a.Key, Rating = a.Rating, Text = string.IsNullOrWhiteSpace(a.Text) ? null : a.Text.Trim() }).ToList(),
            });
            app.QuestionnaireSubmittedAt = s.Now;
            app.UpdatedAt = s.Now;
            s.Note("填寫課程問卷");
            try
            {
                await s.Db.SaveChangesAsync(s.Ct);
            }
            catch (DbUpdateException)
            {
                // The unique index on the application: another tab submitted first.
                return AlreadyFilled;
            }
            return null;
        }, ct);
    }
}
