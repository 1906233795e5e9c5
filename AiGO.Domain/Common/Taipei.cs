namespace AiGO.Domain.Common;

/// <summary>Every date the users see is a Taipei date, whatever the server's zone.</summary>
public static class Taipei
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei");

    public static DateTimeOffset ToTaipei(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateOnly Today(this TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>The Taipei date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToTaipei(instant).DateTime);

    /// <summary>
    /// The instant a Taipei day begins, in UTC: instants are stored in UTC, and the store compares them as numbers
    /// that are only comparable at the same offset.
    /// </summary>
    public static DateTimeOffset StartOf(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), Zone.GetUtcOffset(date.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();

    /// <summary>yyyy-MM-dd, as the manual shows dates.</summary>
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string Format(DateTimeOffset instant) =>
        ToTaipei(instant).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
