using System.Text.RegularExpressions;

namespace AiGO.Domain.Catalogue;

/// <summary>A session as entered in the session editor or proposed from 上課時間.</summary>
public sealed record SessionInput(DateOnly Date, TimeOnly Start, TimeOnly End, int Minutes)
{
    public int SpanMinutes => (int)(End - Start).TotalMinutes;
}

/// <summary>
/// 上課時間 as organisers write it ("每週六 09:00-16:00", "每週二、四 18:30-21:30", "週一至週五 09:30-16:30（共8天）",
/// "週六、週日 09:00-16:00") read into weekdays and a time of day, and the sessions that gives between the course dates.
/// </summary>
public static partial class ClassSchedule
{
    private const string DayChars = "一二三四五六日天";

    [GeneratedRegex(@"(\d{1,2})\s*[:：]\s*(\d{2})\s*[-~～－—至到]\s*(\d{1,2})\s*[:：]\s*(\d{2})")]
    private static partial Regex TimeRange();

    [GeneratedRegex(@"週\s*([一二三四五六日天])\s*[至到~～－-]\s*週?\s*([一二三四五六日天])")]
    private static partial Regex DayRange();

    /// <summary>The weekdays and the time of day in <paramref name="classTimes"/>, or null when it cannot be read.</summary>
    public static (IReadOnlySet<DayOfWeek> Days, TimeOnly Start, TimeOnly End)? Parse(string? classTimes)
    {
        if (string.IsNullOrWhiteSpace(classTimes)) return null;
        var time = TimeRange().Match(classTimes);
        if (!time.Success) return null;
        if (!TryTime(time.Groups[1].Value, time.Groups[2].Value, out var start) || !TryTime(time.Groups[3].Value, time.Groups[4].Value, out var end) || end <= start)
            return null;

        // Only the words before the time name days ("（共8天）" after it does not).
        var dayPart = classTimes[..time.Index];
        var days = new HashSet<DayOfWeek>();
        dayPart = DayRange().Replace(dayPart, m =>
        {
            int from = Index(m.Groups[1].Value[0]), to = Index(m.Groups[2].Value[0]);
            for (var i = from; ; i = (i + 1) % 7)
            {
                days.Add(Day(i));
                if (i == to) break;
            }
            return "";
        });
        foreach (var c in dayPart.Where(c => DayChars.Contains(c))) days.Add(Day(Index(c)));
        return days.Count == 0 ? null : (days, start, end);
    }

    /// <summary>
    /// The sessions 上課時間 gives between the course's dates, the course's hours shared evenly between them (a day
    /// 09:00-16:00 of a 12-hour, two-day course counts 6 hours: the lunch break is not class time). Null when
    /// 上課時間 cannot be read or names no day within the dates.
    /// </summary>
    public static IReadOnlyList<SessionInput>? Propose(Course course)
    {
        if (Parse(course.ClassTimes) is not var (days, start, end)) return null;
        var dates = new List<DateOnly>();
        for (var d = course.StartDate; d <= course.EndDate; d = d.AddDays(1))
            if (days.Contains(d.DayOfWeek)) dates.Add(d);
        if (dates.Count == 0) return null;
        var total = course.Hours * 60;
        var span = (int)(end - start).TotalMinutes;
        return dates.Select((d, i) =>
        {
            // Whole minutes, the remainder to the first sessions, never longer than the time of day allows.
            var share = total / dates.Count + (i < total % dates.Count ? 1 : 0);
            return new SessionInput(d, start, end, Math.Min(share, span));
        }).ToList();
    }

    private static bool TryTime(string h, string m, out TimeOnly time)
    {
        time = default;
        if (!int.TryParse(h, out var hour) || !int.TryParse(m, out var minute) || hour > 23 || minute > 59) return false;
        time = new TimeOnly(hour, minute);
        return true;
    }

    // 一 = Monday … 日/天 = Sunday, as 0..6.
    private static int Index(char c) => c is '天' ? 6 : DayChars.IndexOf(c);

    private static DayOfWeek Day(int index) => (DayOfWeek)((index + 1) % 7);
}
