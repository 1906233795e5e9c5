using AiGO.Domain.Common;

namespace AiGO.Domain.Catalogue;

/// <summary>
/// What a trainee needs from a course before it is published (SPEC §3): the rule 送審 and 公開 both apply, never a
/// course that is already published. Every missing item is listed at once, each in words, at its field.
/// </summary>
public static class CourseReadiness
{
    /// <summary>What the course still lacks; empty when it may be published. <see cref="Course.Sessions"/> must be loaded.</summary>
    public static IReadOnlyList<FieldError> Missing(Course c)
    {
        var missing = new List<FieldError>();
        void Add(string field, string message) => missing.Add(new FieldError(field, message));

        if (!c.Outline.Any(item => !string.IsNullOrWhiteSpace(item))) Add(nameof(c.Outline), "請填寫課程大綱");
        if (!c.NoPrerequisites && !c.Prerequisites.Any(item => !string.IsNullOrWhiteSpace(item)))
            Add(nameof(c.Prerequisites), "請填寫先備知識，或勾選「先備知識：無」");
        if (string.IsNullOrWhiteSpace(c.ContactName)) Add(nameof(c.ContactName), "請填寫聯絡人");
        if (string.IsNullOrWhiteSpace(c.ContactPhone)) Add(nameof(c.ContactPhone), "請填寫聯絡人的連絡電話");
        if (string.IsNullOrWhiteSpace(c.ContactEmail)) Add(nameof(c.ContactEmail), "請填寫聯絡人的e-mail");
        if (string.IsNullOrWhiteSpace(c.RegistrationUrl)) Add(nameof(c.RegistrationUrl), "請填寫課程報名網址");

        if (c.Sessions.Count == 0) Add(nameof(c.Sessions), "上課日尚未排定");
        else if (c.Sessions.Sum(s => s.Minutes) is var minutes && minutes != c.Hours * 60)
            Add(nameof(c.Sessions), $"上課日時數合計（{Hours(minutes)}小時）與課程時數（{c.Hours}小時）不符");
        return missing;
    }

    private static string Hours(int minutes) => (minutes / 60m).ToString("0.##");
}
