using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Office;

/// <summary>
/// One application as the office reviews it: the member's basic data with the national ID masked, the eligibility
/// rules judged again now, and the history (who, when, why).
/// </summary>
public sealed record Dossier(
    SubsidyApplication Application, Course Course, string MemberName, string Email, bool EmailConfirmed,
    MemberProfile? Profile, int VerifiedCredits, IReadOnlyList<EligibilityProblem> ProblemsNow,
    IReadOnlyList<StatusStep> History)
{
    public bool CanApprove => Application.Status == ApplicationStatus.Submitted;
    public bool CanReject => Application.Status is ApplicationStatus.Submitted or ApplicationStatus.Approved or ApplicationStatus.Waitlisted;
}

/// <summary>Reads one application for the office's review (申請看板 → 查看).</summary>
public sealed class ApplicationDossier(IDbContextFactory<AiGoDbContext> dbFactory, IMemberFactsReader factsReader, SubsidyPolicy policy, TimeProvider clock)
{
    public async Task<Outcome<Dossier>> LoadAsync(Actor actor, int applicationId, CancellationToken ct = default)
    {
        if (OfficeAccess.Desk.Deny(actor, actor) is { } refused) return Outcome<Dossier>.From(refused);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var app = await db.Applications.AsNoTracking().Include(a => a.Course).ThenInclude(c => c.Organiser)
            .SingleOrDefaultAsync(a => a.Id == applicationId, ct);
        if (app is null) return Outcome<Dossier>.From(Outcome.NotFound("找不到此申請"));
        var user = await db.Users.AsNoTracking().Where(u => u.Id == app.MemberId)
            .Select(u => new { u.DisplayName, u.Email, u.EmailConfirmed }).SingleAsync(ct);
        var profile = await db.MemberProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == app.MemberId, ct);

        var today = clock.Today();
        var facts = await factsReader.ReadAsync(db, app.MemberId, ct);
        var eligibility = await MemberEligibility.ForExistingAsync(db, app, app.Course, facts, policy, today, ct);
        // Whether the course still takes applications does not matter for one already in: it was open when it came.
        var problems = Eligibility.Check(eligibility, app.Course, today).Where(p => p.Code is not ("course-closed" or "course-started")).ToList();
        var history = await db.StatusChanges.AsNoTracking().Where(c => c.ApplicationId == app.Id).OrderBy(c => c.At).ThenBy(c => c.Id)
            .Select(h => new StatusStep(h.At, h.From, h.To, h.ActorName, h.Reason)).ToListAsync(ct);
        return Outcome<Dossier>.Success(new Dossier(app, app.Course, user.DisplayName, user.Email ?? "", user.EmailConfirmed,
            profile, facts.VerifiedCredits, problems, history));
    }
}
