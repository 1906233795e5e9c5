using AiGO.Domain.Accounts;
using AiGO.Domain.Common;
using AiGO.Web.Components.Pages.Accounts;
using Bunit;
using MudBlazor;
using MudBlazor.Services;

namespace AiGO.Tests.Accounts;

public class ProfileFormTests : BunitContext, IAsyncLifetime
{
    private static readonly IReadOnlyList<CodeEntry> Codes = CodeTableSeed.All
        .Select((s, i) => new CodeEntry { Id = i + 1, Table = s.Table, Code = s.Code, Name = s.Name, ParentCode = s.ParentCode, SortOrder = i })
        .ToList();

    /// <summary>The labels of SPEC §4.2's 身分別-dependent fields.</summary>
    private static readonly string[] DependentLabels =
        ["統一編號(若無請填999999999)", "服務單位(請寫公司全名)", "服務部門", "職稱", "工作內容", "就學學校", "就學科系", "職級", "服務單位規模", "產業別", "產業別細項"];

    public ProfileFormTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Theory]
    [InlineData(IdentityType.Enterprise, new[] { "統一編號(若無請填999999999)", "服務單位(請寫公司全名)", "服務部門", "職稱", "職級", "服務單位規模", "產業別", "產業別細項" })]
    [InlineData(IdentityType.Freelancer, new[] { "工作內容", "產業別", "產業別細項" })]
    [InlineData(IdentityType.Student, new[] { "就學學校", "就學科系" })]
    [InlineData(IdentityType.Unemployed, new string[0])]
    public void Each_identity_type_shows_exactly_its_fields(IdentityType type, string[] expected)
    {
        var profile = new MemberProfile();
        profile.ChangeIdentityType(type);
        Render<MudPopoverProvider>();
        var form = Render<ProfileForm>(p => p.Add(f => f.Profile, profile).Add(f => f.Codes, Codes).Add(f => f.Email, "a@example.tw"));

        var shown = Labels(form).Intersect(DependentLabels).OrderBy(l => l);
        Assert.Equal(expected.OrderBy(l => l), shown);
        foreach (var always in new[] { "姓名", "身分證字號", "生日", "E-mail", "身分別", "在台居住地", "特殊身份", "最高學歷", "您的參加培訓的動機為" })
            Assert.Contains(always, Labels(form));
    }

    [Fact]
    public async Task Switching_identity_type_hides_the_company_fields_and_switching_back_finds_them_filled()
    {
        var profile = ProfileRulesTests.CompleteEnterpriseProfile();
        Render<MudPopoverProvider>();
        var form = Render<ProfileForm>(p => p.Add(f => f.Profile, profile).Add(f => f.Codes, Codes));
        Assert.Contains("服務單位(請寫公司全名)", Labels(form));

        var identity = form.FindComponent<MudSelect<IdentityType?>>();
        await form.InvokeAsync(() => identity.Instance.ValueChanged.InvokeAsync(IdentityType.Freelancer));
        await form.InvokeAsync(() => identity.Instance.ValueChanged.InvokeAsync(IdentityType.Student));

        Assert.DoesNotContain("服務單位(請寫公司全名)", Labels(form));
        Assert.DoesNotContain("產業別", Labels(form));
        Assert.Contains("就學學校", Labels(form));

        await form.InvokeAsync(() => identity.Instance.ValueChanged.InvokeAsync(IdentityType.Enterprise));
        Assert.Equal("財團法人資訊工業策進會", form.Find("#pf-CompanyName").GetAttribute("value"));
        Assert.Equal("04231910", form.Find("#pf-BusinessNumber").GetAttribute("value"));
        Assert.Equal(("工程師", "1", "5", "J", "63"), (profile.JobTitle, profile.JobLevel, profile.UnitSize, profile.IndustrySection, profile.IndustryDivision));
        Assert.Equal("陳志堅", profile.Name);
    }

    [Fact]
    public async Task Divisions_offered_are_those_of_the_chosen_industry_and_a_new_industry_clears_the_division()
    {
        var profile = ProfileRulesTests.CompleteEnterpriseProfile();
        Render<MudPopoverProvider>();
        var form = Render<ProfileForm>(p => p.Add(f => f.Profile, profile).Add(f => f.Codes, Codes));

        var division = form.FindComponents<CodeSelect>().Single(c => c.Instance.Label == "產業別細項");
        var offered = division.FindComponents<MudSelectItem<string>>().Select(i => i.Instance.Value).ToList();
        Assert.Equal(["58", "59", "60", "61", "62", "63"], offered);

        var section = form.FindComponents<CodeSelect>().Single(c => c.Instance.Label == "產業別");
        await form.InvokeAsync(() => section.Instance.ValueChanged.InvokeAsync("K"));
        Assert.Equal("K", profile.IndustrySection);
        Assert.Null(profile.IndustryDivision);
    }

    [Fact]
    public async Task Validating_shows_the_rules_chinese_message_next_to_the_field()
    {
        var profile = ProfileRulesTests.CompleteEnterpriseProfile();
        profile.Mobile = "0812345678";
        Render<MudPopoverProvider>();
        var form = Render<ProfileForm>(p => p.Add(f => f.Profile, profile).Add(f => f.Codes, Codes));

        var valid = await form.InvokeAsync(() => form.Instance.ValidateAsync());

        Assert.False(valid);
        Assert.Contains("手機號碼應為09開頭的10位數字，例如 0912345678", form.Markup);
    }

    [Theory]
    [InlineData("99")]
    [InlineData("-1")]
    public async Task Years_of_work_out_of_range_is_refused_at_the_field_and_kept_as_typed(string typed)
    {
        var profile = ProfileRulesTests.CompleteEnterpriseProfile();
        Render<MudPopoverProvider>();
        var form = Render<ProfileForm>(p => p.Add(f => f.Profile, profile).Add(f => f.Codes, Codes));

        form.Find("#pf-years").Input(typed);
        form.Find("#pf-years").Blur();

        Assert.Equal(int.Parse(typed), profile.YearsOfWork);
        Assert.Equal(typed, form.Find("#pf-years").GetAttribute("value"));
        Assert.False(await form.InvokeAsync(() => form.Instance.ValidateAsync()));
        Assert.Contains("累計工作年資應為0至60年的整數", form.Markup);
    }

    [Fact]
    public async Task Typing_a_womans_id_while_male_is_chosen_flags_the_gender_at_once()
    {
        var profile = ProfileRulesTests.CompleteEnterpriseProfile(); // 性別 男
        Render<MudPopoverProvider>();
        var form = Render<ProfileForm>(p => p.Add(f => f.Profile, profile).Add(f => f.Codes, Codes));

        await form.InvokeAsync(() => form.Find("#pf-nid").Input("B223456782"));

        form.WaitForAssertion(() => Assert.Contains("性別與身分證字號不符：身分證字號第2碼為2，表示女性", form.Markup));
    }

    [Fact]
    public async Task In_the_wizard_a_birthday_under_twenty_at_the_course_start_is_said_at_the_field()
    {
        var profile = ProfileRulesTests.CompleteEnterpriseProfile();
        profile.Birthday = new DateOnly(2010, 5, 1);
        Render<MudPopoverProvider>();
        var form = Render<ProfileForm>(p => p.Add(f => f.Profile, profile).Add(f => f.Codes, Codes).Add(f => f.CourseStart, new DateOnly(2027, 3, 10)));

        Assert.False(await form.InvokeAsync(() => form.Instance.ValidateAsync()));
        Assert.Contains("依此生日，您於開課日（2027-03-10）未滿20歲，無法申請補助；若生日填錯了，請更正", form.Markup);
    }

    [Fact]
    public void Anyone_but_the_owner_sees_the_national_id_masked()
    {
        var profile = ProfileRulesTests.CompleteEnterpriseProfile();
        Render<MudPopoverProvider>();
        var form = Render<ProfileForm>(p => p.Add(f => f.Profile, profile).Add(f => f.Codes, Codes).Add(f => f.MaskNationalId, true));

        Assert.Equal("A1****6138", form.Find("#pf-nid").GetAttribute("value"));
        Assert.DoesNotContain("A154146138", form.Markup);
    }

    private static List<string> Labels(IRenderedComponent<ProfileForm> form) =>
        form.FindAll("label").Select(l => l.TextContent.Replace("*", "").Trim()).ToList();

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();
}
