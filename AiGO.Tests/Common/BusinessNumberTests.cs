using AiGO.Domain.Common;

namespace AiGO.Tests.Common;

public class BusinessNumberTests
{
    private const string Empty = "請填寫統一編號";
    private const string BadShape = "統一編號格式錯誤：應為8位數字，若無請填999999999";
    private const string BadChecksum = "統一編號檢查碼錯誤，請確認是否輸入正確";

    // Weights 1,2,1,2,1,2,4,1; each product contributes the sum of its digits (18 -> 1+8).
    // Valid when sum % 5 == 0, or, when the 7th digit is 7, (sum + 1) % 5 == 0.
    [Theory]
    // 0 + 8 + 5 + (18->9) + 5 + 4 + (20->2) + 7 = 40
    [InlineData("04595257")]
    // 7th digit 7, passes without the +1: 1 + 0 + 4 + (10->1) + 8 + (10->1) + (28->10) + 5 = 30
    [InlineData("10458575")]
    // 2 + 4 + 0 + (18->9) + 9 + 2 + (12->3) + 1 = 30
    [InlineData("22099131")]
    // 8 + 8 + 1 + 8 + 9 + (18->9) + (24->6) + 1 = 50
    [InlineData("84149961")]
    // 7th digit 7, needs the +1: 1 + 4 + 3 + 8 + 5 + (12->3) + (28->10) + 5 = 39; 39 + 1 = 40
    [InlineData("12345675")]
    // 7th digit 7, needs the +1: 1 + 0 + 4 + (10->1) + 8 + (10->1) + (28->10) + 4 = 29; 29 + 1 = 30
    [InlineData("10458574")]
    // Valid only under the 2023 mod-5 rule: 0 + 8 + 5 + 9 + 5 + 4 + 2 + 2 = 35
    [InlineData("04595252")]
    // Valid only under the 2023 rule, via +1: 1 + 4 + 3 + 8 + 5 + 3 + 10 + 0 = 34; 34 + 1 = 35
    [InlineData("12345670")]
    public void Parse_accepts_valid_numbers(string input)
    {
        var result = BusinessNumber.Parse(input);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(input, result.Value!.Value);
        Assert.False(result.Value.IsNone);
    }

    [Theory]
    [InlineData(" 04595257 ")]
    [InlineData("０４５９５２５７")]
    public void Parse_normalizes_whitespace_and_full_width(string input)
    {
        Assert.Equal("04595257", BusinessNumber.Parse(input).Value!.Value);
    }

    [Theory]
    [InlineData("999999999")]
    [InlineData(" 999999999 ")]
    public void Nine_nines_means_none(string input)
    {
        var result = BusinessNumber.Parse(input);

        Assert.True(result.IsValid, result.Error);
        Assert.True(result.Value!.IsNone);
        Assert.Equal(BusinessNumber.NoneValue, result.Value.Value);
    }

    [Theory]
    [InlineData(null, Empty)]
    [InlineData("", Empty)]
    [InlineData("  ", Empty)]
    [InlineData("1234567", BadShape)]
    [InlineData("123456789", BadShape)]
    [InlineData("9999999999", BadShape)] // ten nines is not the "none" literal
    [InlineData("0459525A", BadShape)]
    [InlineData("04-595257", BadShape)]
    [InlineData("12345678", BadChecksum)] // 1+4+3+8+5+3+10+8 = 42; 42+1 = 43
    [InlineData("04595258", BadChecksum)] // 41
    [InlineData("22099132", BadChecksum)] // 31
    [InlineData("22099135", BadChecksum)] // 34: +1 would pass, but the 7th digit is 3, not 7
    [InlineData("99999999", BadChecksum)] // eight nines: 9*8 = 72
    public void Parse_rejects_with_specific_message(string? input, string expectedError)
    {
        var result = BusinessNumber.Parse(input);

        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Equal(expectedError, result.Error);
    }
}
