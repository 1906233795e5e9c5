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

    /// <summary>The hours a trainee must attend: 80% of the course's hours, rounded up to a whole hour.</summary>
    public static int RequiredHours(int courseHours) => (courseHours * AttendancePercent + 99) / 100;

    public static CompletionChecklist For(Course course, SubsidyApplication a, DateOnly today)
    {
        var ended = today >= course.EndDate;
        var items = new List<ChecklistItem>
        {
            Attendance(course.Hours, a.HoursHeld, a.HoursAttended),
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
                : new("questionnaire", "課程問卷", ChecklistState.Pending, Questionnaire.IsOpen(course.EndDate, today) ? "問卷尚未填寫" : "課程結束後開放填寫"),
        };
        var verdict = items.Any(i => i.State == ChecklistState.Failed) ? ChecklistState.Failed
            : items.All(i => i.State == ChecklistState.Done) ? ChecklistState.Done
            : ChecklistState.Pending;
        return new CompletionChecklist(items, verdict);
    }

    private static ChecklistItem Attendance(int hours, int? held, int? attended)
    {
        const string label = "出席時數";
        var required = RequiredHours(hours);
        var allowedMiss = hours - required;
        if (held is null || attended is null)
            return new("attendance", label, ChecklistState.Pending,
                $"尚未登錄出席時數。全程{hours}小時，須出席{required}小時以上，最多可缺席{allowedMiss}小時。");
        var missed = held.Value - attended.Value;
        var mayStillMiss = allowedMiss - missed;
        if (mayStillMiss < 0)
            return new("attendance", label, ChecklistState.Failed,
                $"已出席{attended}小時，缺席{missed}小時，超過可缺席的{allowedMiss}小時，未達{AttendancePercent}%。");
        if (held.Value >= hours)
            return new("attendance", label, ChecklistState.Done, $"已出席{attended}/{hours}小時，達{AttendancePercent}%。");
        return new("attendance", label, ChecklistState.Pending,
            $"已上課{held}小時，出席{attended}小時；您還可以缺席{mayStillMiss}小時，仍可達{AttendancePercent}%（須出席{required}/{hours}小時）。");
    }

    /// <summary>
    /// After the course's last day an enrolled application is decided: 已結訓 when every rule holds, 未達結訓標準
    /// when one has failed. While something is still to come (e.g. the questionnaire) it stays as it is.
    /// </summary>
    public static ApplicationStatus? Decide(Course course, SubsidyApplication a, DateOnly today)
    {
        if (a.Status != ApplicationStatus.Enrolled || today < course.EndDate) return null;
        return For(course, a, today).Verdict switch
        {
            ChecklistState.Done => ApplicationStatus.Completed,
            ChecklistState.Failed => ApplicationStatus.NotCompleted,
            _ => null,
        };
    }
}
