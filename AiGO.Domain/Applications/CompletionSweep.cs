using AiGO.Domain.Common;
using AiGO.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Applications;

/// <summary>
/// 結訓判定: after a course's last day, every enrolled application is decided by the rules without waiting for
/// someone to touch it — 已結訓 when all hold, 未達結訓標準 when one fails, and once the grace period
/// (<see cref="SubsidyPolicy.CompletionGraceDays"/>) is over, 未達結訓標準 for whatever is still missing.
/// </summary>
public sealed class CompletionSweep(IDbContextFactory<AiGoDbContext> dbFactory, UnitOfWork work, TimeProvider clock, SubsidyPolicy policy)
{
    /// <summary>Decides what is due today; returns how many applications moved.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var today = clock.Today();
        List<SubsidyApplication> enrolled;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            enrolled = await db.Applications.AsNoTracking().Include(a => a.Course)
                .Where(a => a.Status == ApplicationStatus.Enrolled && a.Course.EndDate <= today).ToListAsync(ct);
        }
        var moved = 0;
        // Only what the rules decide now goes through a unit of work, which decides again under the lock.
        foreach (var app in enrolled.Where(a => Completion.Decide(a.Course, a, today, DeadlinePassed(a, today)) is not null))
        {
            var outcome = await work.OnApplicationAsync(Actor.System, app.Id, ApplicationAccess.SystemOnly, "application.completion", (s, locked) =>
            {
                s.DecideCompletion(locked, DeadlinePassed(locked, s.Today));
                return (Outcome?)null;
            }, ct);
            if (outcome.Succeeded) moved++;
        }
        return moved;
    }

    private bool DeadlinePassed(SubsidyApplication app, DateOnly today) => today > app.Course.EndDate.PlusDays(policy.CompletionGraceDays);
}
