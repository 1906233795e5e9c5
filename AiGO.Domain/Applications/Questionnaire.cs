using AiGO.Domain.Common;

namespace AiGO.Domain.Applications;

public enum QuestionKind { Rating, Text }

/// <summary>One question of 課程問卷.</summary>
public sealed record Question(string Key, string Text, QuestionKind Kind, bool Required);

/// <summary>One answer: a rating from 1 to 5, or free text.</summary>
public sealed record Answer(string Key, int? Rating, string? Text);

/// <summary>
/// 課程問卷: the questions about a course the trainee answers once, from the course's last day on. Filling it
/// is one of the completion rules (SPEC §5).
/// </summary>
public static class Questionnaire
{
    public const int MaxTextLength = 1000;

    public static readonly IReadOnlyList<string> RatingLabels = ["非常不滿意", "不滿意", "普通", "滿意", "非常滿意"];

    public static readonly IReadOnlyList<Question> Questions =
    [
        new("overall", "整體而言，您對本課程的滿意度", QuestionKind.Rating, true),
        new("outline", "課程內容與課程大綱相符的程度", QuestionKind.Rating, true),
        new("expertise", "講師的專業程度", QuestionKind.Rating, true),
        new("teaching", "講師的教學表達與互動", QuestionKind.Rating, true),
        new("materials", "教材與實作環境的品質", QuestionKind.Rating, true),
        new("venue", "上課場地或線上平台的品質", QuestionKind.Rating, true),
        new("usefulness", "課程內容對您工作上的幫助", QuestionKind.Rating, true),
        new("recommend", "您推薦本課程給同事或朋友的意願", QuestionKind.Rating, true),
        new("best", "本課程讓您最有收穫的部分", QuestionKind.Text, false),
        new("suggestions", "對本課程或本計畫的建議", QuestionKind.Text, false),
    ];

    /// <summary>When the questionnaire opens: the course's last day (the trainee may fill it in after the last class).</summary>
    public static bool IsOpen(DateOnly courseEnd, DateOnly today) => today >= courseEnd;

    /// <summary>Every missing or out-of-range answer, keyed by question, in words.</summary>
    public static IReadOnlyList<FieldError> Validate(IReadOnlyCollection<Answer> answers)
    {
        var errors = new List<FieldError>();
        var byKey = answers.GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.Last());
        foreach (var q in Questions)
        {
            byKey.TryGetValue(q.Key, out var a);
            if (q.Kind == QuestionKind.Rating)
            {
                if (a?.Rating is null) { if (q.Required) errors.Add(new(q.Key, "請選擇滿意度")); }
                else if (a.Rating is < 1 or > 5) errors.Add(new(q.Key, "滿意度須為 1 到 5"));
            }
            else if (a?.Text is { Length: > MaxTextLength })
                errors.Add(new(q.Key, $"請以{MaxTextLength}字以內說明"));
            else if (q.Required && string.IsNullOrWhiteSpace(a?.Text))
                errors.Add(new(q.Key, "此題必填"));
        }
        foreach (var unknown in byKey.Keys.Except(Questions.Select(q => q.Key)))
            errors.Add(new(unknown, "問卷沒有這一題"));
        return errors;
    }
}

/// <summary>A submitted 課程問卷, one per application.</summary>
public class QuestionnaireResponse
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public int CourseId { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public List<QuestionnaireAnswer> Answers { get; set; } = [];
}

public class QuestionnaireAnswer
{
    public int Id { get; set; }
    public int ResponseId { get; set; }
    public string QuestionKey { get; set; } = "";
    public int? Rating { get; set; }
    public string? Text { get; set; }
}
