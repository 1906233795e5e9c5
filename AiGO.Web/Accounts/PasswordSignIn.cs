using AiGO.Domain.Accounts;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Office;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Web.Accounts;

/// <summary>
/// 登入 with Identity's lockout on, and the moment a failed password locks an account written to 稽核紀錄
/// (<c>account.lockout</c>) — once per lockout, not for each attempt made while it lasts.
/// </summary>
public sealed class PasswordSignIn(SignInManager<AppUser> signIn, UserManager<AppUser> users, IDbContextFactory<AiGoDbContext> dbFactory, TimeProvider clock)
{
    public async Task<SignInResult> SignInAsync(string email, string password, bool rememberMe, string? remoteAddress)
    {
        var user = await users.FindByNameAsync(email);
        var lockedBefore = user is not null && await users.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(email, password, rememberMe, lockoutOnFailure: true);
        if (result.IsLockedOut && user is not null && !lockedBefore)
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
