using AiGO.Domain.Common;

namespace AiGO.Domain.Applications;

public enum QuestionKind { Rating, Text }

/// <summary>
/// A five-point answer scale, its words from the best answer (5) down to the worst (1), and what to say when a required
/// question is left unanswered.
/// </summary>
public sealed record RatingScale(string Name, IReadOnlyList<string> Labels, string Missing)
{
    /// <summary>滿意度: how satisfied the trainee is.</summary>
    public static readonly RatingScale Satisfaction = new("滿意度", ["非常滿意", "滿意", "普通", "不滿意", "非常不滿意"], "請選擇滿意度");

    /// <summary>同意程度: whether a statement holds.</summary>
    public static readonly RatingScale Agreement = new("同意程度", ["非常同意", "同意", "普通", "不同意", "非常不同意"], "請選擇同意程度");

    /// <summary>意願: whether the trainee would do something.</summary>
    public static readonly RatingScale Likelihood = new("意願", ["一定會", "可能會", "不確定", "可能不會", "一定不會"], "請選擇您的意願");

    /// <summary>Each label with the rating it stores, best first.</summary>
    public IEnumerable<(string Label, int Rating)> Choices => Labels.Select((label, i) => (label, Labels.Count - i));
}

/// <summary>One question of 課程問卷; a rating question answers on its <see cref="Scale"/>.</summary>
public sealed record Question(string Key, string Text, QuestionKind Kind, bool Required, RatingScale? Scale = null);

/// <summary>One answer: a rating from 1 to 5, or free text.</summary>
public sealed record Answer(string Key, int? Rating, string? Text);

/// <summary>
/// 課程問卷: the questions about a course the trainee answers once, from the course's last day on. Filling it
/// is one of the completion rules (SPEC §5).
/// </summary>
public static class Questionnaire
{
    public const int MaxTextLength = 1000;

    public static readonly IReadOnlyList<Question> Questions =
    [
        new("overall", "整體而言，您對本課程的滿意度", QuestionKind.Rating, true, RatingScale.Satisfaction),
        new("outline", "課程內容與課程大綱相符", QuestionKind.Rating, true, RatingScale.Agreement),
        new("expertise", "您對講師專業程度的滿意度", QuestionKind.Rating, true, RatingScale.Satisfaction),
        new("teaching", "您對講師教學表達與互動的滿意度", QuestionKind.Rating, true, RatingScale.Satisfaction),
        new("materials", "您對教材與實作環境的滿意度", QuestionKind.Rating, true, RatingScale.Satisfaction),
        new("venue", "您對上課場地或線上平台的滿意度", QuestionKind.Rating, true, RatingScale.Satisfaction),
        new("usefulness", "課程內容對您的工作有幫助", QuestionKind.Rating, true, RatingScale.Agreement),
        new("recommend", "您會推薦本課程給同事或朋友嗎", QuestionKind.Rating, true, RatingScale.Likelihood),
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
                var scale = q.Scale ?? RatingScale.Satisfaction;
                if (a?.Rating is null) { if (q.Required) errors.Add(new(q.Key, scale.Missing)); }
                else if (a.Rating is < 1 or > 5) errors.Add(new(q.Key, $"{scale.Name}須為 1 到 5"));
            }
            else if (a?.Text is { Length: > MaxTextLength })
                errors.Add(new(q.Key, $"請以{MaxTextLength}字以內說明"));
            else if (FreeText.Refusal(a?.Text, "回答", multiline: true) is { } refusal)
                errors.Add(new(q.Key, refusal));
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
