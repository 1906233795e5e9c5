using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Office;
using AiGO.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Web.Office;

/// <summary>
/// 顯示完整身分證字號: staff see a member's full national ID only on purpose, and every such read is audited with who
/// and when (SPEC §9). Lives in the web layer, which alone holds the key that opens it.
/// </summary>
public sealed class RevealNationalId(IDbContextFactory<AiGoDbContext> dbFactory, NationalIdProtector protector, TimeProvider clock)
{
    public async Task<Outcome<string>> RevealAsync(Actor actor, string memberId, string purpose, CancellationToken ct = default)
    {
        if (OfficeAccess.Desk.Deny(actor, actor) is { } refused) return Outcome<string>.From(refused);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var profile = await db.MemberProfiles.AsNoTracking().Where(p => p.UserId == memberId)
            .Select(p => new { p.NationalIdCipher, p.NationalIdMasked }).SingleOrDefaultAsync(ct);
        if (profile?.NationalIdCipher is null) return Outcome<string>.From(Outcome.NotFound("此會員尚未填寫身分證字號"));
        var full = protector.Unprotect(profile.NationalIdCipher)!;
        db.AuditLog.Add(actor.Audit(clock.GetUtcNow(), "nationalid.read", "Member", memberId, $"顯示完整身分證字號 {profile.NationalIdMasked}（{purpose}）"));
        await db.SaveChangesAsync(ct);
        return Outcome<string>.Success(full);
    }
}
