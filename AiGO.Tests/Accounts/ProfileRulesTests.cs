using AiGO.Domain.Accounts;
using AiGO.Domain.Common;

namespace AiGO.Tests.Accounts;

public class ProfileRulesTests
{
    private static readonly IReadOnlyList<CodeEntry> Codes = CodeTableSeed.All
        .Select((s, i) => new CodeEntry { Id = i + 1, Table = s.Table, Code = s.Code, Name = s.Name, ParentCode = s.ParentCode, SortOrder = i })
        .ToList();

    private static readonly DateOnly Today = new(2026, 11, 25);

    public static MemberProfile CompleteEnterpriseProfile()
    {
        var p = new MemberProfile
        {
            Name = "陳志堅", NationalId = "A154146138", Birthday = new DateOnly(1999, 3, 21), Gender = "1", Phone = "0266316666",
            Mobile = "0912345678", YearsOfWork = 3, Residence = "01", SpecialIdentity = "0", Education = "4", Motivation = "1",
        };
        p.ChangeIdentityType(IdentityType.Enterprise);
        p.BusinessNumber = "04231910"; p.CompanyName = "財團法人資訊工業策進會"; p.Department = "數位轉型研究所"; p.JobTitle = "工程師";
        p.JobLevel = "1"; p.UnitSize = "5";
        p.ChangeIndustrySection("J");
        p.IndustryDivision = "63";
        return p;
    }

    [Fact]
    public void A_complete_enterprise_profile_passes_every_rule()
    {
        Assert.Empty(ProfileRules.Validate(CompleteEnterpriseProfile(), Codes, Today));
    }

    [Fact]
    public void An_empty_profile_reports_every_required_field_in_chinese()
    {
        var errors = ProfileRules.Validate(new MemberProfile(), Codes, Today);

        var fields = errors.Select(e => e.Field).ToHashSet();
        Assert.Contains(ProfileField.Name, fields);
        Assert.Contains(ProfileField.NationalId, fields);
        Assert.Contains(ProfileField.Birthday, fields);
        Assert.Contains(ProfileField.IdentityType, fields);
        Assert.Contains(ProfileField.Mobile, fields);
        Assert.DoesNotContain(ProfileField.Extension, fields); // 分機 is optional
        Assert.DoesNotContain(ProfileField.CompanyName, fields); // no 身分別 yet: dependent fields are hidden
        Assert.Equal("請選擇身分別", errors.Single(e => e.Field == ProfileField.IdentityType).Message);
        Assert.Equal("請填寫身分證字號", errors.Single(e => e.Field == ProfileField.NationalId).Message);
    }

    [Theory]
    [InlineData(IdentityType.Enterprise, new[] { ProfileField.BusinessNumber, ProfileField.CompanyName, ProfileField.Department, ProfileField.JobTitle, ProfileField.JobLevel, ProfileField.UnitSize, ProfileField.IndustrySection, ProfileField.IndustryDivision })]
    [InlineData(IdentityType.Freelancer, new[] { ProfileField.JobContent, ProfileField.IndustrySection, ProfileField.IndustryDivision })]
    [InlineData(IdentityType.Student, new[] { ProfileField.School, ProfileField.Major })]
    [InlineData(IdentityType.Unemployed, new ProfileField[0])]
    public void Each_identity_type_requires_exactly_its_fields_of_the_spec_table(IdentityType type, ProfileField[] expected)
    {
        var p = new MemberProfile();
        p.ChangeIdentityType(type);
        var missingDependent = ProfileRules.Validate(p, Codes, Today).Select(e => e.Field).Where(ProfileRules.DependentFields.Contains);
        Assert.Equal(expected.OrderBy(f => f), missingDependent.OrderBy(f => f));
    }

    [Fact]
    public void Switching_identity_type_keeps_the_hidden_values_and_only_the_stored_copy_drops_them()
    {
        var p = CompleteEnterpriseProfile();
        p.ChangeIdentityType(IdentityType.Freelancer);
        p.ChangeIdentityType(IdentityType.Student);
        p.ChangeIdentityType(IdentityType.Enterprise);
        Assert.Equal(("財團法人資訊工業策進會", "04231910", "1", "J", "63"), (p.CompanyName, p.BusinessNumber, p.JobLevel, p.IndustrySection, p.IndustryDivision));

        p.ChangeIdentityType(IdentityType.Student);
        Assert.DoesNotContain(ProfileRules.Validate(p), e => e.Field == ProfileField.CompanyName); // hidden: not judged
        var stored = p.Clone();
        stored.ClearHiddenFields();
        Assert.Null(stored.CompanyName);
        Assert.Null(stored.BusinessNumber);
        Assert.Null(stored.JobLevel);
        Assert.Null(stored.IndustrySection);
        Assert.Null(stored.IndustryDivision);
        Assert.Equal("0912345678", stored.Mobile); // shared fields stay
        Assert.Equal("財團法人資訊工業策進會", p.CompanyName); // the form keeps it
    }

    [Fact]
    public void A_draft_never_blanks_what_the_profile_holds()
    {
        var draft = new MemberProfile { Name = "陳志堅", Mobile = "0987654321" };
        draft.ChangeIdentityType(IdentityType.Enterprise);

        draft.FillBlanksFrom(CompleteEnterpriseProfile());

        Assert.Equal("0987654321", draft.Mobile); // what the member typed wins
        Assert.Equal(("財團法人資訊工業策進會", "04231910", "數位轉型研究所", "工程師", "J", "63"),
            (draft.CompanyName, draft.BusinessNumber, draft.Department, draft.JobTitle, draft.IndustrySection, draft.IndustryDivision));
        Assert.Empty(ProfileRules.Validate(draft));
    }

