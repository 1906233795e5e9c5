using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;

namespace AiGO.Domain.Applications;

public enum ChecklistState { Pending, Done, Failed }

/// <summary>One completion rule as the trainee sees it: where they stand, in words.</summary>
public sealed record ChecklistItem(string Key, string Label, ChecklistState State, string Detail);

/// <summary>The four completion rules of one application and what they add up to.</summary>
public sealed record CompletionChecklist(IReadOnlyList<ChecklistItem> Items, ChecklistState Verdict)
{
    public ChecklistItem this[string key] => Items.Single(i => i.Key == key);
}

/// <summary>
/// 結訓 (SPEC §5): attendance of at least 80% of the hours, the test passed, the certificate issued and the
/// questionnaire filled. The trainee's checklist, the organiser's records and the status all ask here.
/// </summary>
public static class Completion
{
    public const int AttendancePercent = 80;

    /// <summary>Hours as the checklist and the roster show them: minutes to hours, rounded to one decimal.</summary>
    public static decimal Hours(int minutes) => Math.Round(minutes / 60m, 1, MidpointRounding.AwayFromZero);

    /// <summary>Hours as typed (e.g. 1.5) in whole minutes, as sessions and marks are stored.</summary>
    public static int Minutes(decimal hours) => (int)Math.Round(hours * 60, MidpointRounding.AwayFromZero);

    /// <summary>An hour figure in words: 9.6 → "9.6", 12.0 → "12".</summary>
    public static string Show(decimal hours) => hours.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The hours a trainee must attend: 80% of the course's hours.</summary>
    public static decimal RequiredHours(int courseHours) => courseHours * AttendancePercent / 100m;

    /// <summary>Where one trainee stands on attendance, in the hours the checklist and the roster show.</summary>
    public sealed record AttendanceStanding(decimal CourseHours, decimal Held, decimal Attended)
    {
        public decimal Required => RequiredHours((int)CourseHours);
        public decimal Missed => Held - Attended;
        /// <summary>Hours this trainee may still miss and reach 80%; negative once that is out of reach.</summary>
        public decimal MayStillMiss => CourseHours - Required - Missed;
        public bool CanStillReach => MayStillMiss >= 0;
        public bool Reached => Attended >= Required;
    }

    public static AttendanceStanding StandingOf(int courseHours, int minutesHeld, int minutesAttended) =>
        new(courseHours, Hours(minutesHeld), Hours(minutesAttended));

    public static CompletionChecklist For(Course course, SubsidyApplication a, DateOnly today)
    {
        var ended = today >= course.EndDate;
        var items = new List<ChecklistItem>
        {
            Attendance(course.Hours, a.MinutesHeld, a.MinutesAttended),
            a.TestPassed switch
            {
                true => new("test", "測驗", ChecklistState.Done, "測驗通過"),
                false => new("test", "測驗", ChecklistState.Failed, "測驗未通過"),
                null => new("test", "測驗", ChecklistState.Pending, ended ? "開課單位尚未登錄測驗結果" : "預計完成課程後開放"),
            },
            a.CertificateIssuedOn is { } issued
                ? new("certificate", "結訓證書", ChecklistState.Done, $"已於{Taipei.Format(issued)}發給")
                : new("certificate", "結訓證書", ChecklistState.Pending, "結訓後由開課單位發給"),
            a.QuestionnaireSubmittedAt is { } filled
                ? new("questionnaire", "課程問卷", ChecklistState.Done, $"已於{Taipei.Format(filled)}填寫")
                : new("questionnaire", "課程問卷", ChecklistState.Pending, Questionnaire.IsOpen(course.EndDate, today) ? "問卷尚未填寫" : "課程結束當天開放填寫"),
        };
        var verdict = items.Any(i => i.State == ChecklistState.Failed) ? ChecklistState.Failed
            : items.All(i => i.State == ChecklistState.Done) ? ChecklistState.Done
            : ChecklistState.Pending;
        return new CompletionChecklist(items, verdict);
    }

    private static ChecklistItem Attendance(int hours, int? minutesHeld, int? minutesAttended)
    {
        const string label = "出席時數";
        var required = RequiredHours(hours);
        var allowedMiss = hours - required;
        if (minutesHeld is null || minutesAttended is null)
            return new("attendance", label, ChecklistState.Pending,
                $"尚未登錄出席時數。全程{hours}小時，須出席{Show(required)}小時以上，最多可缺席{Show(allowedMiss)}小時。");
        var s = StandingOf(hours, minutesHeld.Value, minutesAttended.Value);
        if (!s.CanStillReach)
            return new("attendance", label, ChecklistState.Failed,
                $"已出席{Show(s.Attended)}小時，缺席{Show(s.Missed)}小時，超過可缺席的{Show(allowedMiss)}小時，未達{AttendancePercent}%。");
        if (s.Held >= hours)
            return new("attendance", label, ChecklistState.Done, $"已出席{Show(s.Attended)}/{hours}小時，達{AttendancePercent}%。");
        return new("attendance", label, ChecklistState.Pending,
            $"已上課{Show(s.Held)}小時，出席{Show(s.Attended)}小時；您還可以缺席{Show(s.MayStillMiss)}小時，仍可達{AttendancePercent}%（須出席{Show(required)}/{hours}小時）。");
    }

    /// <summary>
    /// After the course's last day an enrolled application is decided: 已結訓 when every rule holds, 未達結訓標準
    /// when one has failed, with the failed rules as the reason. While something is still to come (e.g. the
    /// questionnaire) it stays as it is, until <paramref name="deadlinePassed"/>: then what is still missing fails too.
    /// </summary>
    public static CompletionDecision? Decide(Course course, SubsidyApplication a, DateOnly today, bool deadlinePassed = false)
    {
        if (a.Status != ApplicationStatus.Enrolled || today < course.EndDate) return null;
        var checklist = For(course, a, today);
        return checklist.Verdict switch
        {
            ChecklistState.Done => new(ApplicationStatus.Completed, "符合結訓標準"),
            ChecklistState.Failed => new(ApplicationStatus.NotCompleted, Describe(checklist.Items.Where(i => i.State == ChecklistState.Failed))),
            _ when deadlinePassed => new(ApplicationStatus.NotCompleted,
                "結訓期限已過，尚缺" + Describe(checklist.Items.Where(i => i.State != ChecklistState.Done))),
            _ => null,
        };
    }

    private static string Describe(IEnumerable<ChecklistItem> items) => string.Join("；", items.Select(i => $"{i.Label}（{i.Detail}）"));
}

/// <summary>What the completion rules decided for an application, and why, in the words its history keeps.</summary>
public sealed record CompletionDecision(ApplicationStatus Status, string Reason);
