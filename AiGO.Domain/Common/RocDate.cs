using System.Globalization;
using System.Text.RegularExpressions;

namespace AiGO.Domain.Common;

/// <summary>民國 (ROC calendar) dates as printed on government forms.</summary>
public static partial class RocDate
{
    private const int YearOffset = 1911;

    /// <exception cref="ArgumentOutOfRangeException">Before 1912, where 民國 years do not exist.</exception>
    public static int RocYear(DateOnly d)
    {
        if (d.Year <= YearOffset)
        {
            throw new ArgumentOutOfRangeException(nameof(d), d, "ROC years start in 1912.");
        }

        return d.Year - YearOffset;
    }

    /// <summary>e.g. 中華民國112年05月19日</summary>
    public static string Format(DateOnly d) => "中華民國" + FormatShort(d);

    /// <summary>e.g. 112年05月19日</summary>
    public static string FormatShort(DateOnly d) =>
        string.Create(CultureInfo.InvariantCulture, $"{RocYear(d)}年{d.Month:D2}月{d.Day:D2}日");

    /// <summary>
    /// A 民國 date as people type it: <c>79/01/01</c>, <c>079-01-01</c>, <c>79.1.1</c> (year 1–199, month, day). Null
    /// when the text is not of that shape or not a real date.
    /// </summary>
    public static DateOnly? Parse(string? text)
    {
        if (text is null || RocPattern().Match(text.Trim()) is not { Success: true } m) return null;
        var (year, month, day) = (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
            int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture));
        if (year is < 1 or > 199) return null;
        return DateOnly.TryParseExact($"{year + YearOffset:D4}-{month:D2}-{day:D2}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : null;
    }

    [GeneratedRegex(@"^(?:民國)?(\d{1,3})\s*[/\-.年]\s*(\d{1,2})\s*[/\-.月]\s*(\d{1,2})\s*日?$")]
    private static partial Regex RocPattern();
}
