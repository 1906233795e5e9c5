using System.Globalization;

namespace AiGO.Domain.Common;

/// <summary>民國 (ROC calendar) dates as printed on government forms.</summary>
public static class RocDate
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
}
