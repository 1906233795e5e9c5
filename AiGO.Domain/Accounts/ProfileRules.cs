using AiGO.Domain.Common;

namespace AiGO.Domain.Accounts;

/// <summary>The fields of the basic data, in form order.</summary>
public enum ProfileField
{
    Name, NationalId, Birthday, IdentityType, Gender, Phone, Extension, Mobile, YearsOfWork, Residence,
    BusinessNumber, CompanyName, Department, JobTitle, JobContent, School, Major,
    JobLevel, SpecialIdentity, Education, UnitSize, IndustrySection, IndustryDivision, Motivation,
}

/// <summary>One failed rule: the field and what to tell the member, in Chinese.</summary>
public sealed record ProfileFieldError(ProfileField Field, string Message);

/// <summary>
/// The rules of the basic data (SPEC §4.1–4.2), written once: the profile page, the subsidy wizard and the
/// Excel import all call <see cref="Validate"/>, and a form asks <see cref="MessageFor"/> field by field.
/// </summary>
public static class ProfileRules
{
    public const int MaxTextLength = 20;
    public const int MaxYearsOfWork = 60;

    /// <summary>
    /// The longest input a text field of the form accepts: its <c>maxlength</c>, so the browser never sends more than
    /// the rule allows. Identifiers are as long as their canonical form (統一編號's 「若無請填999999999」 is 9 digits).
    /// </summary>
    public static int MaxLength(ProfileField field) => field switch
    {
        ProfileField.NationalId => 10,
        ProfileField.BusinessNumber => Common.BusinessNumber.NoneValue.Length,
        ProfileField.Phone or ProfileField.Mobile => 10,
        ProfileField.Extension => PhoneNumbers.MaxExtensionLength,
        _ => MaxTextLength,
    };

    /// <summary>The fields whose presence depends on 身分別 (SPEC §4.2).</summary>
    public static IReadOnlyList<ProfileField> DependentFields { get; } =
    [
        ProfileField.BusinessNumber, ProfileField.CompanyName, ProfileField.Department, ProfileField.JobTitle,
        ProfileField.JobContent, ProfileField.School, ProfileField.Major, ProfileField.JobLevel, ProfileField.UnitSize,
        ProfileField.IndustrySection, ProfileField.IndustryDivision,
    ];

    /// <summary>Whether the form shows (and the rules require) a field for this 身分別; fields not in the §4.2 table always show.</summary>
    public static bool IsShown(ProfileField field, IdentityType? type) => field switch
    {
        ProfileField.BusinessNumber or ProfileField.CompanyName or ProfileField.Department or ProfileField.JobTitle
            or ProfileField.JobLevel or ProfileField.UnitSize => type == IdentityType.Enterprise,
        ProfileField.JobContent => type == IdentityType.Freelancer,
        ProfileField.School or ProfileField.Major => type == IdentityType.Student,
        ProfileField.IndustrySection or ProfileField.IndustryDivision => type is IdentityType.Enterprise or IdentityType.Freelancer,
        _ => true,
    };

    /// <summary>Every failed rule of the profile, each with its field and Chinese message.</summary>
    /// <param name="codes">The live code tables; when given, codes must exist and 細項 must belong to 產業別.</param>
    /// <param name="today">The Taipei date, for the birthday; omitted, the birthday is only checked for presence.</param>
    public static IReadOnlyList<ProfileFieldError> Validate(MemberProfile profile, IReadOnlyCollection<CodeEntry>? codes = null, DateOnly? today = null)
    {
        var errors = new List<ProfileFieldError>();
        foreach (var field in Enum.GetValues<ProfileField>())
        {
            if (MessageFor(profile, field, codes, today) is { } message) errors.Add(new ProfileFieldError(field, message));
        }
        return errors;
    }

    /// <summary>The message for one field, or null when it is fine (or hidden for this 身分別).</summary>
    public static string? MessageFor(MemberProfile p, ProfileField field, IReadOnlyCollection<CodeEntry>? codes = null, DateOnly? today = null)
    {
        if (!IsShown(field, p.IdentityType)) return null;
        return field switch
        {
            ProfileField.Name => Text(p.Name, "姓名", required: true),
            ProfileField.NationalId => Common.NationalId.Parse(p.NationalId).Error,
            ProfileField.Birthday => BirthdayMessage(p.Birthday, today),
            ProfileField.IdentityType => p.IdentityType is null ? "請選擇身分別" : null,
            ProfileField.Gender => Code(p.Gender, "性別", CodeTableKind.Gender, codes) ?? GenderAgainstNationalId(p),
            ProfileField.Phone => PhoneNumbers.ParseLandline(p.Phone).Error,
            ProfileField.Extension => PhoneNumbers.ParseExtension(p.Extension).Error,
            ProfileField.Mobile => PhoneNumbers.ParseMobile(p.Mobile).Error,
            ProfileField.YearsOfWork => p.YearsOfWork switch
            {
                null => "請填寫累計工作年資",
                < 0 or > MaxYearsOfWork => $"累計工作年資應為0至{MaxYearsOfWork}年的整數",
                _ => null,
            },
            ProfileField.Residence => Code(p.Residence, "在台居住地", CodeTableKind.Residence, codes),
            ProfileField.BusinessNumber => Common.BusinessNumber.Parse(p.BusinessNumber).Error,
            ProfileField.CompanyName => Text(p.CompanyName, "服務單位", required: true),
            ProfileField.Department => Text(p.Department, "服務部門", required: true),
            ProfileField.JobTitle => Text(p.JobTitle, "職稱", required: true),
            ProfileField.JobContent => Text(p.JobContent, "工作內容", required: true),
            ProfileField.School => Text(p.School, "就學學校", required: true),
            ProfileField.Major => Text(p.Major, "就學科系", required: true),
            ProfileField.JobLevel => Code(p.JobLevel, "職級", CodeTableKind.JobLevel, codes),
            ProfileField.SpecialIdentity => Code(p.SpecialIdentity, "特殊身份", CodeTableKind.SpecialIdentity, codes),
            ProfileField.Education => Code(p.Education, "最高學歷", CodeTableKind.Education, codes),
            ProfileField.UnitSize => Code(p.UnitSize, "服務單位規模", CodeTableKind.UnitSize, codes),
            ProfileField.IndustrySection => Code(p.IndustrySection, "產業別", CodeTableKind.IndustrySection, codes),
            ProfileField.IndustryDivision => DivisionMessage(p, codes),
            ProfileField.Motivation => Code(p.Motivation, "參加培訓的動機", CodeTableKind.Motivation, codes),
            _ => null,
        };
    }

