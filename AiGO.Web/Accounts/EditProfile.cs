using System.Security.Claims;
using AiGO.Domain.Accounts;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Web.Accounts;

/// <summary>The account page's view of the signed-in member.</summary>
public sealed record MyAccount(string Email, bool EmailConfirmed, MemberProfile Profile);

/// <summary>帳號管理 → 基本資料: the member reads and saves their own basic data, checked by <see cref="ProfileRules"/>.</summary>
public sealed class EditProfile(IDbContextFactory<AiGoDbContext> dbFactory, NationalIdProtector protector, CodeBook codes, TimeProvider clock, MemberThrottle throttle)
{
    public const string NationalIdTaken = "此身分證字號已由其他帳號使用，如有疑問請洽計畫辦公室";

    public async Task<MyAccount> LoadAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var userId = CurrentUser.IdOf(principal);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, ct);
        var profile = await db.MemberProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, ct)
            ?? new MemberProfile { UserId = userId, Name = user.DisplayName };
        protector.Open(profile);
        return new MyAccount(user.Email ?? "", user.EmailConfirmed, profile);
    }

    /// <summary>Every failed field of the input, including a national ID another account holds; saves nothing.</summary>
    public async Task<IReadOnlyList<ProfileFieldError>> CheckAsync(ClaimsPrincipal principal, MemberProfile input, CancellationToken ct = default)
    {
        var userId = CurrentUser.IdOf(principal);
        var errors = ProfileRules.Validate(input, await codes.LoadAsync(ct), clock.Today());
        if (errors.Count > 0) return errors;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var probe = new MemberProfile { NationalId = input.NationalId };
        protector.Seal(probe);
        // Whether a number belongs to another account is worth asking only so often: the member's own is free.
        var own = await db.MemberProfiles.Where(p => p.UserId == userId).Select(p => p.NationalIdHash).SingleOrDefaultAsync(ct);
        if (probe.NationalIdHash != own && !throttle.TryAcquire(MemberAction.NationalIdLookup, userId))
            return [new ProfileFieldError(ProfileField.NationalId, MemberThrottle.NationalIdLookupsRefused)];
        if (await db.MemberProfiles.AnyAsync(p => p.NationalIdHash == probe.NationalIdHash && p.UserId != userId, ct))
            return [new ProfileFieldError(ProfileField.NationalId, NationalIdTaken)];
        return [];
    }

    /// <summary>Saves when every rule passes; otherwise returns every failed field and changes nothing.</summary>
    public async Task<IReadOnlyList<ProfileFieldError>> SaveAsync(ClaimsPrincipal principal, MemberProfile input, CancellationToken ct = default)
    {
        var userId = CurrentUser.IdOf(principal);
        var errors = await CheckAsync(principal, input, ct);
        if (errors.Count > 0) return errors;

        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var profile = await db.MemberProfiles.SingleOrDefaultAsync(p => p.UserId == userId, ct);
        if (profile is null)
        {
            profile = new MemberProfile { UserId = userId };
            db.MemberProfiles.Add(profile);
        }
        profile.CopyFrom(input);
        ProfileRules.Normalise(profile);
        profile.ClearHiddenFields();
        protector.Seal(profile);
        profile.UpdatedAt = clock.GetUtcNow();
        var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
        user.DisplayName = profile.Name!.Trim();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone saved the same national ID at the same moment; the unique index let only one through.
            return [new ProfileFieldError(ProfileField.NationalId, NationalIdTaken)];
        }
        return [];
    }
}
