using AiGO.Domain.Common;

namespace AiGO.Tests.Common;

public class NationalIdTests
{
    private const string Empty = "請填寫身分證字號";
    private const string BadShape = "身分證字號格式錯誤：格式應為1個英文字母加9個數字，例如 A123456789";
    private const string BadSecondDigit = "身分證字號第2碼錯誤：本國人應為1或2，新式居留證應為8或9";
    private const string BadCheckDigit = "身分證字號檢查碼錯誤，請確認是否輸入正確";

    // Check sum: letter code d0 d1, digits n1..n9:
    // d0*1 + d1*9 + n1*8 + n2*7 + n3*6 + n4*5 + n5*4 + n6*3 + n7*2 + n8*1 + n9*1 ≡ 0 (mod 10)
    [Theory]
    // A=10: 1+0 + 8+14+18+20+20+18+14+8+9 = 130
    [InlineData("A123456789")]
    // A=10 (sample from the manual): 1+0 + 8+35+24+5+16+18+2+3+8 = 120
    [InlineData("A154146138")]
    // A=10, female: 1+0 + 16+14+18+20+20+18+14+8+1 = 130
    [InlineData("A223456781")]
    // F=15: 1+45 + 8+21+6+5+0+12+0+9+3 = 110
    [InlineData("F131104093")]
    // I=34 (not 18): 3+36 + 8+63+48+35+24+15+8+3+7 = 250
    [InlineData("I198765437")]
    // O=35 (not 24): 3+45 + 8+35+48+10+12+24+16+4+5 = 210
    [InlineData("O158238845")]
    // W=32: 3+18 + 16+35+30+25+20+15+10+5+3 = 180
    [InlineData("W255555553")]
    // X=30 (not 33): 3+0 + 16+63+54+45+36+27+18+9+9 = 280
    [InlineData("X299999999")]
    // Y=31 (not 34): 3+9 + 8+14+18+20+20+18+14+8+8 = 140
    [InlineData("Y123456788")]
    // Z=33 (not 35): 3+27 + 8+56+48+40+32+24+16+8+8 = 270
    [InlineData("Z188888888")]
    // 2021 resident certificate, A=10: 1+0 + 64+0+0+0+0+0+0+1+4 = 70
    [InlineData("A800000014")]
    // 2021 resident certificate, A=10: 1+0 + 72+0+0+10+0+21+2+7+7 = 120
    [InlineData("A900207177")]
    public void Parse_accepts_valid_numbers(string input)
    {
        var result = NationalId.Parse(input);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(input, result.Value!.Value);
    }

    [Theory]
    [InlineData("a123456789")]
    [InlineData("  A123456789  ")]
    [InlineData("A 123 456 789")]
    [InlineData("Ａ１２３４５６７８９")] // full-width, as typed with a Chinese IME
    public void Parse_normalizes_case_whitespace_and_full_width(string input)
    {
        var result = NationalId.Parse(input);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal("A123456789", result.Value!.Value);
    }

    [Theory]
    [InlineData("A123456789", true, false, Gender.Male)]
    [InlineData("A223456781", true, false, Gender.Female)]
    [InlineData("A800000014", false, true, Gender.Male)]
    [InlineData("A900207177", false, true, Gender.Female)]
    public void Second_digit_gives_kind_and_gender(string input, bool isRocNational, bool isResident, Gender gender)
    {
        var id = NationalId.Parse(input).Value!;

        Assert.Equal(isRocNational, id.IsRocNational);
        Assert.Equal(isResident, id.IsResidentCertificate);
        Assert.Equal(gender, id.Gender);
    }

    [Theory]
    [InlineData(null, Empty)]
    [InlineData("", Empty)]
    [InlineData("   ", Empty)]
    [InlineData("A12345678", BadShape)]
    [InlineData("A1234567890", BadShape)]
    [InlineData("1123456789", BadShape)]
    [InlineData("AA23456789", BadShape)]
    [InlineData("A12345678X", BadShape)]
    [InlineData("A-12345678", BadShape)]
    [InlineData("A323456789", BadSecondDigit)]
    [InlineData("A023456789", BadSecondDigit)]
    [InlineData("A723456789", BadSecondDigit)]
    [InlineData("A123456788", BadCheckDigit)] // last digit changed: sum 129
    [InlineData("A154146139", BadCheckDigit)] // last digit changed: sum 121
    [InlineData("A154146238", BadCheckDigit)] // 8th digit changed: sum 123
    [InlineData("A800000000", BadCheckDigit)] // sum 65
    // Each of these passes with the naive alphabetical mapping (I=18, X=33, Z=35),
    // so they fail only if the irregular mapping is used.
    [InlineData("I100000009", BadCheckDigit)] // I=34: 3+36+8+9 = 56
    [InlineData("X100000002", BadCheckDigit)] // X=30: 3+0+8+2 = 13
    [InlineData("Z200000006", BadCheckDigit)] // Z=33: 3+27+16+6 = 52
    public void Parse_rejects_with_specific_message(string? input, string expectedError)
    {
        var result = NationalId.Parse(input);

        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Equal(expectedError, result.Error);
    }

    [Fact]
    public void ToString_is_masked_and_never_leaks_the_full_number()
    {
        var id = NationalId.Parse("A154146138").Value!;

        Assert.Equal("A1****6138", id.Masked);
        Assert.Equal("A1****6138", id.ToString());
        Assert.DoesNotContain("A154146138", $"{id}");
    }

    [Fact]
    public void Equal_when_same_normalized_value()
    {
        Assert.Equal(NationalId.Parse("a123456789").Value, NationalId.Parse("A123456789").Value);
    }
}
