using AiGO.Domain.Accounts;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Mail;
using AiGO.Domain.Organisers;
using AiGO.Web.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AiGO.Web.Accounts;

/// <summary>
/// The staff accounts of a 開課單位, kept by the office: an invitation creates the account without a password and
/// mails a link to set one; removing an account takes its role, locks it and revokes its server-side sessions, so its
/// cookies are refused at their next request and its open pages end within seconds. Every change of role is audited.
/// </summary>
public sealed class OrganiserStaff(
    IServiceScopeFactory scopes, IDbContextFactory<AiGoDbContext> dbFactory, MailTemplates templates, AccountLinks links,
    OutboxSignal signal, TimeProvider clock, IOptions<DataProtectionTokenProviderOptions> tokens, ServerSessions sessions)
{
    public async Task<Outcome> InviteAsync(Actor actor, int organiserId, string name, string email, CancellationToken ct = default)
    {
        if (OrganiserAccess.Manage.Deny(actor, actor) is { } refused) return refused;
        var errors = new List<FieldError>();
        if (RegisterMember.CheckName(name) is { } nameError) errors.Add(new("name", nameError));
        if (RegisterMember.CheckEmailFormat(email) is { } emailError) errors.Add(new("email", emailError));
        if (errors.Count > 0) return Outcome.Invalid(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organiser = await db.Organisers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organiserId, ct);
        if (organiser is null) return Outcome.NotFound("找不到此開課單位");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email.Trim()) is not null)
            return Outcome.Invalid("email", "此信箱已有AIGO帳號；請改用其他信箱，或請計畫辦公室另行處理");

        var now = clock.GetUtcNow();
        var user = new AppUser
        {
            UserName = email.Trim(), Email = email.Trim(), DisplayName = name.Trim(), OrganiserId = organiserId,
            // The address is the one the office was given; using the link in the mail proves it.
            EmailConfirmed = true, CreatedAt = now,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) return Outcome.Invalid("email", string.Join("；", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, Roles.Organiser);

        var link = links.ResetPassword(user.Email!, await users.GeneratePasswordResetTokenAsync(user));
        db.Outbox.Add(Outbox.Create(user.Email!, user.DisplayName,
            templates.StaffInvitation(user.DisplayName, organiser.Name, link, Math.Max(1, (int)tokens.Value.TokenLifespan.TotalDays)), now));
        db.AuditLog.Add(actor.Audit(now, "role.grant", "User", user.Id, $"邀請{user.DisplayName}（{user.Email}）為「{organiser.Name}」承辦人"));
        await db.SaveChangesAsync(ct);
        signal.Notify();
        return Outcome.Ok;
    }

    /// <summary>Takes the account off its 開課單位: no role, locked, and every sign-in of it ends at its next check.</summary>
    public async Task<Outcome> RemoveAsync(Actor actor, string userId, CancellationToken ct = default)
    {
        if (OrganiserAccess.Manage.Deny(actor, actor) is { } refused) return refused;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user?.OrganiserId is not { } organiserId) return Outcome.NotFound("找不到此承辦人帳號");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organiser = await db.Organisers.AsNoTracking().Where(o => o.Id == organiserId).Select(o => o.Name).SingleAsync(ct);

        user.OrganiserId = null;
        await users.UpdateAsync(user);
        if (await users.IsInRoleAsync(user, Roles.Organiser)) await users.RemoveFromRoleAsync(user, Roles.Organiser);
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user);
        await sessions.RevokeAllAsync(user.Id, SessionEnd.AccountDisabled, ct: ct);

        db.AuditLog.Add(actor.Audit(clock.GetUtcNow(), "role.revoke", "User", user.Id, $"停用「{organiser}」承辦人{user.DisplayName}（{user.Email}）的帳號"));
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }
}
