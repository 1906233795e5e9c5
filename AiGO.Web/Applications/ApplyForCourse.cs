using System.Security.Claims;
using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Web.Applications;

/// <summary>What the wizard needs to open: the course, the member's data and whether anything stops them.</summary>
public sealed record ApplyContext(
    Course Course, MyAccount Account, IReadOnlyList<CodeEntry> Codes, int Subsidy, ApplicationStatus? Status,
    IReadOnlyList<EligibilityProblem> Problems, IReadOnlyList<string> Warnings, string? WaitlistNotice);

/// <summary>The result of 填寫完成: either the profile's field errors (back to step 1), or the submission's outcome.</summary>
public sealed record ApplyResult(IReadOnlyList<ProfileFieldError> ProfileErrors, Outcome<SubmissionResult>? Submission);

/// <summary>
/// The subsidy wizard's use case (學員選課): the pre-check before it opens, and on 填寫完成 the profile saved
/// from step 1 and the application submitted. The member's encrypted data is opened here, in the web layer.
/// </summary>
public sealed class ApplyForCourse(
    IDbContextFactory<AiGoDbContext> dbFactory, EditProfile profiles, IMemberFactsReader factsReader, CodeBook codes,
    SubmitApplication submit, CourseDetails details, SubsidyPolicy policy, TimeProvider clock)
{
    /// <summary>Rules the wizard's first step lets the member fix: they do not keep it shut.</summary>
    private static readonly HashSet<string> FixedInTheWizard = ["birthday", "age", "national-id"];

    public async Task<ApplyContext?> LoadAsync(ClaimsPrincipal principal, int courseId, CancellationToken ct = default)
    {
        var actor = CurrentActor.From(principal)!;
        // The course page's view decides the member's subsidy and status, so the two pages never disagree.
        if (await details.GetAsync(courseId, actor, ct) is not { Member: { } situation } view) return null;
        var course = view.Course;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await profiles.LoadAsync(principal, ct);
        var facts = await factsReader.ReadAsync(db, actor.Id!, ct);
        var today = clock.Today();
        var eligibility = await MemberEligibility.LoadAsync(db, actor.Id!, course, facts, policy, today, ct);
        var problems = Eligibility.Check(eligibility, course, today).Where(p => !FixedInTheWizard.Contains(p.Code)).ToList();
        var warnings = await MemberEligibility.ClashesAsync(db, actor.Id!, course, ct);
        return new ApplyContext(course, account, await codes.LoadAsync(ct), situation.SubsidyForCourse, situation.Status, problems, warnings, view.WaitlistNotice);
    }

    public async Task<ApplyResult> SubmitAsync(ClaimsPrincipal principal, int courseId, MemberProfile profile, Consents consents, CancellationToken ct = default)
    {
        // The submission is judged on what the member typed, and the profile changes only when it is accepted:
        // a refused submission must not leave a typo in 帳號管理.
        var profileErrors = await profiles.CheckAsync(principal, profile, ct);
        if (profileErrors.Count > 0) return new ApplyResult(profileErrors, null);
        var actor = CurrentActor.From(principal)!;
        MemberFacts stored;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            stored = await factsReader.ReadAsync(db, actor.Id!, ct);
        var typed = Domain.Common.NationalId.Parse(profile.NationalId).Value!.Value;
        var facts = stored with { Birthday = profile.Birthday, NationalId = typed, SpecialIdentity = profile.SpecialIdentity };
        var outcome = await submit.SubmitAsync(actor, courseId, facts, consents, ct);
        if (outcome.Succeeded)
        {
            var saved = await profiles.SaveAsync(principal, profile, ct);
            if (saved.Count > 0) return new ApplyResult(saved, outcome);
        }
        return new ApplyResult([], outcome);
    }
}
