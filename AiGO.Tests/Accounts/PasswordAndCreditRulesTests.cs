using AiGO.Domain.Accounts;
using AiGO.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AiGO.Tests.Accounts;

public class PasswordAndCreditRulesTests
{
    [Theory]
    [InlineData(15, "123456789012345", true)]
    [InlineData(15, "1234567890123456", false)]
    [InlineData(64, "1234567890123456", true)]
    public async Task The_maximum_password_length_is_configuration(int max, string password, bool accepted)
    {
        var validator = new MaxLengthPasswordValidator(Options.Create(new PasswordLengthOptions { MaxLength = max }));
        var result = await validator.ValidateAsync(null!, new AppUser(), password);
        Assert.Equal(accepted, result.Succeeded);
        if (!accepted) Assert.Equal($"密碼長度不可超過{max}個字元", Assert.Single(result.Errors).Description);
    }

    [Fact]
    public void The_manuals_5_to_15_policy_reads_as_the_manual_writes_it()
    {
        var identity = new IdentityOptions();
        identity.Password.RequiredLength = 5;
        var policy = new PasswordPolicy(Options.Create(identity), Options.Create(new PasswordLengthOptions { MaxLength = 15 }));
        Assert.Equal("密碼 長度為5~15個字元", policy.Label);
    }

    [Fact]
    public void Identity_speaks_traditional_chinese()
    {
        var d = new ZhTwIdentityErrorDescriber();
        Assert.Equal("密碼長度至少需8個字元", d.PasswordTooShort(8).Description);
        Assert.Equal("此信箱已經註冊過，請直接登入或使用忘記密碼", d.DuplicateEmail("a@b.tw").Description);
        Assert.Equal("連結無效或已過期，請重新申請", d.InvalidToken().Description);
    }

    [Fact]
    public void Only_approved_points_count()
    {
        LearningCredit[] credits =
        [
            new() { Points = 1, Status = CreditStatus.Approved },
            new() { Points = 2, Status = CreditStatus.Approved },
            new() { Points = 5, Status = CreditStatus.Pending },
            new() { Points = 3, Status = CreditStatus.Rejected },
        ];
        Assert.Equal(3, LearningCredit.VerifiedPoints(credits));
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, 1000, "application/pdf")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, 1000, "image/jpeg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, 1000, "image/png")]
    public void A_proof_is_known_by_its_first_bytes(byte[] header, long size, string type)
    {
        var parsed = ProofFile.Check(header, size);
        Assert.True(parsed.IsValid, parsed.Error);
        Assert.Equal(type, parsed.Value.ContentType);
    }

    [Fact]
    public void A_proof_of_another_type_or_over_5_MB_is_refused_in_words()
    {
        Assert.Equal("檔案格式不符：僅接受 PDF、JPG 或 PNG 檔案", ProofFile.Check("MZ\x90\0"u8, 1000).Error);
        Assert.Equal("檔案過大：上限為5MB，此檔案為6.0MB", ProofFile.Check("%PDF-"u8, 6 * 1024 * 1024).Error);
    }
}
