using AiGO.Domain.Common;
using AiGO.Domain.Applications;

namespace AiGO.Domain.Catalogue;

/// <summary>The rules every saved course keeps (SPEC §3, §12); the office grid, the organiser's form and the import call them.</summary>
public static class CourseRules
{
    /// <summary>The longest text each field takes; the forms' <c>maxlength</c> are these numbers.</summary>
    public const int MaxNameLength = 100, MaxClassTimesLength = 200, MaxPlatformLength = 100, MaxAddressLength = 200, MaxCityLength = 10,
        MaxPaymentMethodLength = 100, MaxContactNameLength = 50, MaxContactPhoneLength = 30, MaxContactEmailLength = 256,
        MaxUrlLength = 500, MaxInstructorsLength = 500, MaxListItemLength = 200, MaxListItems = 30;

    /// <summary>The longest 課程大綱 or 先備知識 text box: every item at its longest, one per line.</summary>
    public const int MaxListTextLength = MaxListItems * (MaxListItemLength + 1);

    /// <summary>開課日期 may lie this far back (an ended course is still corrected) …</summary>
    public const int YearsBack = 10;
    /// <summary>… and this far ahead: a plan, not a slip such as 9999-12-01, which would break every date sum after it.</summary>
    public const int YearsAhead = 3;
    /// <summary>The longest course, from 開課日期 to 結束日期.</summary>
    public const int MaxDurationDays = 366;

    /// <summary>The dates 開課日期 may take on <paramref name="today"/> (Taipei); the form's date pickers offer the same.</summary>
    public static (DateOnly Earliest, DateOnly Latest) StartDateRange(DateOnly today) => (today.AddYears(-YearsBack), today.AddYears(YearsAhead));

