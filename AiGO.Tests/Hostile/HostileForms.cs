using System.Text.RegularExpressions;
using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Domain.Import;
using AiGO.Domain.Organisers;
using AiGO.Tests.Infrastructure;
using AiGO.Web.Accounts;

namespace AiGO.Tests.Hostile;

/// <summary>What a hostile input must come to: refused with a Chinese message, or accepted (as inert text, or in its canonical form).</summary>
public enum Expect { Refused, Accepted }

/// <summary>
/// One hostile input to one field of one form. <see cref="Check"/> is the form's own rule (the one its page and its
/// service call) and answers the message or null; <see cref="Stored"/>, when given, is what the rule stores for it.
/// </summary>
public sealed record HostileCase(string Form, string Field, string Payload, string Input, Expect Expect, Func<string, string?> Check,
    Func<string, string?>? Stored = null, string? Canonical = null)
{
    public string Id => $"{Form} / {Field} / {Payload}";
}

/// <summary>
/// A form's hostile cases. The suite finds every subclass in this assembly: a new form joins the suite by adding one
/// subclass next to these.
/// </summary>
public abstract class HostileForm
{
    public abstract IEnumerable<HostileCase> Cases();

    /// <summary>Characters that are not text: each must be refused by a free-text rule.</summary>
    protected static readonly (string Name, string Text)[] NotText =
    [
        ("NUL", "王\0小明"), ("BEL", "王\u0007明"), ("ESC", "\u001B[31m王"), ("DEL", "王\u007F明"), ("C1 control", "王\u0085明"),
        ("right-to-left override", "王\u202E明gpj"), ("left-to-right isolate", "\u2066王明"), ("right-to-left mark", "王\u200F明"),
        ("zero-width space", "王\u200B明"), ("zero-width joiner", "王\u200D明"), ("byte-order mark", "\uFEFF王明"), ("word joiner", "王\u2060明"),
        ("soft hyphen", "王\u00AD明"), ("lone surrogate", "王\uD800明"), ("Hangul filler", "王\u3164明"),
    ];

    /// <summary>Text an attacker would like to see run somewhere; as text it is harmless, so it is kept (and written escaped).</summary>
    protected static readonly (string Name, string Text)[] Inert =
    [
        ("HTML", "<b>王</b>"), ("script", "<script>x</script>"), ("SQL quote", "' OR '1'='1"), ("SQL comment", "王'; --"),
        ("formula =", "=1+1"), ("formula +", "+SUM(A1)"), ("formula @", "@cmd"), ("emoji", "王小明😀"), ("full-width letters", "ＡＩ課程"),
    ];

    /// <summary>The free-text cases of one field whose longest value is <paramref name="max"/>.</summary>
    protected static IEnumerable<HostileCase> FreeTextCases(string form, string field, int max, Func<string, string?> check, bool multiline = false)
    {
        foreach (var (name, text) in NotText) yield return new(form, field, name, text, Expect.Refused, check);
        if (!multiline) yield return new(form, field, "line break", "王\n明", Expect.Refused, check);
        else yield return new(form, field, "line break", "第一行\n第二行", Expect.Accepted, check);
        yield return new(form, field, "one too long", new string('字', max + 1), Expect.Refused, check);
        yield return new(form, field, "6000 CJK characters", new string('字', 6000), Expect.Refused, check);
        yield return new(form, field, "exactly the limit", new string('字', max), Expect.Accepted, check);
        foreach (var (name, text) in Inert.Where(i => i.Text.Length <= max)) yield return new(form, field, name, text, Expect.Accepted, check);
    }
}

