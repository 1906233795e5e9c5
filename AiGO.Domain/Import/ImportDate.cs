using System.Globalization;
using AiGO.Domain.Common;

namespace AiGO.Domain.Import;

/// <summary>
/// 西元出生年月日 as organisers type it: <c>1990-01-01</c> (or 1990/1/1, 19900101), a date Excel stored as its serial
/// number, or the 民國 forms people use (<c>79/01/01</c>, <c>079-01-01</c>).
/// </summary>
public static class ImportDate
{
    public const string FormatHint = "生日格式應為 1990-01-01（或民國 79/01/01、079-01-01）";

    private static readonly string[] Gregorian = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd"];

    /// <summary>The date, or null when the text is none of the accepted forms.</summary>
    public static DateOnly? Parse(string? text)
    {
        var s = text?.Trim() ?? "";
        if (s.Length == 0) return null;
        if (DateOnly.TryParseExact(s, Gregorian, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        // A date cell read without its format: Excel's serial day number (1 = 1900-01-01). Only a plain number of up to
        // six digits can be one; 民國 dates always have separators, so the two never meet.
        var whole = s.Split('.')[0];
        if (whole.Length is >= 1 and <= 6 && whole.All(char.IsAsciiDigit) && (s.Length == whole.Length || s[(whole.Length + 1)..].All(char.IsAsciiDigit) && s.Length > whole.Length + 1)
            && int.Parse(whole, CultureInfo.InvariantCulture) is >= 1 and < 2958466 and var serial)
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        return RocDate.Parse(s);
    }
}
