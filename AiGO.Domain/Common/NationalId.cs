namespace AiGO.Domain.Common;

/// <summary>Codes used by the app: 1 男, 0 女.</summary>
public enum Gender
{
    Female = 0,
    Male = 1,
}

/// <summary>
/// 身分證字號, or a 2021-format 居留證 (新式統一證號), which shares the same
/// letter + 9 digits layout and check digit. The old two-letter 居留證 format is not accepted.
/// </summary>
public sealed record NationalId
{
    // The area letter's code is 10 + its index here. The order is not alphabetical because
    // I, O, W, X, Y, Z were assigned after the original letters (e.g. I = 34, O = 35, W = 32).
    private const string LetterOrder = "ABCDEFGHJKLMNPQRSTUVXYWZIO";

    private static readonly int[] DigitWeights = [8, 7, 6, 5, 4, 3, 2, 1, 1];

    private NationalId(string value) => Value = value;

    /// <summary>Uppercase, without whitespace.</summary>
    public string Value { get; }

    public bool IsRocNational => Value[1] is '1' or '2';

    public bool IsResidentCertificate => Value[1] is '8' or '9';

    public Gender? Gender => Value[1] switch
    {
        '1' or '8' => Common.Gender.Male,
        '2' or '9' => Common.Gender.Female,
        _ => null,
    };

    public string Masked => $"{Value[..2]}****{Value[^4..]}";

    /// <summary>Masked on purpose, so logs and string interpolation never leak the full number.</summary>
    public override string ToString() => Masked;

    public static Parsed<NationalId> Parse(string? input)
    {
        var s = InputCleaner.Clean(input).ToUpperInvariant();
        if (s.Length == 0)
        {
            return Parsed<NationalId>.Fail("請填寫身分證字號");
        }

        if (s.Length != 10 || !char.IsAsciiLetterUpper(s[0]) || !InputCleaner.IsAllDigits(s.AsSpan(1)))
        {
            return Parsed<NationalId>.Fail("身分證字號格式錯誤：格式應為1個英文字母加9個數字，例如 A123456789");
        }

        if (s[1] is not ('1' or '2' or '8' or '9'))
        {
            return Parsed<NationalId>.Fail("身分證字號第2碼錯誤：本國人應為1或2，新式居留證應為8或9");
        }

        if (!HasValidCheckDigit(s))
        {
            return Parsed<NationalId>.Fail("身分證字號檢查碼錯誤，請確認是否輸入正確");
        }

        return Parsed<NationalId>.Ok(new NationalId(s));
    }

    private static bool HasValidCheckDigit(string s)
    {
        var code = 10 + LetterOrder.IndexOf(s[0], StringComparison.Ordinal);
        var sum = (code / 10) + (code % 10 * 9);
        for (var i = 0; i < DigitWeights.Length; i++)
        {
            sum += (s[i + 1] - '0') * DigitWeights[i];
        }

        return sum % 10 == 0;
    }
}
