using AiGO.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Applications;

/// <summary>Where a member's mail goes: their address and the name to greet them by.</summary>
public sealed record MemberContact(string Email, string Name)
{
    public static async Task<MemberContact> LoadAsync(AiGoDbContext db, string memberId, CancellationToken ct = default)
    {
        var user = await db.Users.Where(u => u.Id == memberId).Select(u => new { u.Email, u.DisplayName }).SingleAsync(ct);
        return new MemberContact(user.Email ?? "", user.DisplayName);
    }
}
