using System.Security.Claims;
using System.Text.Json;
using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Data;
using AiGO.Web.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Web.Applications;

/// <summary>What the wizard holds before 填寫完成.</summary>
public sealed record WizardDraft(MemberProfile Profile, bool? PrerequisitesAgreed, bool Privacy, bool Affidavit);

/// <summary>
/// Saves the wizard's input as the member types and gives it back on any device. The payload carries the national
/// ID, so it is encrypted with Data Protection (keys shared through the database) before it is stored.
/// </summary>
public sealed class WizardDrafts(IDbContextFactory<AiGoDbContext> dbFactory, IDataProtectionProvider protection, TimeProvider clock)
{
    private readonly IDataProtector _protector = protection.CreateProtector("AiGO.ApplicationDrafts.v1");

    public async Task SaveAsync(ClaimsPrincipal principal, int courseId, WizardDraft draft, CancellationToken ct = default)
    {
        var memberId = CurrentUser.IdOf(principal);
        var payload = _protector.Protect(JsonSerializer.Serialize(new Payload(draft.Profile, draft.PrerequisitesAgreed, draft.Privacy, draft.Affidavit)));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.ApplicationDrafts.SingleOrDefaultAsync(d => d.MemberId == memberId && d.CourseId == courseId, ct);
        if (row is null) db.ApplicationDrafts.Add(row = new ApplicationDraft { MemberId = memberId, CourseId = courseId });
        row.ProtectedPayload = payload;
        row.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two tabs saved the first draft at once; the other one's copy is as recent as this one.
        }
    }

    public async Task<WizardDraft?> LoadAsync(ClaimsPrincipal principal, int courseId, CancellationToken ct = default)
    {
        var memberId = CurrentUser.IdOf(principal);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.ApplicationDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.MemberId == memberId && d.CourseId == courseId, ct);
        if (row is null) return null;
        try
        {
            var p = JsonSerializer.Deserialize<Payload>(_protector.Unprotect(row.ProtectedPayload))!;
            var profile = new MemberProfile { UserId = memberId };
            profile.CopyFrom(p.Profile);
            return new WizardDraft(profile, p.PrerequisitesAgreed, p.Privacy, p.Affidavit);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null; // keys rotated out: start from the profile again
        }
    }

    public async Task DeleteAsync(ClaimsPrincipal principal, int courseId, CancellationToken ct = default)
    {
        var memberId = CurrentUser.IdOf(principal);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.ApplicationDrafts.Where(d => d.MemberId == memberId && d.CourseId == courseId).ExecuteDeleteAsync(ct);
    }

    private sealed record Payload(MemberProfile Profile, bool? PrerequisitesAgreed, bool Privacy, bool Affidavit);
}
