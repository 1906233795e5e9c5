using AiGO.Domain.Common;

namespace AiGO.Tests.Common;

public class PhoneNumbersTests
{
    [Theory]
    [InlineData("0266316666", "0266316666")]
    [InlineData(" 02 6631 6666 ", "0266316666")]
    [InlineData("037123456", "037123456")] // 9 digits: 3-digit area code + 6
    [InlineData("０２６６３１６６６６", "0266316666")]
    public void Landline_accepts(string input, string expected)
    {
        var result = PhoneNumbers.ParseLandline(input);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData(null, "請填寫聯絡電話")]
    [InlineData(" ", "請填寫聯絡電話")]
    [InlineData("02-6631-6666", "聯絡電話只能填數字，不含「-」或括號，例如 0266316666")]
    [InlineData("(02)66316666", "聯絡電話只能填數字，不含「-」或括號，例如 0266316666")]
    [InlineData("2266316666", "聯絡電話應以區碼0開頭，例如 0266316666")]
    [InlineData("02663166", "聯絡電話應為9至10位數字（含區碼），目前為8位")]
    [InlineData("02663166661", "聯絡電話應為9至10位數字（含區碼），目前為11位")]
    public void Landline_rejects_with_specific_message(string? input, string expectedError)
    {
        var result = PhoneNumbers.ParseLandline(input);

        Assert.False(result.IsValid);
        Assert.Equal(expectedError, result.Error);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("  ", null)]
    [InlineData("1", "1")]
    [InlineData(" 123456 ", "123456")]
    public void Extension_is_optional(string? input, string? expected)
    {
        var result = PhoneNumbers.ParseExtension(input);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("1234567", "分機最多6位數字，目前為7位")]
    [InlineData("#12", "分機只能填數字")]
    [InlineData("12a", "分機只能填數字")]
    public void Extension_rejects_with_specific_message(string input, string expectedError)
    {
        var result = PhoneNumbers.ParseExtension(input);

        Assert.False(result.IsValid);
        Assert.Equal(expectedError, result.Error);
    }

    [Theory]
    [InlineData("0912345678", "0912345678")]
    [InlineData("0912 345 678", "0912345678")]
    public void Mobile_accepts(string input, string expected)
    {
        var result = PhoneNumbers.ParseMobile(input);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData(null, "請填寫手機號碼")]
    [InlineData("", "請填寫手機號碼")]
    [InlineData("0912-345-678", "手機號碼只能填數字，不含「-」，例如 0912345678")]
    [InlineData("+886912345678", "手機號碼只能填數字，不含「-」，例如 0912345678")]
    [InlineData("0812345678", "手機號碼應為09開頭的10位數字，例如 0912345678")]
    [InlineData("912345678", "手機號碼應為09開頭的10位數字，例如 0912345678")]
    [InlineData("091234567", "手機號碼應為09開頭的10位數字，例如 0912345678")]
    [InlineData("09123456789", "手機號碼應為09開頭的10位數字，例如 0912345678")]
    public void Mobile_rejects_with_specific_message(string? input, string expectedError)
    {
        var result = PhoneNumbers.ParseMobile(input);

        Assert.False(result.IsValid);
        Assert.Equal(expectedError, result.Error);
    }
}
