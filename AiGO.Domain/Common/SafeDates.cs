namespace AiGO.Domain.Common;

/// <summary>
/// Date sums over stored dates that cannot throw: 9999-12-01 plus a 30-day delay is the last date there is, not an
/// error on every page that shows the course. Dates are bounded where they are entered (CourseRules); this guards
/// whatever was stored before that.
/// </summary>
public static class SafeDates
{
    public static DateOnly PlusDays(this DateOnly date, int days) =>
        DateOnly.FromDayNumber((int)Math.Clamp((long)date.DayNumber + days, DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber));
}
