using AiGO.Domain.Accounts;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Office;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Web.Accounts;

public enum PasswordCheck { Correct, Wrong, LockedOut }

/// <summary>
/// The current-password question of 變更密碼 and 刪除帳號, counted like a sign-in: wrong answers count towards
/// Identity's lockout (<c>Identity:Lockout</c>), and the answer that locks the account ends every sign-in of it, the
/// asking one too, and is written to 稽核紀錄 as <c>account.lockout</c>. A session held by someone else cannot be
/// used to guess the password.
/// </summary>
public sealed class CurrentPasswordCheck(SignInManager<AppUser> signIn, UserManager<AppUser> users, ServerSessions sessions,
    IDbContextFactory<AiGoDbContext> dbFactory, TimeProvider clock)
{
    public const string WrongMessage = "錯誤：目前密碼不正確。";

    public async Task<PasswordCheck> CheckAsync(AppUser user, string password, string action, string? remoteAddress)
    {
        var lockedBefore = await users.IsLockedOutAsync(user);
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.Succeeded) return PasswordCheck.Correct;
        if (!result.IsLockedOut) return PasswordCheck.Wrong;
        if (!lockedBefore)
        {
            var until = await users.GetLockoutEndDateAsync(user);
            await using var db = await dbFactory.CreateDbContextAsync();
            db.AuditLog.Add(Actor.System.Audit(clock.GetUtcNow(), AuditActions.Lockout, "Member", user.Id,
                $"{user.Email} 於「{action}」連續{users.Options.Lockout.MaxFailedAccessAttempts}次目前密碼錯誤，帳號鎖定至{(until is { } u ? Taipei.Format(u) : "另行解除")}（來源 {remoteAddress ?? "不明"}）"));
            await db.SaveChangesAsync();
        }
        await sessions.RevokeAllAsync(user.Id, SessionEnd.LockedOut);
        return PasswordCheck.LockedOut;
    }
}