    [Theory]
    [InlineData(ProfileField.NationalId, "A154146139", "身分證字號檢查碼錯誤，請確認是否輸入正確")]
    [InlineData(ProfileField.BusinessNumber, "12345678", "統一編號檢查碼錯誤，請確認是否輸入正確")]
    [InlineData(ProfileField.Phone, "02-6631-6666", "聯絡電話只能填數字，不含「-」或括號，例如 0266316666")]
    [InlineData(ProfileField.Mobile, "0812345678", "手機號碼應為09開頭的10位數字，例如 0912345678")]
    [InlineData(ProfileField.CompanyName, "一二三四五六七八九十一二三四五六七八九十一", "服務單位長度限制20字以內，目前為21字")]
    public void A_bad_value_gets_its_fields_message(ProfileField field, string value, string message)
    {
        var p = CompleteEnterpriseProfile();
        switch (field)
        {
            case ProfileField.NationalId: p.NationalId = value; break;
            case ProfileField.BusinessNumber: p.BusinessNumber = value; break;
            case ProfileField.Phone: p.Phone = value; break;
            case ProfileField.Mobile: p.Mobile = value; break;
            case ProfileField.CompanyName: p.CompanyName = value; break;
        }
        var error = Assert.Single(ProfileRules.Validate(p, Codes, Today));
        Assert.Equal(field, error.Field);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Identifiers_typed_with_spaces_or_full_width_digits_are_stored_in_ascii()
    {
        var p = CompleteEnterpriseProfile();
        p.NationalId = "ａ１５４ 146138";
        p.BusinessNumber = "04 595257";
        p.Phone = "０２ ６６３１ ６６６６";
        p.Extension = " １２３ ";
        p.Mobile = "0912 345 678";
        Assert.Empty(ProfileRules.Validate(p));

        ProfileRules.Normalise(p);

        Assert.Equal("A154146138", p.NationalId);
        Assert.Equal("04595257", p.BusinessNumber);
        Assert.Equal("0266316666", p.Phone);
        Assert.Equal("123", p.Extension);
        Assert.Equal("0912345678", p.Mobile);

        p.BusinessNumber = "０４５９５２５７";
        ProfileRules.Normalise(p);
        Assert.Equal("04595257", p.BusinessNumber);
    }

    [Fact]
    public void A_gender_that_disagrees_with_the_roc_ids_second_character_is_refused()
    {
        var p = CompleteEnterpriseProfile(); // A154146138: second character 1, a man
        p.Gender = "0";
        Assert.Equal("性別與身分證字號不符：身分證字號第2碼為1，表示男性，請確認性別或身分證字號是否填錯", ProfileRules.MessageFor(p, ProfileField.Gender));
        p.Gender = "1";
        Assert.Null(ProfileRules.MessageFor(p, ProfileField.Gender));
        p.NationalId = "A800000014"; // a resident certificate: not checked against 性別
        p.Gender = "0";
        Assert.Null(ProfileRules.MessageFor(p, ProfileField.Gender));
    }

    [Fact]
    public void A_birthday_under_twenty_at_the_course_start_is_flagged_as_a_possible_typo()
    {
        var start = new DateOnly(2027, 3, 10);
        Assert.Equal("依此生日，您於開課日（2027-03-10）未滿20歲，無法申請補助；若生日填錯了，請更正",
            ProfileRules.BirthdayForCourse(new DateOnly(2010, 5, 1), start));
        Assert.Null(ProfileRules.BirthdayForCourse(new DateOnly(2007, 3, 10), start));
    }

    [Fact]
    public void No_business_number_is_written_999999999()
    {
        var p = CompleteEnterpriseProfile();
        p.BusinessNumber = "999999999";
        Assert.Empty(ProfileRules.Validate(p, Codes, Today));
    }

    [Fact]
    public void A_division_must_belong_to_the_chosen_industry()
    {
        var p = CompleteEnterpriseProfile();
        p.IndustryDivision = "64"; // 金融服務業 is section K, not J
        Assert.Equal("產業別細項不屬於所選的產業別，請重新選擇", Assert.Single(ProfileRules.Validate(p, Codes, Today)).Message);
    }

    [Fact]
    public void Changing_the_industry_drops_the_old_division()
    {
        var p = CompleteEnterpriseProfile();
        p.ChangeIndustrySection("K");
        Assert.Null(p.IndustryDivision);
        Assert.Equal("請選擇產業別細項", Assert.Single(ProfileRules.Validate(p, Codes, Today)).Message);
    }

    [Theory]
    [InlineData(-1, "累計工作年資應為0至60年的整數")]
    [InlineData(61, "累計工作年資應為0至60年的整數")]
    public void Years_of_work_stay_between_0_and_60(int years, string message)
    {
        var p = CompleteEnterpriseProfile();
        p.YearsOfWork = years;
        Assert.Equal(message, Assert.Single(ProfileRules.Validate(p, Codes, Today)).Message);
    }

    [Fact]
    public void A_birthday_after_today_is_refused_and_an_unknown_code_is_named()
    {
        var p = CompleteEnterpriseProfile();
        p.Birthday = Today.AddDays(1);
        p.Residence = "77";
        var errors = ProfileRules.Validate(p, Codes, Today);
        Assert.Equal("生日不能晚於今天", errors.Single(e => e.Field == ProfileField.Birthday).Message);
        Assert.Equal("在台居住地的代碼「77」不存在，請重新選擇", errors.Single(e => e.Field == ProfileField.Residence).Message);
    }

    [Fact]
    public void Others_see_the_national_id_masked()
    {
        Assert.Equal("A1****6138", CompleteEnterpriseProfile().MaskedNationalId);
    }
}