/// <summary>會員註冊: 姓名 and the e-mail address.</summary>
public sealed class RegistrationHostileForm : HostileForm
{
    public override IEnumerable<HostileCase> Cases()
    {
        foreach (var c in FreeTextCases("會員註冊", "姓名", RegisterMember.MaxNameLength, RegisterMember.CheckName)) yield return c;
        foreach (var (name, email, expect) in new[]
        {
            ("plain", "name@example.com", Expect.Accepted), ("no at", "name.example.com", Expect.Refused), ("two ats", "a@b@example.com", Expect.Refused),
            ("space", "na me@example.com", Expect.Refused), ("NUL", "name\0@example.com", Expect.Refused), ("zero-width", "name\u200B@example.com", Expect.Refused),
            ("script", "<script>@example.com", Expect.Refused), ("too long", new string('a', 250) + "@example.com", Expect.Refused),
            ("no dot", "name@localhost", Expect.Refused), ("display name", "王 <name@example.com>", Expect.Refused),
        })
            yield return new("會員註冊", "信箱", name, email, expect, RegisterMember.CheckEmailFormat);
    }
}

/// <summary>帳號管理 → 基本資料: every text field and the identifiers, each under the 身分別 that shows it.</summary>
public sealed class ProfileHostileForm : HostileForm
{
    public static MemberProfile Valid(IdentityType type)
    {
        var p = new MemberProfile
        {
            Name = "王小明", NationalId = "A123456789", Birthday = new DateOnly(1990, 1, 1), Gender = "1", Phone = "0266316666", Mobile = "0912345678",
            YearsOfWork = 5, Residence = "01", JobLevel = "1", SpecialIdentity = "0", Education = "4", UnitSize = "1", Motivation = "1",
            BusinessNumber = "04595257", CompanyName = "資策會", Department = "數位轉型處", JobTitle = "工程師", JobContent = "接案", School = "臺大", Major = "資工",
            IndustryDivision = "62",
        };
        p.ChangeIdentityType(type);
        p.ChangeIndustrySection("J");
        p.IndustryDivision = "62";
        return p;
    }

    private static Func<string, string?> Rule(ProfileField field, IdentityType type, Action<MemberProfile, string> set) => value =>
    {
        var p = Valid(type);
        set(p, value);
        return ProfileRules.MessageFor(p, field);
    };

    private static Func<string, string?> Normalised(IdentityType type, Action<MemberProfile, string> set, Func<MemberProfile, string?> get) => value =>
    {
        var p = Valid(type);
        set(p, value);
        ProfileRules.Normalise(p);
        return get(p);
    };

