using AiGO.Domain.Common;

namespace AiGO.Domain.Accounts;

/// <summary>身分別 — the member's situation; it decides which fields of the basic data apply (SPEC §4.2).</summary>
public enum IdentityType
{
    /// <summary>企業</summary>
    Enterprise = 1,
    /// <summary>個人工作者</summary>
    Freelancer = 2,
    /// <summary>學生</summary>
    Student = 3,
    /// <summary>待業者</summary>
    Unemployed = 4,
}

public static class IdentityTypes
{
    /// <summary>身分別 in the manual's words (the code table 身分別 is fixed by the rules).</summary>
    public static string Label(this IdentityType type) => type switch
    {
        IdentityType.Enterprise => "企業",
        IdentityType.Freelancer => "個人工作者",
        IdentityType.Student => "學生",
        IdentityType.Unemployed => "待業者",
        _ => type.ToString(),
    };
}

/// <summary>
/// 基本資料 — a member's basic data (SPEC §4.1–4.2), one row per account. The profile page, the subsidy wizard
/// and the Excel import edit the same object and check it with <see cref="ProfileRules"/>.
/// </summary>
public class MemberProfile
{
    public string UserId { get; set; } = "";

    /// <summary>姓名</summary>
    public string? Name { get; set; }

    /// <summary>身分證字號 in clear text: never stored; the store encrypts it into <see cref="NationalIdCipher"/>.</summary>
    public string? NationalId { get; set; }
    public string? NationalIdCipher { get; set; }
    /// <summary>Keyed hash of the normalised number, to find duplicates without decrypting.</summary>
    public string? NationalIdHash { get; set; }
    /// <summary>The masked number (<c>A1****6138</c>), stored so staff lists can show it and search by it without decrypting.</summary>
    public string? NationalIdMasked { get; set; }

    /// <summary>生日</summary>
    public DateOnly? Birthday { get; set; }
    /// <summary>身分別</summary>
    [System.Text.Json.Serialization.JsonInclude]
    public IdentityType? IdentityType { get; private set; }
    /// <summary>性別, code table 性別 (1 男, 0 女).</summary>
    public string? Gender { get; set; }
    /// <summary>聯絡電話</summary>
    public string? Phone { get; set; }
    /// <summary>分機</summary>
    public string? Extension { get; set; }
    /// <summary>手機</summary>
    public string? Mobile { get; set; }
    /// <summary>累計工作年資(年)</summary>
    public int? YearsOfWork { get; set; }
    /// <summary>在台居住地 (code)</summary>
    public string? Residence { get; set; }
    /// <summary>職級 (code)</summary>
    public string? JobLevel { get; set; }
    /// <summary>特殊身份 (code)</summary>
    public string? SpecialIdentity { get; set; }
    /// <summary>最高學歷 (code)</summary>
    public string? Education { get; set; }
    /// <summary>服務單位規模 (code)</summary>
    public string? UnitSize { get; set; }
    /// <summary>產業別: a section letter.</summary>
    [System.Text.Json.Serialization.JsonInclude]
    public string? IndustrySection { get; private set; }
    /// <summary>產業別細項: a division of <see cref="IndustrySection"/>.</summary>
    public string? IndustryDivision { get; set; }
    /// <summary>您的參加培訓的動機為 (code)</summary>
    public string? Motivation { get; set; }

