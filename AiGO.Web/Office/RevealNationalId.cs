using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Office;
using AiGO.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Web.Office;

/// <summary>
/// 顯示完整身分證字號: staff see a member's full national ID only on purpose, and every such read is audited with who
/// and when (SPEC §9): the office for anyone, an organiser for an applicant to one of its own courses. Lives in the
/// web layer, which alone holds the key that opens it.
/// </summary>
public sealed class RevealNationalId(IDbContextFactory<AiGoDbContext> dbFactory, NationalIdProtector protector, TimeProvider clock)
{
    /// <param name="courseId">For an organiser: the course of theirs the member applied to, which is what lets them see it.</param>
    public async Task<Outcome<string>> RevealAsync(Actor actor, string memberId, string purpose, int? courseId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var applicantOfTheirs = courseId is { } id && !actor.IsOffice
            && await db.Applications.AnyAsync(a => a.CourseId == id && a.MemberId == memberId && a.Status != Domain.Applications.ApplicationStatus.Draft, ct)
            && await db.Courses.Where(c => c.Id == id).Select(c => (int?)c.OrganiserId).SingleOrDefaultAsync(ct) is { } organiser
            && actor.WorksFor(organiser);
        if (!applicantOfTheirs && OfficeAccess.Desk.Deny(actor, actor) is { } refused) return Outcome<string>.From(refused);
        var profile = await db.MemberProfiles.AsNoTracking().Where(p => p.UserId == memberId)
            .Select(p => new { p.NationalIdCipher, p.NationalIdMasked }).SingleOrDefaultAsync(ct);
        if (profile?.NationalIdCipher is null) return Outcome<string>.From(Outcome.NotFound("此會員尚未填寫身分證字號"));
        var full = protector.Unprotect(profile.NationalIdCipher)!;
        db.AuditLog.Add(actor.Audit(clock.GetUtcNow(), "nationalid.read", "Member", memberId, $"顯示完整身分證字號 {profile.NationalIdMasked}（{purpose}）"));
        await db.SaveChangesAsync(ct);
        return Outcome<string>.Success(full);
    }
}
