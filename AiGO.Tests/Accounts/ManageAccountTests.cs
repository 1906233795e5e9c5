using System.Text;
using AiGO.Domain.Accounts;
using AiGO.Tests.Infrastructure;
using AiGO.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiGO.Tests.Accounts;

[Collection(AppCollection.Name)]
public class ManageAccountTests(AppFixture app, BrowserFixture browser)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    [Fact]
    public async Task A_member_sees_basic_data_and_credits_and_a_disguised_upload_is_refused_next_to_the_field()
    {
        var email = AccountTestData.UniqueEmail("manage");
        await AccountTestData.CreateMemberAsync(app, email, "王大同", confirmed: false);
        var page = await browser.NewPageAsync(app.BaseUrl);
        await AccountTestData.SignInAsync(page, email, AccountTestData.Password);
        await page.Locator("main[data-interactive='True']").WaitForAsync();

        await page.GotoInteractiveAsync("Account/Manage");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "帳號管理", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("尚未驗證")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "基本資料" })).ToBeVisibleAsync();
        await Expect(page.Locator("#pf-name")).ToHaveValueAsync("王大同");
        await Expect(page.GetByTestId("verified-points")).ToHaveTextAsync("已通過學習積分：0 分");
        await page.ScreenshotAsync("accounts-09-manage");
        await page.AssertNoSeriousViolationsAsync();

        // Saving an incomplete profile keeps the input and says what to fix, next to the field.
        await page.Locator("#pf-mobile").FillAsync("0812345678");
        await page.GetByRole(AriaRole.Button, new() { Name = "儲存基本資料" }).ClickAsync();
        await Expect(page.GetByText("尚有欄位需要修正")).ToBeVisibleAsync();
        await Expect(page.GetByText("手機號碼應為09開頭的10位數字，例如 0912345678")).ToBeVisibleAsync();
        await Expect(page.Locator("#pf-mobile")).ToHaveValueAsync("0812345678");

        // A text file named .pdf: refused by its content
        await page.Locator("#credit-title").FillAsync("偽裝的證明");
        await page.Locator("#credit-file").SetInputFilesAsync(new FilePayload { Name = "proof.pdf", MimeType = "application/pdf", Buffer = Encoding.UTF8.GetBytes("this is not a pdf") });
        await page.GetByRole(AriaRole.Button, new() { Name = "上傳" }).ClickAsync();
        await Expect(page.GetByText("檔案格式不符：僅接受 PDF、JPG 或 PNG 檔案")).ToBeVisibleAsync();
        await Expect(page.Locator("#credit-file")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#credit-title")).ToHaveValueAsync("偽裝的證明");
        await page.ScreenshotAsync("accounts-10-upload-refused");

        // Over 5 MB: refused before anything is sent
        var big = new byte[6 * 1024 * 1024];
        "%PDF-1.7"u8.CopyTo(big);
        await page.Locator("#credit-file").SetInputFilesAsync(new FilePayload { Name = "big.pdf", MimeType = "application/pdf", Buffer = big });
        await page.GetByRole(AriaRole.Button, new() { Name = "上傳" }).ClickAsync();
        await Expect(page.GetByText("檔案過大：上限為5MB，此檔案為6.0MB")).ToBeVisibleAsync();

        // A real PNG goes through and waits for review
        await page.Locator("#credit-file").SetInputFilesAsync(new FilePayload { Name = "證書.png", MimeType = "image/png", Buffer = Png });
        await page.GetByRole(AriaRole.Button, new() { Name = "上傳" }).ClickAsync();
        await Expect(page.GetByText("已送出，待計畫辦公室審核")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "待審核" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("verified-points")).ToHaveTextAsync("已通過學習積分：0 分");
        await page.ScreenshotAsync("accounts-11-credit-pending");
    }

    [Fact]
    public async Task A_student_fills_the_basic_data_in_the_browser_and_finds_it_saved()
    {
        var email = AccountTestData.UniqueEmail("student");
        await AccountTestData.CreateMemberAsync(app, email, "李小華");
        var nationalId = AccountTestData.NewNationalId();
        var page = await browser.NewPageAsync(app.BaseUrl);
        await AccountTestData.SignInAsync(page, email, AccountTestData.Password);
        await page.Locator("main[data-interactive='True']").WaitForAsync();
        await page.GotoInteractiveAsync("Account/Manage");

        await page.Locator("#pf-nid").FillAsync(nationalId);
        var birthday = page.GetByLabel("生日");
        await birthday.FillAsync("2003/05/09");
        await birthday.PressAsync("Enter");
        await ChooseAsync(page, "身分別", "學生");
        await Expect(page.GetByLabel("服務單位(請寫公司全名)")).ToHaveCountAsync(0);
        await page.GetByLabel("就學學校").FillAsync("國立臺灣大學");
        await page.GetByLabel("就學科系").FillAsync("資訊工程學系");
        await page.GetByRole(AriaRole.Radio, new() { Name = "男" }).CheckAsync(); // the ID's 2nd character is 1
        await page.Locator("#pf-phone").FillAsync("0223456789");
        await page.Locator("#pf-mobile").FillAsync("0987654321");
        await page.Locator("#pf-years").FillAsync("0");
        await ChooseAsync(page, "在台居住地", "臺北市");
        await ChooseAsync(page, "特殊身份", "無");
        await ChooseAsync(page, "最高學歷", "大學");
        await ChooseAsync(page, "您的參加培訓的動機為", "未來工作需要");
        await page.GetByRole(AriaRole.Button, new() { Name = "儲存基本資料" }).ClickAsync();
        await Expect(page.GetByText("基本資料已儲存")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.ScreenshotAsync("accounts-13-profile-saved");

        await page.GotoInteractiveAsync("Account/Manage");
        await Expect(page.Locator("#pf-nid")).ToHaveValueAsync(nationalId);
        await Expect(page.GetByLabel("就學學校")).ToHaveValueAsync("國立臺灣大學");
        await using var db = app.CreateDbContext();
        var saved = await db.MemberProfiles.AsNoTracking().SingleAsync(p => p.UserId == db.Users.Single(u => u.Email == email).Id);
        Assert.Equal(IdentityType.Student, saved.IdentityType);
        Assert.Equal(new DateOnly(2003, 5, 9), saved.Birthday);
        Assert.Equal("1", saved.Gender);
        Assert.Null(saved.CompanyName);
    }

    [Fact]
    public async Task The_demo_trainee_downloads_a_copy_of_their_own_data()
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await AccountTestData.SignInAsync(page, "trainee@aigo.example.tw", "AiGO-demo-2026");
        await page.Locator("main[data-interactive='True']").WaitForAsync();
        await page.GotoAsync("Account/Manage/PersonalData");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "行使個資權利" })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "下載我的資料（JSON）" }).ClickAsync());
        var json = await File.ReadAllTextAsync((await download.PathAsync())!);

        Assert.Contains("\"身分證字號\": \"A154146138\"", json);
        Assert.Contains("\"姓名\": \"陳志堅\"", json);
        Assert.Contains("\"狀態\": \"已通過\"", json);
    }

    private static async Task ChooseAsync(IPage page, string label, string option)
    {
        await page.GetByRole(AriaRole.Combobox, new() { Name = label }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_demo_trainee_has_complete_basic_data_and_two_verified_points()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = app.CreateDbContext();
        var trainee = await db.Users.SingleAsync(u => u.Email == "trainee@aigo.example.tw");
        var account = await scope.ServiceProvider.GetRequiredService<EditProfile>().LoadAsync(AccountTestData.PrincipalOf(trainee));
        var credits = await scope.ServiceProvider.GetRequiredService<MyLearningCredits>().ListAsync(AccountTestData.PrincipalOf(trainee));
        var codes = await scope.ServiceProvider.GetRequiredService<CodeBook>().LoadAsync();

        Assert.Empty(ProfileRules.Validate(account.Profile, codes));
        Assert.True(account.EmailConfirmed);
        Assert.Equal("A154146138", account.Profile.NationalId);
        Assert.True(credits.VerifiedPoints >= 2);
    }

    [Fact]
    public async Task The_national_id_is_stored_encrypted_with_a_hash_and_a_second_account_cannot_reuse_it()
    {
        var owner = await AccountTestData.CreateMemberAsync(app, AccountTestData.UniqueEmail("nid"));
        var other = await AccountTestData.CreateMemberAsync(app, AccountTestData.UniqueEmail("nid2"));
        var profile = ProfileRulesTests.CompleteEnterpriseProfile();
        profile.NationalId = AccountTestData.NewNationalId().ToLowerInvariant(); // typed in lower case
        await using var scope = app.Services.CreateAsyncScope();
        var edit = scope.ServiceProvider.GetRequiredService<EditProfile>();

        Assert.Empty(await edit.SaveAsync(AccountTestData.PrincipalOf(owner), profile));

        await using (var db = app.CreateDbContext())
        {
            var row = await db.MemberProfiles.AsNoTracking().SingleAsync(p => p.UserId == owner.Id);
            Assert.DoesNotContain(profile.NationalId.ToUpperInvariant(), row.NationalIdCipher);
            Assert.Equal(64, row.NationalIdHash!.Length);
            Assert.Equal("陳志堅", (await db.Users.SingleAsync(u => u.Id == owner.Id)).DisplayName);
        }
        var loaded = await edit.LoadAsync(AccountTestData.PrincipalOf(owner));
        Assert.Equal(profile.NationalId.ToUpperInvariant(), loaded.Profile.NationalId);

        var copy = loaded.Profile.Clone();
        var refused = await edit.SaveAsync(AccountTestData.PrincipalOf(other), copy);
        Assert.Equal(EditProfile.NationalIdTaken, Assert.Single(refused).Message);
    }

    [Fact]
    public async Task A_business_number_and_phones_typed_in_full_width_are_saved_as_plain_digits()
    {
        var owner = await AccountTestData.CreateMemberAsync(app, AccountTestData.UniqueEmail("ascii"));
        var profile = ProfileRulesTests.CompleteEnterpriseProfile();
        profile.NationalId = AccountTestData.NewNationalId();
        profile.BusinessNumber = "０４５９５２５７";
        profile.Phone = "02 6631 6666";
        profile.Mobile = "０９１２３４５６７８";
        await using var scope = app.Services.CreateAsyncScope();

        Assert.Empty(await scope.ServiceProvider.GetRequiredService<EditProfile>().SaveAsync(AccountTestData.PrincipalOf(owner), profile));

        await using var db = app.CreateDbContext();
        var row = await db.MemberProfiles.AsNoTracking().SingleAsync(p => p.UserId == owner.Id);
        Assert.Equal("04595257", row.BusinessNumber);
        Assert.Equal("0266316666", row.Phone);
        Assert.Equal("0912345678", row.Mobile);
    }

    [Fact]
    public async Task Values_of_fields_hidden_by_the_identity_type_are_not_stored()
    {
        var owner = await AccountTestData.CreateMemberAsync(app, AccountTestData.UniqueEmail("hidden"));
        var form = ProfileRulesTests.CompleteEnterpriseProfile();
        form.NationalId = AccountTestData.NewNationalId();
        form.ChangeIdentityType(IdentityType.Unemployed); // the company fields stay in the form, hidden
        await using var scope = app.Services.CreateAsyncScope();

        Assert.Empty(await scope.ServiceProvider.GetRequiredService<EditProfile>().SaveAsync(AccountTestData.PrincipalOf(owner), form));

        await using var db = app.CreateDbContext();
        var row = await db.MemberProfiles.AsNoTracking().SingleAsync(p => p.UserId == owner.Id);
        Assert.Equal((IdentityType.Unemployed, null, null, null), (row.IdentityType, row.CompanyName, row.BusinessNumber, row.IndustrySection));
        Assert.Equal("財團法人資訊工業策進會", form.CompanyName);
    }

    [Fact]
    public async Task An_upload_is_judged_by_content_and_size_and_stored_outside_the_web_root_under_a_random_name()
    {
        var user = await AccountTestData.CreateMemberAsync(app, AccountTestData.UniqueEmail("upload"));
        await using var scope = app.Services.CreateAsyncScope();
        var submit = scope.ServiceProvider.GetRequiredService<SubmitLearningCredit>();
        var me = AccountTestData.PrincipalOf(user);

        var exe = await submit.SubmitAsync(me, "偽裝", 1, "cert.png", new MemoryStream("MZ\u0090\0fake executable"u8.ToArray()));
        Assert.Equal("檔案格式不符：僅接受 PDF、JPG 或 PNG 檔案", exe.Errors[CreditField.File]);

        var big = new byte[6 * 1024 * 1024];
        "%PDF-1.7"u8.CopyTo(big);
        var tooLarge = await submit.SubmitAsync(me, "太大", 1, "big.pdf", new MemoryStream(big));
        Assert.StartsWith("檔案過大：上限為5MB", tooLarge.Errors[CreditField.File]);

        var ok = await submit.SubmitAsync(me, "AI 證照", 2, "../../證照.png", new MemoryStream(Png));
        Assert.True(ok.Succeeded, string.Join("; ", ok.Errors.Values));

        await using var db = app.CreateDbContext();
        var credit = await db.LearningCredits.SingleAsync(c => c.UserId == user.Id);
        Assert.Equal(CreditStatus.Pending, credit.Status);
        Assert.Equal("證照.png", credit.ProofOriginalName);
        Assert.Equal("image/png", credit.ProofContentType);
        Assert.Matches("^[0-9a-f]{32}\\.png$", credit.ProofStoredName!);
        var uploads = Path.Combine(app.DataFolder, "uploads");
        Assert.Equal(Png, await File.ReadAllBytesAsync(Path.Combine(uploads, credit.ProofStoredName!)));
        // Nothing kept under the member's own name, no half-written leftovers, nothing under the web root.
        Assert.DoesNotContain(Directory.GetFiles(uploads), f => f.EndsWith(".part") || Path.GetFileName(f).Contains("證照"));
        Assert.DoesNotContain("wwwroot", uploads);
    }
}
