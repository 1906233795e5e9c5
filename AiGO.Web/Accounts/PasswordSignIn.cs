using AiGO.Domain.Accounts;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Office;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Web.Accounts;

/// <summary>
/// 登入 with Identity's lockout on, and the moment a failed password locks an account written to 稽核紀錄
/// (<c>account.lockout</c>) — once per lockout, not for each attempt made while it lasts. An unknown e-mail costs
/// the same password hashing as a known one, so the answer's timing does not tell who has an account.
/// </summary>
public sealed class PasswordSignIn(SignInManager<AppUser> signIn, UserManager<AppUser> users, IDbContextFactory<AiGoDbContext> dbFactory, TimeProvider clock)
{
    // A hash made by this app's hasher, so checking against it costs what checking a member's password costs.
    private static string? s_dummyHash;

    public async Task<SignInResult> SignInAsync(string email, string password, bool rememberMe, string? remoteAddress)
    {
        var user = await users.FindByNameAsync(email);
        if (user is null)
        {
            var dummy = s_dummyHash ??= users.PasswordHasher.HashPassword(new AppUser(), Guid.NewGuid().ToString("N"));
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), dummy, password);
            return SignInResult.Failed;
        }
        var lockedBefore = await users.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(user, password, rememberMe, lockoutOnFailure: true);
        if (result.IsLockedOut && !lockedBefore)
        {
            var until = await users.GetLockoutEndDateAsync(user);
            await using var db = await dbFactory.CreateDbContextAsync();
            db.AuditLog.Add(Actor.System.Audit(clock.GetUtcNow(), AuditActions.Lockout, "Member", user.Id,
                $"{user.Email} 連續{users.Options.Lockout.MaxFailedAccessAttempts}次密碼錯誤，帳號鎖定至{(until is { } u ? Taipei.Format(u) : "另行解除")}（來源 {remoteAddress ?? "不明"}）"));
            await db.SaveChangesAsync();
        }
        return result;
    }
}
