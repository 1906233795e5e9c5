using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AiGO.Domain.Accounts;

/// <summary>
/// The part of the password policy Identity has no option for (<c>Identity:Password:MaxLength</c>).
/// The minimum stays Identity's own <c>Identity:Password:RequiredLength</c>.
/// </summary>
public sealed class PasswordLengthOptions
{
    /// <summary>NIST SP 800-63B: allow at least 64 characters.</summary>
    public int MaxLength { get; set; } = 64;
}

/// <summary>Rejects passwords longer than <see cref="PasswordLengthOptions.MaxLength"/> (the manual's 5–15 needs a maximum).</summary>
public sealed class MaxLengthPasswordValidator(IOptions<PasswordLengthOptions> options) : IPasswordValidator<AppUser>
{
    public const string Code = "PasswordTooLong";

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var max = options.Value.MaxLength;
        return Task.FromResult(password is not null && password.Length > max
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = ZhTwIdentityErrorDescriber.PasswordTooLong(max) })
            : IdentityResult.Success);
    }
}

/// <summary>The policy as the registration form states it: <c>密碼 長度為8~64個字元</c>.</summary>
public sealed class PasswordPolicy(IOptions<IdentityOptions> identity, IOptions<PasswordLengthOptions> length)
{
    public int MinLength => identity.Value.Password.RequiredLength;
    public int MaxLength => length.Value.MaxLength;
    public string Label => $"密碼 長度為{MinLength}~{MaxLength}個字元";
}

/// <summary>Identity's messages in Traditional Chinese.</summary>
public sealed class ZhTwIdentityErrorDescriber : IdentityErrorDescriber
{
    public static string PasswordTooLong(int max) => $"密碼長度不可超過{max}個字元";
    public const string PasswordTooCommon = "此密碼過於常見，已出現在外洩密碼清單中，請改用其他密碼";

    private static IdentityError E(string code, string description) => new() { Code = code, Description = description };

    public override IdentityError DefaultError() => E(nameof(DefaultError), "發生未知的錯誤，請稍後再試");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "資料已被其他人修改，請重新整理後再試");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "密碼不正確");
    public override IdentityError InvalidToken() => E(nameof(InvalidToken), "連結無效或已過期，請重新申請");
    public override IdentityError RecoveryCodeRedemptionFailed() => E(nameof(RecoveryCodeRedemptionFailed), "復原碼無效");
    public override IdentityError LoginAlreadyAssociated() => E(nameof(LoginAlreadyAssociated), "此外部登入已連結其他帳號");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), $"帳號「{userName}」格式不正確");
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), "Email 格式不正確");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), "此信箱已經註冊過，請直接登入或使用忘記密碼");
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), "此信箱已經註冊過，請直接登入或使用忘記密碼");
    public override IdentityError InvalidRoleName(string? role) => E(nameof(InvalidRoleName), $"角色名稱「{role}」不正確");
    public override IdentityError DuplicateRoleName(string role) => E(nameof(DuplicateRoleName), $"角色「{role}」已存在");
    public override IdentityError UserAlreadyHasPassword() => E(nameof(UserAlreadyHasPassword), "此帳號已設定密碼");
    public override IdentityError UserLockoutNotEnabled() => E(nameof(UserLockoutNotEnabled), "此帳號未啟用鎖定功能");
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), $"帳號已具有角色「{role}」");
    public override IdentityError UserNotInRole(string role) => E(nameof(UserNotInRole), $"帳號沒有角色「{role}」");
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), $"密碼長度至少需{length}個字元");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), $"密碼至少需包含{uniqueChars}個不同的字元");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "密碼至少需包含一個符號");
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "密碼至少需包含一個數字");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "密碼至少需包含一個小寫英文字母");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "密碼至少需包含一個大寫英文字母");
}
