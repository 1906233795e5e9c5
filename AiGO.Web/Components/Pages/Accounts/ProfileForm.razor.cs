using AiGO.Domain.Accounts;
using AiGO.Domain.Common;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AiGO.Web.Components.Pages.Accounts;

public partial class ProfileForm
{
    private MudForm form = default!;
    private MudRadioGroup<string> gender = default!;
    private readonly Dictionary<ProfileField, string> serverErrors = [];

    /// <summary>The profile being edited, changed in place.</summary>
    [Parameter, EditorRequired] public MemberProfile Profile { get; set; } = default!;
    [Parameter, EditorRequired] public IReadOnlyList<CodeEntry> Codes { get; set; } = [];
    /// <summary>The login e-mail, shown read-only.</summary>
    [Parameter] public string? Email { get; set; }
    /// <summary>For anyone but the owner: the national ID shows as <c>A1****6138</c> and cannot be edited.</summary>
    [Parameter] public bool MaskNationalId { get; set; }
    /// <summary>In the wizard: the course's start date, so a birthday under 20 on that day is flagged at the field.</summary>
    [Parameter] public DateOnly? CourseStart { get; set; }
    /// <summary>Raised after any field changes (the wizard saves its draft on it).</summary>
    [Parameter] public EventCallback Changed { get; set; }

    /// <summary>The 身分別-dependent text fields of SPEC §4.2, in the manual's order.</summary>
    private static readonly (ProfileField Field, string Label)[] DependentTextFields =
    [
        (ProfileField.BusinessNumber, "統一編號(若無請填999999999)"),
        (ProfileField.CompanyName, "服務單位(請寫公司全名)"),
        (ProfileField.Department, "服務部門"),
        (ProfileField.JobTitle, "職稱"),
        (ProfileField.JobContent, "工作內容"),
        (ProfileField.School, "就學學校"),
        (ProfileField.Major, "就學科系"),
    ];

    private DateTime? Birthday => Profile.Birthday?.ToDateTime(TimeOnly.MinValue);

    /// <summary>Validates every shown field and shows the messages next to them; true when all pass.</summary>
    private async Task OnFieldChangedAsync(MudBlazor.Utilities.FormFieldChangedEventArgs e)
    {
        serverErrors.Clear();
        // 性別 is judged against the national ID: typing either one re-checks it.
        if (Profile.Gender is not null && !ReferenceEquals(e.Field, gender)) await gender.ValidateAsync();
        await Changed.InvokeAsync();
    }

    public async Task<bool> ValidateAsync()
    {
        await form.ValidateAsync();
        return form.IsValid;
    }

    /// <summary>Shows what the server found (e.g. a national ID already used) next to the fields.</summary>
    public async Task ShowServerErrorsAsync(IEnumerable<ProfileFieldError> errors)
    {
        serverErrors.Clear();
        foreach (var e in errors) serverErrors[e.Field] = e.Message;
        await form.ValidateAsync();
        serverErrors.Clear();
    }

    /// <summary>The field's rule, judged on the value being entered (applied to a copy of the profile).</summary>
    private Func<T, string?> Rule<T>(ProfileField field) => value =>
    {
        if (serverErrors.TryGetValue(field, out var server)) return server;
        var probe = Profile.Clone();
        Apply(probe, field, value);
        return ProfileRules.MessageFor(probe, field, Codes)
            ?? (field == ProfileField.Birthday && CourseStart is { } start ? ProfileRules.BirthdayForCourse(probe.Birthday, start) : null);
    };

    private static void Apply(MemberProfile p, ProfileField field, object? value)
    {
        var text = value as string;
        switch (field)
        {
            case ProfileField.Name: p.Name = text; break;
            case ProfileField.NationalId: p.NationalId = text; break;
            case ProfileField.Birthday: p.Birthday = value is DateTime d ? DateOnly.FromDateTime(d) : null; break;
            case ProfileField.IdentityType: p.ChangeIdentityType((IdentityType?)value); break;
            case ProfileField.Gender: p.Gender = text; break;
            case ProfileField.Phone: p.Phone = text; break;
            case ProfileField.Extension: p.Extension = text; break;
            case ProfileField.Mobile: p.Mobile = text; break;
            case ProfileField.YearsOfWork: p.YearsOfWork = (int?)value; break;
            case ProfileField.Residence: p.Residence = text; break;
            case ProfileField.BusinessNumber: p.BusinessNumber = text; break;
            case ProfileField.CompanyName: p.CompanyName = text; break;
            case ProfileField.Department: p.Department = text; break;
            case ProfileField.JobTitle: p.JobTitle = text; break;
            case ProfileField.JobContent: p.JobContent = text; break;
            case ProfileField.School: p.School = text; break;
            case ProfileField.Major: p.Major = text; break;
            case ProfileField.JobLevel: p.JobLevel = text; break;
            case ProfileField.SpecialIdentity: p.SpecialIdentity = text; break;
            case ProfileField.Education: p.Education = text; break;
            case ProfileField.UnitSize: p.UnitSize = text; break;
            case ProfileField.IndustrySection: p.ChangeIndustrySection(text); break;
            case ProfileField.IndustryDivision: p.IndustryDivision = text; break;
            case ProfileField.Motivation: p.Motivation = text; break;
        }
    }

    /// <summary>The rule's own message for an empty value, so "required" reads the same as every other rule.</summary>
    private string? Required(ProfileField field) => ProfileRules.MessageFor(EmptyOfSameType(), field);

    private MemberProfile EmptyOfSameType()
    {
        var p = new MemberProfile();
        p.ChangeIdentityType(Profile.IdentityType);
        return p;
    }

    private string IdentityName(IdentityType? type) => type is null ? "" :
        Codes.FirstOrDefault(c => c.Table == CodeTableKind.IdentityType && c.Code == ((int)type).ToString(System.Globalization.CultureInfo.InvariantCulture))?.Name ?? type.ToString()!;
}