    public override IEnumerable<HostileCase> Cases()
    {
        var texts = new (ProfileField Field, string Label, IdentityType Type, Action<MemberProfile, string> Set)[]
        {
            (ProfileField.Name, "姓名", IdentityType.Enterprise, (p, v) => p.Name = v),
            (ProfileField.CompanyName, "服務單位", IdentityType.Enterprise, (p, v) => p.CompanyName = v),
            (ProfileField.Department, "服務部門", IdentityType.Enterprise, (p, v) => p.Department = v),
            (ProfileField.JobTitle, "職稱", IdentityType.Enterprise, (p, v) => p.JobTitle = v),
            (ProfileField.JobContent, "工作內容", IdentityType.Freelancer, (p, v) => p.JobContent = v),
            (ProfileField.School, "就學學校", IdentityType.Student, (p, v) => p.School = v),
            (ProfileField.Major, "就學科系", IdentityType.Student, (p, v) => p.Major = v),
        };
        foreach (var (field, label, type, set) in texts)
            foreach (var c in FreeTextCases("帳號管理", label, ProfileRules.MaxLength(field), Rule(field, type, set))) yield return c;

        Action<MemberProfile, string> id = (p, v) => p.NationalId = v;
        foreach (var (name, input, expect, canonical) in new (string, string, Expect, string?)[]
        {
            ("valid", "A123456789", Expect.Accepted, "A123456789"), ("lower case", "a123456789", Expect.Accepted, "A123456789"),
            ("full-width", "Ａ１２３４５６７８９", Expect.Accepted, "A123456789"), ("spaces", " A123 456 789 ", Expect.Accepted, "A123456789"),
            ("resident certificate", "A800000014", Expect.Accepted, "A800000014"), ("wrong check digit", "A123456788", Expect.Refused, null),
            ("nine digits", "A12345678", Expect.Refused, null), ("eleven characters", "A1234567890", Expect.Refused, null),
            ("digit first", "1123456789", Expect.Refused, null), ("second digit 3", "A323456789", Expect.Refused, null),
            ("NUL", "A12345\u00006789", Expect.Refused, null), ("zero-width", "A1234\u200B56789", Expect.Refused, null),
            ("Arabic-Indic digits", "A١٢٣٤٥٦٧٨٩", Expect.Refused, null), ("SQL", "A1' OR 1=1", Expect.Refused, null), ("script", "<script>", Expect.Refused, null),
        })
            yield return new("帳號管理", "身分證字號", name, input, expect, Rule(ProfileField.NationalId, IdentityType.Enterprise, id),
                canonical is null ? null : Normalised(IdentityType.Enterprise, id, p => p.NationalId), canonical);

        Action<MemberProfile, string> ubn = (p, v) => p.BusinessNumber = v;
        foreach (var (name, input, expect, canonical) in new (string, string, Expect, string?)[]
        {
            ("valid", "04595257", Expect.Accepted, "04595257"), ("full-width", "０４５９５２５７", Expect.Accepted, "04595257"),
            ("none (9 nines)", "999999999", Expect.Accepted, "999999999"), ("seventh digit 7", "10458570", Expect.Accepted, "10458570"),
            ("wrong check", "04595258", Expect.Refused, null), ("seven digits", "0459525", Expect.Refused, null),
            ("letters", "0459525A", Expect.Refused, null), ("NUL", "0459\u00005257", Expect.Refused, null), ("formula", "=04595257", Expect.Refused, null),
        })
            yield return new("帳號管理", "統一編號", name, input, expect, Rule(ProfileField.BusinessNumber, IdentityType.Enterprise, ubn),
                canonical is null ? null : Normalised(IdentityType.Enterprise, ubn, p => p.BusinessNumber), canonical);

        Action<MemberProfile, string> mobile = (p, v) => p.Mobile = v;
        Action<MemberProfile, string> phone = (p, v) => p.Phone = v;
        foreach (var (field, label, set, get, name, input, expect, canonical) in new (ProfileField, string, Action<MemberProfile, string>, Func<MemberProfile, string?>, string, string, Expect, string?)[]
        {
            (ProfileField.Mobile, "手機", mobile, p => p.Mobile, "valid", "0912345678", Expect.Accepted, "0912345678"),
            (ProfileField.Mobile, "手機", mobile, p => p.Mobile, "full-width", "０９１２３４５６７８", Expect.Accepted, "0912345678"),
            (ProfileField.Mobile, "手機", mobile, p => p.Mobile, "spaces", "0912 345 678", Expect.Accepted, "0912345678"),
            (ProfileField.Mobile, "手機", mobile, p => p.Mobile, "dashes", "0912-345-678", Expect.Refused, null),
            (ProfileField.Mobile, "手機", mobile, p => p.Mobile, "+886", "+886912345678", Expect.Refused, null),
            (ProfileField.Mobile, "手機", mobile, p => p.Mobile, "Arabic-Indic", "٠٩١٢٣٤٥٦٧٨", Expect.Refused, null),
            (ProfileField.Mobile, "手機", mobile, p => p.Mobile, "NUL", "09123\u000045678", Expect.Refused, null),
            (ProfileField.Phone, "聯絡電話", phone, p => p.Phone, "valid", "0266316666", Expect.Accepted, "0266316666"),
            (ProfileField.Phone, "聯絡電話", phone, p => p.Phone, "full-width", "０２６６３１６６６６", Expect.Accepted, "0266316666"),
            (ProfileField.Phone, "聯絡電話", phone, p => p.Phone, "parentheses", "(02)66316666", Expect.Refused, null),
            (ProfileField.Phone, "聯絡電話", phone, p => p.Phone, "too long", "026631666612", Expect.Refused, null),
            (ProfileField.Phone, "聯絡電話", phone, p => p.Phone, "SQL", "02'; DROP--", Expect.Refused, null),
        })
            yield return new("帳號管理", label, name, input, expect, Rule(field, IdentityType.Enterprise, set),
                canonical is null ? null : Normalised(IdentityType.Enterprise, set, get), canonical);
    }
}

