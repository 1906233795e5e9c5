using AiGO.Domain.Accounts;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Office;
using AiGO.Tests.Applications;
using AiGO.Tests.Infrastructure;
using AiGO.Web.Accounts;
using AiGO.Web.Components.Pages.Accounts;
using AiGO.Web.Hosting;
using AiGO.Web.Live;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;

namespace AiGO.Tests.Office;

/// <summary>代碼維護 (SPEC §10, §12): rename, add, retire and delete codes, as the forms and the records see it.</summary>
public class EditCodesTests : BunitContext, IAsyncLifetime
{
    public EditCodesTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    private static async Task<ApplicationsKit> KitAsync(DatabaseProvider provider)
    {
        var kit = await ApplicationsKit.CreateAsync(provider);
        await using var db = kit.Db();
        await DatabaseInitializer.SeedCodeTablesAsync(db);
        return kit;
    }

    private static async Task<CodeEntry> CodeAsync(ApplicationsKit kit, CodeTableKind table, string code)
    {
        await using var db = kit.Db();
        return await db.Codes.AsNoTracking().SingleAsync(c => c.Table == table && c.Code == code);
    }

    /// <summary>A member whose basic data holds 在台居住地 <paramref name="residence"/>.</summary>
    private static async Task<AppUser> LivingInAsync(ApplicationsKit kit, string residence)
    {
        var member = await kit.MemberAsync();
        await using var db = kit.Db();
        var profile = await db.MemberProfiles.SingleAsync(p => p.UserId == member.Id);
        profile.Residence = residence;
        await db.SaveChangesAsync();
        return member;
    }

