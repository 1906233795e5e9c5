using System.ComponentModel.DataAnnotations;
using AiGO.Domain.Accounts;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Mail;
using AiGO.Web.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Web.Accounts;

/// <summary>What the registration form sends (會員註冊).</summary>
public sealed class RegistrationRequest
{
    public bool Consented { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

public enum RegistrationField { General, Consent, Name, Email, Password, ConfirmPassword }

public sealed record RegistrationResult(IReadOnlyDictionary<RegistrationField, string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
    public static readonly RegistrationResult Ok = new(new Dictionary<RegistrationField, string>());
}

/// <summary>
/// 會員註冊: the single source of the registration rules. The form asks the Check… methods while the member
/// types; <see cref="RegisterAsync"/> checks everything again, creates the account with the 學員 role and puts
/// the welcome and confirmation mails in the outbox in the same transaction. It never signs in.
/// </summary>
public sealed class RegisterMember(
    IServiceScopeFactory scopes, MailTemplates templates, AccountLinks links, AccountThrottle throttle,
    OutboxSignal signal, PasswordPolicy policy, TimeProvider clock, ILogger<RegisterMember> logger)
{
    public const int MaxNameLength = ProfileRules.MaxTextLength;
    public const int MaxEmailLength = 256;

    public PasswordPolicy Policy => policy;

    public static string? CheckConsent(bool consented) => consented ? null : "請先閱讀並勾選同意個人資料告知事項，才能繼續註冊";

    public static string? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "請填入姓名" : FreeText.Check(name, "姓名", MaxNameLength);

    public static string? CheckEmailFormat(string? email)
    {
        var s = email?.Trim() ?? "";
        if (s.Length == 0) return "請填Email";
        if (s.Length > MaxEmailLength || !EmailRule.IsValid(s) || !new EmailAddressAttribute().IsValid(s) || !s.Contains('.', StringComparison.Ordinal) || s.Contains(' '))
            return "Email 格式不正確，例如 name@example.com";
        return null;
    }

    /// <summary>
    /// The live check while typing: format, then whether the address is taken. The look-up is throttled per
    /// client so the form cannot be used to list who has an account; past the limit only the format is checked
    /// here and the submission (throttled too) still refuses a taken address.
    /// </summary>
    public async Task<string?> CheckEmailWhileTypingAsync(string? email, string? clientIp)
    {
        if (CheckEmailFormat(email) is { } error) return error;
        return throttle.TryAcquireLookup(clientIp) ? await CheckEmailAsync(email) : null;
    }

    /// <summary>Format, then whether the address is taken (case-insensitive, as Identity normalises it).</summary>
    public async Task<string?> CheckEmailAsync(string? email)
    {
        if (CheckEmailFormat(email) is { } error) return error;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.FindByEmailAsync(email!.Trim()) is null ? null : DuplicateEmailMessage;
    }

    public const string DuplicateEmailMessage = "此信箱已經註冊過，請直接登入或使用忘記密碼";

    /// <summary>The configured policy, through Identity's own validators, so the form and the server agree.</summary>
    public async Task<string?> CheckPasswordAsync(string? password)
    {
        if (string.IsNullOrEmpty(password)) return "請填密碼";
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var messages = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, new AppUser(), password);
            messages.AddRange(result.Errors.Select(e => e.Description));
        }
        return messages.Count == 0 ? null : string.Join("；", messages.Distinct());
    }

    public static string? CheckConfirmation(string? password, string? confirmation) =>
        string.IsNullOrEmpty(confirmation) ? "請確認密碼"
        : confirmation != password ? "兩次輸入的密碼不一致"
        : null;

    public async Task<RegistrationResult> RegisterAsync(RegistrationRequest request, string? clientIp, CancellationToken ct = default)
    {
        if (!throttle.TryAcquire(clientIp))
            return Fail(RegistrationField.General, AccountThrottle.TooManyMessage);

        var errors = new Dictionary<RegistrationField, string>();
        void Add(RegistrationField f, string? m) { if (m is not null) errors[f] = m; }
        Add(RegistrationField.Consent, CheckConsent(request.Consented));
        Add(RegistrationField.Name, CheckName(request.Name));
        Add(RegistrationField.Email, await CheckEmailAsync(request.Email));
        Add(RegistrationField.Password, await CheckPasswordAsync(request.Password));
        Add(RegistrationField.ConfirmPassword, CheckConfirmation(request.Password, request.ConfirmPassword));
        if (errors.Count > 0) return new RegistrationResult(errors);

        var email = request.Email.Trim();
        var name = request.Name.Trim();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AiGoDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        try
        {
            // PostgreSQL retries on transient faults, so the transaction runs inside the execution strategy.
            var result = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var now = clock.GetUtcNow();
                var user = new AppUser
                {
                    UserName = email, Email = email, DisplayName = name, CreatedAt = now,
                    PrivacyConsentVersion = PrivacyNotice.Version, PrivacyConsentedAt = now,
                };
                var created = await users.CreateAsync(user, request.Password);
                if (!created.Succeeded) return FromIdentity(created);
                var role = await users.AddToRoleAsync(user, Roles.Trainee);
                if (!role.Succeeded) return FromIdentity(role);

                var token = await users.GenerateEmailConfirmationTokenAsync(user);
                db.Outbox.Add(Outbox.Create(email, name, templates.Welcome(name), now));
                db.Outbox.Add(Outbox.Create(email, name, templates.ConfirmEmail(name, links.ConfirmEmail(user.Id, token)), now));
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return RegistrationResult.Ok;
            });
            if (result.Succeeded) signal.Notify();
            return result;
        }
        catch (StorageUnavailableException ex)
        {
            return Fail(RegistrationField.General, ex.Message);
        }
        catch (DbUpdateException ex)
        {
            // Two registrations of one address at once: the unique user-name index lets only one through.
            logger.LogInformation(ex, "Registration lost a race for an e-mail address.");
            return Fail(RegistrationField.Email, DuplicateEmailMessage);
        }
    }

    private static RegistrationResult Fail(RegistrationField field, string message) =>
        new(new Dictionary<RegistrationField, string> { [field] = message });

    private static RegistrationResult FromIdentity(IdentityResult result)
    {
        var errors = new Dictionary<RegistrationField, string>();
        foreach (var e in result.Errors)
        {
            var field = e.Code.StartsWith("Password", StringComparison.Ordinal) ? RegistrationField.Password
                : e.Code is "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" or "InvalidUserName" ? RegistrationField.Email
                : RegistrationField.General;
            errors[field] = errors.TryGetValue(field, out var m) ? m + "；" + e.Description : e.Description;
        }
        return new RegistrationResult(errors);
    }
}