/// <summary>學員選課 (the wizard): it checks the whole basic data again with the same rules before it submits.</summary>
public sealed class WizardHostileForm : HostileForm
{
    private static Func<string, string?> Whole(Action<MemberProfile, string> set) => value =>
    {
        var p = ProfileHostileForm.Valid(IdentityType.Enterprise);
        set(p, value);
        var errors = ProfileRules.Validate(p);
        return errors.Count == 0 ? null : string.Join("；", errors.Select(e => e.Message));
    };

    public override IEnumerable<HostileCase> Cases()
    {
        foreach (var c in FreeTextCases("學員選課", "姓名", ProfileRules.MaxTextLength, Whole((p, v) => p.Name = v))) yield return c;
        foreach (var (name, input, expect) in new[]
        {
            ("ID with bidi override", "A12345\u202E6789", Expect.Refused), ("ID full-width", "Ａ１２３４５６７８９", Expect.Accepted),
            ("ID wrong letter", "@123456789", Expect.Refused), ("ID empty", "", Expect.Refused),
        })
            yield return new("學員選課", "身分證字號", name, input, expect, Whole((p, v) => p.NationalId = v));
    }
}

/// <summary>課程維護 and 我的課程: the course editor's text fields, the contact e-mail and the registration address.</summary>
public sealed class CourseHostileForm : HostileForm
{
    private static Func<string, string?> Rule(string field, Action<Course, string> set) => value =>
    {
        var course = TestData.Course(new Organiser { Name = "測試單位" }, "AI實務", new DateOnly(2027, 1, 10));
        set(course, value);
        var errors = CourseRules.Validate(course, new SubsidyPolicy(), 0, new DateOnly(2026, 12, 1)).Where(e => e.Field == field).ToList();
        return errors.Count == 0 ? null : errors[0].Message;
    };

    public override IEnumerable<HostileCase> Cases()
    {
        var fields = new (string Field, string Label, int Max, Action<Course, string> Set)[]
        {
            (nameof(Course.Name), "課程名稱", CourseRules.MaxNameLength, (c, v) => c.Name = v),
            (nameof(Course.ClassTimes), "上課時間", CourseRules.MaxClassTimesLength, (c, v) => c.ClassTimes = v),
            (nameof(Course.Address), "上課地址", CourseRules.MaxAddressLength, (c, v) => c.Address = v),
            (nameof(Course.Instructors), "授課師資", CourseRules.MaxInstructorsLength, (c, v) => c.Instructors = v),
            (nameof(Course.ContactName), "聯絡人", CourseRules.MaxContactNameLength, (c, v) => c.ContactName = v),
            (nameof(Course.Outline), "課程大綱", CourseRules.MaxListItemLength, (c, v) => c.Outline = [v]),
        };
        foreach (var (field, label, max, set) in fields)
            foreach (var c in FreeTextCases("課程編輯", label, max, Rule(field, set))) yield return c;
        foreach (var (name, email, expect) in new[]
        {
            ("valid", "service@example.com.tw", Expect.Accepted), ("no at", "service.example.com", Expect.Refused), ("two ats", "a@b@example.com", Expect.Refused),
            ("display name", "王 <a@example.com>", Expect.Refused), ("space", "ser vice@example.com", Expect.Refused), ("NUL", "a\0@example.com", Expect.Refused),
            ("javascript", "javascript:alert(1)", Expect.Refused), ("too long", new string('a', 260) + "@example.com", Expect.Refused),
        })
            yield return new("課程編輯", "聯絡e-mail", name, email, expect, Rule(nameof(Course.ContactEmail), (c, v) => c.ContactEmail = v));
        foreach (var (name, url, expect) in new[]
        {
            ("https", "https://example.com/apply", Expect.Accepted), ("javascript", "javascript:alert(1)", Expect.Refused), ("data", "data:text/html,<script>", Expect.Refused),
            ("relative", "/apply", Expect.Refused), ("NUL", "https://example.com/\0", Expect.Refused), ("too long", "https://example.com/" + new string('a', 500), Expect.Refused),
        })
            yield return new("課程編輯", "課程報名網址", name, url, expect, Rule(nameof(Course.RegistrationUrl), (c, v) => c.RegistrationUrl = v));
    }
}