    /// <summary>統一編號 (若無請填999999999)</summary>
    public string? BusinessNumber { get; set; }
    /// <summary>服務單位(請寫公司全名)</summary>
    public string? CompanyName { get; set; }
    /// <summary>服務部門</summary>
    public string? Department { get; set; }
    /// <summary>職稱</summary>
    public string? JobTitle { get; set; }
    /// <summary>工作內容</summary>
    public string? JobContent { get; set; }
    /// <summary>就學學校</summary>
    public string? School { get; set; }
    /// <summary>就學科系</summary>
    public string? Major { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// Switching 身分別 only hides the fields the new type does not use: their values stay in the form, so switching
    /// back finds them again. What is stored drops them (<see cref="ClearHiddenFields"/>).
    /// </summary>
    public void ChangeIdentityType(IdentityType? type) => IdentityType = type;

    /// <summary>Values of hidden fields are not submitted (SPEC §4.2): called on the copy that is stored.</summary>
    public void ClearHiddenFields()
    {
        foreach (var field in ProfileRules.DependentFields)
        {
            if (!ProfileRules.IsShown(field, IdentityType)) Clear(field);
        }
    }

    /// <summary>
    /// Fills every field this (a saved wizard draft) left empty from <paramref name="saved"/> (帳號管理's data), so a
    /// draft never blanks what the profile holds.
    /// </summary>
    public void FillBlanksFrom(MemberProfile saved)
    {
        static string? Keep(string? mine, string? theirs) => string.IsNullOrWhiteSpace(mine) ? theirs : mine;
        Name = Keep(Name, saved.Name); NationalId = Keep(NationalId, saved.NationalId); Birthday ??= saved.Birthday;
        IdentityType ??= saved.IdentityType; Gender = Keep(Gender, saved.Gender); Phone = Keep(Phone, saved.Phone);
        Extension = Keep(Extension, saved.Extension); Mobile = Keep(Mobile, saved.Mobile); YearsOfWork ??= saved.YearsOfWork;
        Residence = Keep(Residence, saved.Residence); JobLevel = Keep(JobLevel, saved.JobLevel);
        SpecialIdentity = Keep(SpecialIdentity, saved.SpecialIdentity); Education = Keep(Education, saved.Education);
        UnitSize = Keep(UnitSize, saved.UnitSize); Motivation = Keep(Motivation, saved.Motivation);
        if (string.IsNullOrWhiteSpace(IndustrySection)) { IndustrySection = saved.IndustrySection; IndustryDivision = Keep(IndustryDivision, saved.IndustryDivision); }
        else if (IndustrySection == saved.IndustrySection) IndustryDivision = Keep(IndustryDivision, saved.IndustryDivision);
        BusinessNumber = Keep(BusinessNumber, saved.BusinessNumber); CompanyName = Keep(CompanyName, saved.CompanyName);
        Department = Keep(Department, saved.Department); JobTitle = Keep(JobTitle, saved.JobTitle);
        JobContent = Keep(JobContent, saved.JobContent); School = Keep(School, saved.School); Major = Keep(Major, saved.Major);
    }

    /// <summary>Choosing another 產業別 drops a 細項 that belongs to the previous one.</summary>
    public void ChangeIndustrySection(string? section)
    {
        if (section != IndustrySection) IndustryDivision = null;
        IndustrySection = section;
    }

    /// <summary>Copies every field the member edits (not the key nor the stored cipher).</summary>
    public void CopyFrom(MemberProfile other)
    {
        Name = other.Name; NationalId = other.NationalId; Birthday = other.Birthday; IdentityType = other.IdentityType;
        Gender = other.Gender; Phone = other.Phone; Extension = other.Extension; Mobile = other.Mobile;
        YearsOfWork = other.YearsOfWork; Residence = other.Residence; JobLevel = other.JobLevel;
        SpecialIdentity = other.SpecialIdentity; Education = other.Education; UnitSize = other.UnitSize;
        IndustrySection = other.IndustrySection; IndustryDivision = other.IndustryDivision; Motivation = other.Motivation;
        BusinessNumber = other.BusinessNumber; CompanyName = other.CompanyName; Department = other.Department;
        JobTitle = other.JobTitle; JobContent = other.JobContent; School = other.School; Major = other.Major;
    }

    public MemberProfile Clone()
    {
        var copy = new MemberProfile { UserId = UserId, NationalIdCipher = NationalIdCipher, NationalIdHash = NationalIdHash, NationalIdMasked = NationalIdMasked, UpdatedAt = UpdatedAt };
        copy.CopyFrom(this);
        return copy;
    }

    /// <summary>
    /// A deleted account with paid subsidies keeps only what the subsidy voucher (領據) and its audit need: 姓名,
    /// 身分證字號 (encrypted), 生日, 身分別 and 特殊身份 (they decided the rate). Contact data, work and school details and
    /// the survey fields go.
    /// </summary>
    public void KeepOnlySubsidyRecord()
    {
        var kept = (Name, NationalIdCipher, NationalIdHash, NationalIdMasked, Birthday, IdentityType, SpecialIdentity);
        CopyFrom(new MemberProfile());
        (Name, NationalIdCipher, NationalIdHash, NationalIdMasked, Birthday, IdentityType, SpecialIdentity) = kept;
    }

    /// <summary>The national ID for someone who is not the owner: <c>A1****6138</c>.</summary>
    public string? MaskedNationalId =>
        Common.NationalId.Parse(NationalId) is { IsValid: true, Value: { } id } ? id.Masked : null;

    private void Clear(ProfileField field)
    {
        switch (field)
        {
            case ProfileField.BusinessNumber: BusinessNumber = null; break;
            case ProfileField.CompanyName: CompanyName = null; break;
            case ProfileField.Department: Department = null; break;
            case ProfileField.JobTitle: JobTitle = null; break;
            case ProfileField.JobContent: JobContent = null; break;
            case ProfileField.School: School = null; break;
            case ProfileField.Major: Major = null; break;
            case ProfileField.JobLevel: JobLevel = null; break;
            case ProfileField.UnitSize: UnitSize = null; break;
            case ProfileField.IndustrySection: IndustrySection = null; IndustryDivision = null; break;
            case ProfileField.IndustryDivision: IndustryDivision = null; break;
        }
    }
}