    /// <summary>
    /// Puts the identifiers in the one form they are stored and compared in: 身分證字號, 統一編號 and the phone
    /// fields lose spaces and full-width digits (a Chinese IME types ０４５９５２５７). Call after <see cref="Validate"/>
    /// passed; a value that does not parse is left as it is, for the rules to refuse.
    /// </summary>
    public static void Normalise(MemberProfile p)
    {
        if (Common.NationalId.Parse(p.NationalId) is { IsValid: true, Value: { } id }) p.NationalId = id.Value;
        if (Common.BusinessNumber.Parse(p.BusinessNumber) is { IsValid: true, Value: { } ubn }) p.BusinessNumber = ubn.Value;
        if (PhoneNumbers.ParseLandline(p.Phone) is { IsValid: true, Value: { } phone }) p.Phone = phone;
        if (PhoneNumbers.ParseExtension(p.Extension) is { IsValid: true } ext) p.Extension = ext.Value;
        if (PhoneNumbers.ParseMobile(p.Mobile) is { IsValid: true, Value: { } mobile }) p.Mobile = mobile;
    }

    private static string? Text(string? value, string label, bool required) => FreeText.Check(value, label, MaxTextLength, required);

    /// <summary>
    /// The ROC ID's second character is 1 for men and 2 for women: a 性別 that disagrees is a typo in one of the two,
    /// caught here rather than by the office weeks later.
    /// </summary>
    private static string? GenderAgainstNationalId(MemberProfile p)
    {
        if (Common.NationalId.Parse(p.NationalId) is not { IsValid: true, Value: { IsRocNational: true, Gender: { } fromId } id }) return null;
        var chosen = p.Gender switch { "1" => Common.Gender.Male, "0" => Common.Gender.Female, _ => (Common.Gender?)null };
        if (chosen is null || chosen == fromId) return null;
        return $"性別與身分證字號不符：身分證字號第2碼為{id.Value[1]}，表示{(fromId == Common.Gender.Male ? "男" : "女")}性，請確認性別或身分證字號是否填錯";
    }

    /// <summary>
    /// In the wizard the course is known: a birthday that makes the member under 20 on its start date is said at the
    /// field, as the likely typo it often is, before the member fills everything else in.
    /// </summary>
    public static string? BirthdayForCourse(DateOnly? birthday, DateOnly courseStart) =>
        birthday is { } b && b.Year >= 1900 && Applications.Eligibility.AgeOn(b, courseStart) < Applications.Eligibility.MinimumAge
            ? $"依此生日，您於開課日（{Taipei.Format(courseStart)}）未滿{Applications.Eligibility.MinimumAge}歲，無法申請補助；若生日填錯了，請更正"
            : null;

    private static string? BirthdayMessage(DateOnly? birthday, DateOnly? today)
    {
        if (birthday is not { } b) return "請填寫生日";
        if (b.Year < 1900) return "生日年份不正確，請以西元年填寫，例如 1999/03/21";
        if (today is { } t && b > t) return "生日不能晚於今天";
        return null;
    }

    private static string? Code(string? value, string label, CodeTableKind table, IReadOnlyCollection<CodeEntry>? codes)
    {
        if (string.IsNullOrWhiteSpace(value)) return $"請選擇{label}";
        if (codes is not null && !codes.Any(c => c.Table == table && c.Code == value))
            return $"{label}的代碼「{value}」不存在，請重新選擇";
        return null;
    }

    private static string? DivisionMessage(MemberProfile p, IReadOnlyCollection<CodeEntry>? codes)
    {
        if (string.IsNullOrWhiteSpace(p.IndustryDivision)) return "請選擇產業別細項";
        if (codes is not null && !codes.Any(c => c.Table == CodeTableKind.IndustryDivision && c.Code == p.IndustryDivision && c.ParentCode == p.IndustrySection))
            return "產業別細項不屬於所選的產業別，請重新選擇";
        return null;
    }
}
