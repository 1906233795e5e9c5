namespace AiGO.Domain.Common;

/// <summary>Phone fields as the form stores them: digits only, no "-" or parentheses.</summary>
public static class PhoneNumbers
{
    public const int MaxExtensionLength = 6;

    /// <summary>聯絡電話: area code starting with 0, 9–10 digits in total, e.g. 0266316666.</summary>
    public static Parsed<string> ParseLandline(string? input)
    {
        var s = InputCleaner.Clean(input);
        if (s.Length == 0)
        {
            return Parsed<string>.Fail("請填寫聯絡電話");
        }

        if (!InputCleaner.IsAllDigits(s))
        {
            return Parsed<string>.Fail("聯絡電話只能填數字，不含「-」或括號，例如 0266316666");
        }

        if (s[0] != '0')
        {
            return Parsed<string>.Fail("聯絡電話應以區碼0開頭，例如 0266316666");
        }

        if (s.Length is < 9 or > 10)
        {
            return Parsed<string>.Fail($"聯絡電話應為9至10位數字（含區碼），目前為{s.Length}位");
        }

        return Parsed<string>.Ok(s);
    }

    /// <summary>分機: optional; blank means no extension.</summary>
    public static Parsed<string?> ParseExtension(string? input)
    {
        var s = InputCleaner.Clean(input);
        if (s.Length == 0)
        {
            return Parsed<string?>.Ok(null);
        }

        if (!InputCleaner.IsAllDigits(s))
        {
            return Parsed<string?>.Fail("分機只能填數字");
        }

        if (s.Length > MaxExtensionLength)
        {
            return Parsed<string?>.Fail($"分機最多{MaxExtensionLength}位數字，目前為{s.Length}位");
        }

        return Parsed<string?>.Ok(s);
    }

    /// <summary>手機: "09" followed by 8 digits, e.g. 0912345678.</summary>
    public static Parsed<string> ParseMobile(string? input)
    {
        var s = InputCleaner.Clean(input);
        if (s.Length == 0)
        {
            return Parsed<string>.Fail("請填寫手機號碼");
        }

        if (!InputCleaner.IsAllDigits(s))
        {
            return Parsed<string>.Fail("手機號碼只能填數字，不含「-」，例如 0912345678");
        }

        if (s.Length != 10 || !s.StartsWith("09", StringComparison.Ordinal))
        {
            return Parsed<string>.Fail("手機號碼應為09開頭的10位數字，例如 0912345678");
        }

        return Parsed<string>.Ok(s);
    }
}
