using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Organisers;

/// <summary>One applicant of a course as its organiser sees them: the national ID masked, how to reach them, and what they still lack.</summary>
public sealed record ApplicantRow(
    int ApplicationId, string MemberId, string Name, string Email, string? Mobile, string? Phone, string? MaskedNationalId,
    IdentityType? Identity, ApplicationStatus Status, int Subsidy, DateTimeOffset? SubmittedAt, CompletionChecklist? Checklist)
{
    /// <summary>The completion rules not yet met, in words (出席時數, 測驗 …); empty when none is left or none applies.</summary>
    public IReadOnlyList<string> Lacking => Checklist?.Items.Where(i => i.State != ChecklistState.Done).Select(i => i.Label).ToList() ?? [];
}

/// <summary>申請名單: the course, how many applications each status holds, and the applications (filtered by status).</summary>
public sealed record ApplicantView(Course Course, IReadOnlyDictionary<ApplicationStatus, int> Counts, IReadOnlyList<ApplicantRow> Rows);

/// <summary>Reads a course's applicants for its own 開課單位 and for the office.</summary>
public sealed class ApplicantList(IDbContextFactory<AiGoDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Outcome<ApplicantView>> LoadAsync(Actor actor, int courseId, ApplicationStatus? status = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var course = await db.Courses.AsNoTracking().Include(c => c.Organiser).SingleOrDefaultAsync(c => c.Id == courseId, ct);
        if (course is null) return Outcome<ApplicantView>.From(Outcome.NotFound("找不到此課程"));
        if (CourseAccess.ReadApplicants.Deny(actor, course) is { } refused) return Outcome<ApplicantView>.From(refused);

        var apps = await db.Applications.AsNoTracking().Where(a => a.CourseId == courseId && a.Status != ApplicationStatus.Draft).ToListAsync(ct);
        var counts = apps.GroupBy(a => a.Status).ToDictionary(g => g.Key, g => g.Count());
        var listed = apps.Where(a => status is null || a.Status == status)
            .OrderBy(a => a.Status == ApplicationStatus.Waitlisted).ThenBy(a => a.SubmittedAt).ThenBy(a => a.Id).ToList();
        var ids = listed.Select(a => a.MemberId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToDictionaryAsync(u => u.Id, ct);
        var profiles = await db.MemberProfiles.AsNoTracking().Where(p => ids.Contains(p.UserId))
            .Select(p => new { p.UserId, p.Mobile, p.Phone, p.NationalIdMasked, p.IdentityType }).ToDictionaryAsync(p => p.UserId, ct);
        var today = clock.Today();
        var rows = listed.Select(a =>
        {
            var user = users[a.MemberId];
            var profile = profiles.GetValueOrDefault(a.MemberId);
            var checklist = ApplicationStatuses.Attending.Contains(a.Status) ? Completion.For(course, a, today) : null;
            return new ApplicantRow(a.Id, a.MemberId, user.DisplayName, user.Email ?? "", profile?.Mobile, profile?.Phone, profile?.NationalIdMasked,
                profile?.IdentityType, a.Status, a.Subsidy, a.SubmittedAt, checklist);
        }).ToList();
        return Outcome<ApplicantView>.Success(new ApplicantView(course, counts, rows));
    }
}
