using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Web.Accounts;

/// <summary>
/// A member's eligibility facts from their account, profile and learning credits. Lives in the web layer because
/// only it holds the key that opens the encrypted national ID; the wizard and the waitlist promotion both read here.
/// </summary>
public sealed class MemberFactsReader(NationalIdProtector protector) : IMemberFactsReader
{
    public async Task<MemberFacts> ReadAsync(AiGoDbContext db, string memberId, CancellationToken ct = default)
    {
        var emailConfirmed = await db.Users.Where(u => u.Id == memberId).Select(u => u.EmailConfirmed).SingleAsync(ct);
        var profile = await db.MemberProfiles.AsNoTracking().Where(p => p.UserId == memberId)
            .Select(p => new { p.Birthday, p.NationalIdCipher, p.SpecialIdentity }).SingleOrDefaultAsync(ct);
        var credits = await db.LearningCredits.AsNoTracking().Where(c => c.UserId == memberId).ToListAsync(ct);
        return new MemberFacts(profile?.Birthday, protector.Unprotect(profile?.NationalIdCipher), profile?.SpecialIdentity,
            emailConfirmed, LearningCredit.VerifiedPoints(credits));
    }
}