/// <summary>課程問卷: the two free-text answers (multi-line: a line break is text there).</summary>
public sealed class QuestionnaireHostileForm : HostileForm
{
    private static string? Check(string text)
    {
        var answers = Questionnaire.Questions.Select(q => q.Kind == QuestionKind.Rating ? new Answer(q.Key, 4, null) : new Answer(q.Key, null, q.Key == "suggestions" ? text : null)).ToList();
        return Questionnaire.Validate(answers).FirstOrDefault(e => e.Field == "suggestions")?.Message;
    }

    public override IEnumerable<HostileCase> Cases() => FreeTextCases("課程問卷", "對本課程或本計畫的建議", Questionnaire.MaxTextLength, Check, multiline: true);
}

/// <summary>上傳學習積分: the credit's title (the file itself is judged by its content elsewhere).</summary>
public sealed class CreditUploadHostileForm : HostileForm
{
    public override IEnumerable<HostileCase> Cases() => FreeTextCases("上傳學習積分", "積分名稱", SubmitLearningCredit.MaxTitleLength, SubmitLearningCredit.CheckTitle);
}

/// <summary>行使個資權利: what the member writes with a request.</summary>
public sealed class PrivacyRequestHostileForm : HostileForm
{
    public override IEnumerable<HostileCase> Cases() => FreeTextCases("行使個資權利", "請求內容", PrivacyRequest.MaxDetailsLength,
        v => PersonalDataRequests.CheckDetails(PrivacyRequestKind.Correction, v), multiline: true);
}

/// <summary>
/// 匯入學員 (the Excel import): one cell of an otherwise valid row, read and judged as the import does it
/// (<see cref="TraineeRow"/>: the wizard's rules, each on its column); a formula cell is refused.
/// </summary>
public sealed class ExcelImportHostileForm : HostileForm
{
    private const string Form = "匯入學員";

    private static readonly IReadOnlyList<string?> ValidCells =
    [
        "1", "王小明", "A123456789", "1990-01-01", "wang@example.com", "1", "1", "04595257", "資策會", "數位轉型處", "工程師",
        "0266316666", "", "0912345678", "5", "01", "1", "0", "4", "1", "J", "62", "1",
    ];

    /// <summary>The valid row with <paramref name="value"/> in <paramref name="column"/>, read as the import reads it.</summary>
    private static TraineeRow Read(int column, string value, bool formula = false)
    {
        var cells = ValidCells.ToArray();
        cells[column] = value;
        return TraineeRow.Read(new(3, cells, formula ? new HashSet<int> { column } : new HashSet<int>()));
    }

    /// <summary>The problems the import reports on <paramref name="column"/> when it holds the value.</summary>
    private static Func<string, string?> Cell(int column, bool formula = false) => value =>
    {
        var problems = Read(column, value, formula).CheckProfile([], new DateOnly(2026, 12, 1)).Where(p => p.Column == column).ToList();
        return problems.Count == 0 ? null : string.Join("；", problems.Select(p => p.Text));
    };

    /// <summary>What the import would store from the value, in its canonical form.</summary>
    private static Func<string, string?> Stored(int column, Func<MemberProfile, string?> get) => value =>
    {
        var profile = Read(column, value).Profile;
        ProfileRules.Normalise(profile);
        return get(profile);
    };