    [Fact]
    public async Task A_retired_code_is_no_longer_offered_but_a_profile_that_holds_it_still_shows_its_name()
    {
        await using var kit = await KitAsync(DatabaseProvider.Sqlite);
        var overseas = await CodeAsync(kit, CodeTableKind.Residence, "99");

        Assert.True((await kit.Get<EditCodes>().RetireAsync(TestData.Office, overseas.Id)).Succeeded);

        // The wizard and 帳號管理 both read the codes through the code book and offer them through this form.
        var codes = await new CodeBook(new TestDbFactory(kit.Database)).LoadAsync();
        var abroad = new MemberProfile { Residence = "99" };
        var stayer = new MemberProfile { Residence = "01" };
        Render<MudPopoverProvider>();
        foreach (var (profile, shown) in new[] { (abroad, "海外"), (stayer, "臺北市") })
        {
            var form = Render<ProfileForm>(p => p.Add(f => f.Profile, profile).Add(f => f.Codes, codes));
            var residence = form.FindComponents<CodeSelect>().Single(c => c.Instance.Label == "在台居住地");
            var offered = residence.FindComponents<MudSelectItem<string>>().Select(i => i.Instance.Value).ToList();
            Assert.DoesNotContain("99", offered);
            Assert.Contains("01", offered);
            Assert.Contains(shown, residence.FindAll("input").Select(i => i.GetAttribute("value")));
        }
        // The profile rules still accept the member's stored choice: retiring a code does not lock anyone out.
        Assert.Null(ProfileRules.MessageFor(abroad, ProfileField.Residence, codes));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Deleting_a_code_in_use_is_refused_with_how_many_use_it_and_nothing_changes(DatabaseProvider provider)
    {
        await using var kit = await KitAsync(provider);
        await LivingInAsync(kit, "20");
        var course = await kit.CourseAsync("澎湖AI實作", kit.Today.AddDays(30));
        await using (var setup = kit.Db())
        {
            (await setup.Courses.SingleAsync(c => c.Id == course.Id)).City = "澎湖縣"; // a course stores its city by name
            await setup.SaveChangesAsync();
        }
        var penghu = await CodeAsync(kit, CodeTableKind.Residence, "20");

        var outcome = await kit.Get<EditCodes>().DeleteAsync(TestData.Office, penghu.Id);

        Assert.Equal(OutcomeKind.Conflict, outcome.Kind);
        Assert.Contains("已有 2 筆資料使用", outcome.Message);
        Assert.Contains("停用", outcome.Message);
        await using var db = kit.Db();
        Assert.True(await db.Codes.AnyAsync(c => c.Id == penghu.Id && !c.IsRetired));
        Assert.Equal(0, await db.AuditLog.CountAsync());
        Assert.DoesNotContain(kit.Notifier.Changes, c => c.CodeTables);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_code_no_record_uses_is_added_then_deleted_and_both_are_audited(DatabaseProvider provider)
    {
        await using var kit = await KitAsync(provider);
        var edit = kit.Get<EditCodes>();

        Assert.True((await edit.AddAsync(TestData.Office, CodeTableKind.Motivation, "7", "主管指派")).Succeeded);
        var added = await CodeAsync(kit, CodeTableKind.Motivation, "7");
        Assert.Equal("主管指派", added.Name);
        Assert.True((await edit.DeleteAsync(TestData.Office, added.Id)).Succeeded);

        await using var db = kit.Db();
        Assert.False(await db.Codes.AnyAsync(c => c.Id == added.Id));
        Assert.Equal([EditCodes.AddAction, EditCodes.DeleteAction], await db.AuditLog.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(2, kit.Notifier.Changes.Count(c => c.CodeTables));
    }

    [Theory]
    [InlineData(CodeTableKind.Residence, "7", "代碼須為兩位數字")]
    [InlineData(CodeTableKind.IndustrySection, "t", "代碼須為一個大寫英文字母")]
    [InlineData(CodeTableKind.JobLevel, "1", "已有代碼「1」")]
    public async Task A_new_code_must_have_its_tables_shape_and_be_unique_in_its_table(CodeTableKind table, string code, string message)
    {
        await using var kit = await KitAsync(DatabaseProvider.Sqlite);
        var outcome = await kit.Get<EditCodes>().AddAsync(TestData.Office, table, code, "新選項");
        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Contains(message, outcome.Message);
    }

    [Fact]
    public async Task Identity_types_are_fixed_by_the_rules_and_gender_codes_can_only_be_renamed()
    {
        await using var kit = await KitAsync(DatabaseProvider.Sqlite);
        var edit = kit.Get<EditCodes>();
        var enterprise = await CodeAsync(kit, CodeTableKind.IdentityType, "1");
        var male = await CodeAsync(kit, CodeTableKind.Gender, "1");

        Assert.Equal(OutcomeKind.Conflict, (await edit.RenameAsync(TestData.Office, enterprise.Id, "公司")).Kind);
        Assert.Equal(OutcomeKind.Conflict, (await edit.RetireAsync(TestData.Office, male.Id)).Kind);
        Assert.Equal(OutcomeKind.Conflict, (await edit.AddAsync(TestData.Office, CodeTableKind.IdentityType, "5", "退休")).Kind);
        Assert.True((await edit.RenameAsync(TestData.Office, male.Id, "男性")).Succeeded);
    }

    [Fact]
    public async Task A_renamed_code_reaches_an_open_reader_without_a_restart()
    {
        var live = new LiveUpdates(NullLogger<LiveUpdates>.Instance);
        await using var kit = await KitAsync(DatabaseProvider.Sqlite);
        var services = TestServices.Build(kit.Database, kit.Clock, live);
        var codes = new CodeBook(new TestDbFactory(kit.Database));
        var taipei = await CodeAsync(kit, CodeTableKind.Residence, "01");

        // An open form: it has read its choices once and reads them again when it hears of a code change.
        var shown = (await codes.LoadAsync()).Single(c => c.Id == taipei.Id).Name;
        var reread = new TaskCompletionSource();
        using var _ = live.Subscribe(LiveTopic.CodeTables, async _ =>
        {
            shown = (await codes.LoadAsync()).Single(c => c.Id == taipei.Id).Name;
            reread.TrySetResult();
        });

        Assert.True((await services.GetRequiredService<EditCodes>().RenameAsync(TestData.Office, taipei.Id, "台北市")).Succeeded);
        await reread.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("台北市", shown);
        await using var db = kit.Db();
        var audit = await db.AuditLog.SingleAsync();
        Assert.Equal((EditCodes.UpdateAction, "在台居住地 01：名稱「臺北市」改為「台北市」"), (audit.Action, audit.Details));
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services dispose only asynchronously.
    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();
}
