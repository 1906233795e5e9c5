using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;

namespace AiGO.Domain.Applications;

/// <summary>What the eligibility rules need to know about a member, gathered by the caller from the profile and the ledgers.</summary>
public sealed record EligibilityFacts(
    DateOnly? Birthday,
    string? NationalId,
    bool EmailConfirmed,
    int VerifiedCredits,
    DateOnly? SanctionedUntil,
    bool HasLiveApplicationForCourse,
    int RemainingCap);

/// <summary>
/// One failed rule: what is wrong, what the member can do about it, and where to do it (a site-relative link and its
/// label), when there is a page that helps.
/// </summary>
public sealed record EligibilityProblem(string Code, string Message, string Remedy, string? ActionHref = null, string? ActionText = null);

/// <summary>
/// The subsidy eligibility of SPEC §5, judged at the course start date. The course page, the wizard, the
/// submission, the import and the waitlist promotion all ask here.
/// </summary>
public static class Eligibility
{
    public const int MinimumAge = 20;
    public const int MinimumCredits = 2;

    public static IReadOnlyList<EligibilityProblem> Check(EligibilityFacts f, Course course, DateOnly today)
    {
        var problems = new List<EligibilityProblem>();
        void Fail(string code, string message, string remedy, string? href = null, string? action = null) =>
            problems.Add(new EligibilityProblem(code, message, remedy, href, action));

        if (CourseRefusal(course, today) is { } closed) problems.Add(closed);

        if (!f.EmailConfirmed)
            Fail("email", "您的信箱尚未驗證。", "請至信箱點選驗證信中的連結；若未收到，可重寄驗證信。",
                "Account/ResendEmailConfirmation", "重寄驗證信");

        if (f.Birthday is null)
            Fail("birthday", "尚未填寫生日。", "請至帳號管理填寫生日。", "Account/Manage", "前往帳號管理填寫生日");
        else if (AgeOn(f.Birthday.Value, course.StartDate) < MinimumAge)
            Fail("age", $"參訓資格須於開課日（{Taipei.Format(course.StartDate)}）年滿{MinimumAge}歲。",
                $"若帳號管理中的生日（{Taipei.Format(f.Birthday.Value)}）填錯了，請先更正；否則請選擇您年滿{MinimumAge}歲後開課的課程。",
                "Account/Manage", "確認或更正生日");

        var id = f.NationalId is null ? null : Common.NationalId.Parse(f.NationalId).Value;
        if (id is null)
            Fail("national-id", "尚未填寫正確的身分證字號。", "請至帳號管理填寫身分證字號。", "Account/Manage", "前往帳號管理填寫身分證字號");
        else if (!id.IsRocNational)
            Fail("nationality", "本計畫補助對象須具本國籍。", "如有疑問請洽計畫辦公室（02）6631-6513。");

        if (f.VerifiedCredits < MinimumCredits)
            Fail("credits", $"已審核通過的學習積分為{f.VerifiedCredits}分，須達{MinimumCredits}分以上。",
                "請完成一門線上自學課程，或至帳號管理上傳學習積分證明，待計畫辦公室審核通過。",
                "Account/Manage", "上傳學習積分證明");

        if (f.SanctionedUntil is { } until && until >= today)
            Fail("sanction", $"您的補助資格停權至{Taipei.Format(until)}。", "停權期間無法申請補助，如有疑問請洽計畫辦公室。");

        if (f.HasLiveApplicationForCourse)
            Fail("duplicate", "您已申請過本課程。", "請至課程管理查看申請狀態。", "my/courses", "前往課程管理");

        if (f.RemainingCap <= 0)
            Fail("cap", $"您{course.StartDate.Year}年度的補助額度已用完。", "補助額度依課程開課年度計算，可申請次年度開課的課程。",
                $"courses?year={course.StartDate.Year + 1}", $"查看{course.StartDate.Year + 1}年開課的課程");

        return problems;
    }

    /// <summary>Why nobody can apply for the course today (not open, or already started); null while it takes applications.</summary>
    public static EligibilityProblem? CourseRefusal(Course course, DateOnly today) =>
        course.Status == CourseStatus.Closed ? new("course-closed", "本課程已截止申請。", "請選擇其他開放中的課程。", "courses", "瀏覽實體培訓課程")
        : course.Status != CourseStatus.Published ? new("course-closed", "本課程目前不開放申請。", "請選擇其他開放中的課程。", "courses", "瀏覽實體培訓課程")
        : course.StartDate <= today ? new("course-started", "本課程已開課，無法再申請。", "請選擇尚未開課的課程。", "courses", "瀏覽實體培訓課程")
        : null;

    /// <summary>Whole years on <paramref name="on"/>; the birthday itself counts (20 on the 20th birthday).</summary>
    public static int AgeOn(DateOnly birthday, DateOnly on)
    {
        var age = on.Year - birthday.Year;
        if (on < birthday.AddYears(age)) age--;
        return age;
    }
}