    public override IEnumerable<HostileCase> Cases()
    {
        foreach (var (column, field) in new[]
        {
            (TraineeSheet.Name, ProfileField.Name), (TraineeSheet.Company, ProfileField.CompanyName),
            (TraineeSheet.Department, ProfileField.Department), (TraineeSheet.JobTitle, ProfileField.JobTitle),
        })
        {
            var header = TraineeSheet.Columns[column].Header;
            foreach (var c in FreeTextCases(Form, header, ProfileRules.MaxLength(field), Cell(column))) yield return c;
            yield return new(Form, header, "formula cell", "=HYPERLINK(\"http://evil.example\",\"王\")", Expect.Refused, Cell(column, formula: true));
        }

        var id = TraineeSheet.NationalId;
        foreach (var (name, input, expect, canonical) in new (string, string, Expect, string?)[]
        {
            ("valid", "A123456789", Expect.Accepted, "A123456789"), ("lower case", "a123456789", Expect.Accepted, "A123456789"),
            ("full-width", "Ａ１２３４５６７８９", Expect.Accepted, "A123456789"), ("wrong check digit", "A123456788", Expect.Refused, null),
            ("NUL", "A12345\u00006789", Expect.Refused, null), ("formula", "=A123456789", Expect.Refused, null), ("SQL", "A1' OR 1=1", Expect.Refused, null),
        })
            yield return new(Form, "身分證字號", name, input, expect, Cell(id), canonical is null ? null : Stored(id, p => p.NationalId), canonical);

        var birthday = TraineeSheet.Birthday;
        foreach (var (name, input, expect) in new[]
        {
            ("ISO", "1990-01-01", Expect.Accepted), ("ROC with slashes", "79/01/01", Expect.Accepted), ("ROC with dashes", "079-01-01", Expect.Accepted),
            ("Excel serial", "32874", Expect.Accepted), ("30 February", "1990-02-30", Expect.Refused), ("tomorrow", "2026-12-02", Expect.Refused),
            ("year 9999", "9999-12-31", Expect.Refused), ("words", "一九九〇年", Expect.Refused), ("script", "<script>", Expect.Refused),
        })
            yield return new(Form, "西元出生年月日", name, input, expect, Cell(birthday));

        var years = TraineeSheet.YearsOfWork;
        foreach (var (name, input, expect) in new[]
        {
            ("whole", "5", Expect.Accepted), ("fraction", "1.5", Expect.Refused), ("negative", "-1", Expect.Refused),
            ("exponent", "1e3", Expect.Refused), ("huge", "99999999999", Expect.Refused), ("full-width", "５", Expect.Refused),
        })
            yield return new(Form, "累計工作年資(年)", name, input, expect, Cell(years));

        var mobile = TraineeSheet.Mobile;
        foreach (var (name, input, expect, canonical) in new (string, string, Expect, string?)[]
        {
            ("valid", "0912345678", Expect.Accepted, "0912345678"), ("full-width", "０９１２３４５６７８", Expect.Accepted, "0912345678"),
            ("dashes", "0912-345-678", Expect.Refused, null), ("formula", "=0912345678", Expect.Refused, null), ("zero-width", "0912\u200B345678", Expect.Refused, null),
        })
            yield return new(Form, "行動電話", name, input, expect, Cell(mobile), canonical is null ? null : Stored(mobile, p => p.Mobile), canonical);
    }
}

public static partial class HostileSuite
{
    /// <summary>Every case of every <see cref="HostileForm"/> in this assembly, by id.</summary>
    public static readonly IReadOnlyDictionary<string, HostileCase> All = typeof(HostileForm).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(HostileForm)) && !t.IsAbstract)
        .SelectMany(t => ((HostileForm)Activator.CreateInstance(t)!).Cases())
        .ToDictionary(c => c.Id);

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var id in All.Keys) data.Add(id);
        return data;
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    public static partial Regex Chinese();
}