    /// <param name="today">Taipei's today: the dates are bounded around it.</param>
    public static IReadOnlyList<FieldError> Validate(Course c, SubsidyPolicy policy, int seatsTaken, DateOnly today)
    {
        var errors = new List<FieldError>();
        void Add(string field, string message) => errors.Add(new FieldError(field, message));
        void Text(string field, string? value, string label, int max)
        {
            if (FreeText.Check(value, label, max) is { } message) Add(field, message);
        }

        if (string.IsNullOrWhiteSpace(c.Name)) Add(nameof(c.Name), "請填寫課程名稱");
        else Text(nameof(c.Name), c.Name, "課程名稱", MaxNameLength);
        Text(nameof(c.ClassTimes), c.ClassTimes, "上課時間", MaxClassTimesLength);
        Text(nameof(c.Platform), c.Platform, "上課平台", MaxPlatformLength);
        Text(nameof(c.Address), c.Address, "上課地址", MaxAddressLength);
        Text(nameof(c.City), c.City, "開課縣市", MaxCityLength);
        Text(nameof(c.PaymentMethod), c.PaymentMethod, "繳費方式", MaxPaymentMethodLength);
        Text(nameof(c.ContactName), c.ContactName, "聯絡人", MaxContactNameLength);
        Text(nameof(c.ContactPhone), c.ContactPhone, "連絡電話", MaxContactPhoneLength);
        Text(nameof(c.Instructors), c.Instructors, "授課師資", MaxInstructorsLength);
        Text(nameof(c.RegistrationUrl), c.RegistrationUrl, "課程報名網址", MaxUrlLength);
        if (!string.IsNullOrWhiteSpace(c.ContactEmail) && EmailMessage(c.ContactEmail) is { } emailError) Add(nameof(c.ContactEmail), emailError);
        ListItems(nameof(c.Outline), c.Outline, "課程大綱");
        ListItems(nameof(c.Prerequisites), c.Prerequisites, "先備知識");
        var (earliest, latest) = StartDateRange(today);
        if (c.StartDate < earliest || c.StartDate > latest)
            Add(nameof(c.StartDate), $"開課日期須介於{Taipei.Format(earliest)}至{Taipei.Format(latest)}之間");
        if (c.EndDate < c.StartDate) Add(nameof(c.EndDate), "結束日期不可早於開課日期");
        else if (c.EndDate.DayNumber - c.StartDate.DayNumber > MaxDurationDays)
            Add(nameof(c.EndDate), $"課程期間不可超過{MaxDurationDays}天，請確認結束日期");
        if (c.Hours <= 0) Add(nameof(c.Hours), "上課時數須大於0");
        if (c.PlannedSeats < 0) Add(nameof(c.PlannedSeats), "預計招生人數不可為負數");
        else if (c.PlannedSeats < seatsTaken)
            Add(nameof(c.PlannedSeats), $"預計招生人數不可少於已占用名額（目前{seatsTaken}人）");

        if (c.TotalFee <= 0) Add(nameof(c.TotalFee), "課程費用須大於0");
        if (c.TraineeShare < 0) Add(nameof(c.TraineeShare), "學員負擔不可為負數");
        if (c.GovernmentShare < 0) Add(nameof(c.GovernmentShare), "政府負擔不可為負數");
        if (c.TraineeShare + c.GovernmentShare != c.TotalFee)
            Add(nameof(c.GovernmentShare), $"學員負擔（{c.TraineeShare}元）加政府負擔（{c.GovernmentShare}元）須等於課程費用（{c.TotalFee}元）");
        var max = SubsidyCalculator.MaxGovernmentShare(c.TotalFee, policy.DefaultRatePercent);
        if (c.GovernmentShare > max)
            Add(nameof(c.GovernmentShare), $"政府負擔最多為課程費用的{policy.DefaultRatePercent}%（{max}元）");

        switch (c.VenueMode)
        {
            case VenueMode.OnSite:
                RequireAddress();
                break;
            case VenueMode.Online:
                RequirePlatform();
                break;
            case VenueMode.DualTrack:
                RequireAddress();
                RequirePlatform();
                break;
        }

        if (c.NoPrerequisites && c.Prerequisites.Any(p => !string.IsNullOrWhiteSpace(p)))
            Add(nameof(c.Prerequisites), "已勾選「先備知識：無」，請清空先備知識或取消勾選");

        if (!string.IsNullOrWhiteSpace(c.RegistrationUrl)
            && !(Uri.TryCreate(c.RegistrationUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)))
            Add(nameof(c.RegistrationUrl), "課程報名網址須為 http:// 或 https:// 開頭的完整網址");
        return errors;

        void ListItems(string field, IReadOnlyList<string> items, string label)
        {
            if (items.Count > MaxListItems) { Add(field, $"{label}最多{MaxListItems}項，目前為{items.Count}項"); return; }
            foreach (var item in items)
            {
                if (FreeText.Check(item, $"{label}每一項", MaxListItemLength) is { } message) { Add(field, message); return; }
            }
        }

        void RequireAddress()
        {
            if (string.IsNullOrWhiteSpace(c.Address)) Add(nameof(c.Address), "實體上課須填寫上課地址");
            if (string.IsNullOrWhiteSpace(c.City)) Add(nameof(c.City), "實體上課須選擇開課縣市");
        }

        void RequirePlatform()
        {
            if (string.IsNullOrWhiteSpace(c.Platform)) Add(nameof(c.Platform), "線上上課須填寫上課平台（例如 Microsoft Teams）");
        }
    }

    /// <summary>聯絡e-mail: one address the trainee can write to, as a mail client takes it.</summary>
    public static string? EmailMessage(string? email)
    {
        var s = email?.Trim() ?? "";
        if (FreeText.Check(s, "聯絡e-mail", MaxContactEmailLength) is { } message) return message;
        return EmailRule.IsValid(s) ? null : "聯絡e-mail 格式不正確，例如 service@example.com.tw";
    }

    public static string Label(this CourseStatus status) => status switch
    {
        CourseStatus.Draft => "草稿",
        CourseStatus.Published => "公開",
        CourseStatus.Testing => "測試中",
        CourseStatus.Closed => "已截止",
        _ => status.ToString(),
    };

    public static string Label(this VenueMode mode) => mode switch
    {
        VenueMode.OnSite => "實體",
        VenueMode.Online => "線上",
        VenueMode.DualTrack => "雙軌同步",
        _ => mode.ToString(),
    };

    /// <summary>The venue as the catalogue shows it: <c>[雙軌同步]Microsoft Teams、教室(地址)</c>.</summary>
    public static string VenueText(this Course c) => c.VenueMode switch
    {
        VenueMode.Online => $"[線上]{c.Platform}",
        VenueMode.DualTrack => $"[雙軌同步]{c.Platform}、{c.Address}",
        _ => $"[實體]{c.Address}",
    };
}
