using System.IO.Compression;
using AiGO.Domain.Accounts;
using AiGO.Tests.Accounts;
using AiGO.Tests.Infrastructure;
using AiGO.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiGO.Tests.Security;

/// <summary>Issue 18 item 4 (ASVS 2.1.7): passwords found in breaches are refused, with a message that says why.</summary>
public class CommonPasswordListTests
{
    private const string Refusal = "此密碼過於常見，已出現在外洩密碼清單中，請改用其他密碼";

    [Fact]
    public void Every_one_of_the_100000_bundled_passwords_is_refused()
    {
        var shipped = ReadShippedList();

        Assert.Equal(100_000, shipped.Count);
        Assert.All(shipped, p => Assert.True(CommonPasswords.Default.Contains(p), p));
    }

    [Theory]
    [InlineData("12345678")]
    [InlineData("password")]
    [InlineData("qwertyui")]
    [InlineData("PASSWORD")]       // letter case does not make it rarer
    [InlineData("Iloveyou1")]
    public async Task A_common_password_is_refused_with_the_reason(string password)
    {
        var result = await new CommonPasswordValidator(CommonPasswords.Default).ValidateAsync(null!, new AppUser(), password);

        var error = Assert.Single(result.Errors);
        Assert.Equal((CommonPasswordValidator.Code, Refusal), (error.Code, error.Description));
    }

    [Theory]
    [InlineData("AiGO-demo-2026")]
    [InlineData("Test-pass-2026")]
    [InlineData("淬煉計畫人才2026")]
    [InlineData("")]
    public async Task An_uncommon_password_passes(string password)
    {
        var result = await new CommonPasswordValidator(CommonPasswords.Default).ValidateAsync(null!, new AppUser(), password);

        Assert.True(result.Succeeded);
    }

    private static List<string> ReadShippedList()
    {
        using var gz = typeof(CommonPasswords).Assembly.GetManifestResourceStream(CommonPasswords.ResourceName)!;
        using var reader = new StreamReader(new GZipStream(gz, CompressionMode.Decompress));
        var list = new List<string>();
        while (reader.ReadLine() is { } line) if (line.Length > 0) list.Add(line);
        return list;
    }
}

/// <summary>The list at work in the app: registration, 變更密碼 and 重設密碼 all go through Identity's validators.</summary>
[Collection(AppCollection.Name)]
public class CommonPasswordTests(AppFixture app, BrowserFixture browser)
{
    private const string Refusal = "此密碼過於常見，已出現在外洩密碼清單中，請改用其他密碼";

    [Theory]
    [InlineData("12345678")]
    [InlineData("password")]
    [InlineData("qwertyui")]
    public async Task Registration_refuses_a_common_password_next_to_the_field(string password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var register = scope.ServiceProvider.GetRequiredService<RegisterMember>();
        var email = AccountTestData.UniqueEmail("common");

        var result = await register.RegisterAsync(new RegistrationRequest
        {
            Consented = true, Name = "常見密碼", Email = email, Password = password, ConfirmPassword = password,
        }, "127.0.0.1");

        Assert.Equal(new Dictionary<RegistrationField, string> { [RegistrationField.Password] = Refusal }, result.Errors);
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email));
    }

    [Theory]
    [InlineData("12345678")]
    [InlineData("password")]
    [InlineData("qwertyui")]
    public async Task Changing_to_a_common_password_is_refused_and_the_old_one_still_works(string password)
    {
        var member = await AccountTestData.CreateMemberAsync(app, AccountTestData.UniqueEmail("change-common"));
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByIdAsync(member.Id))!;

        var result = await users.ChangePasswordAsync(user, AccountTestData.Password, password);

        Assert.Equal([Refusal], result.Errors.Select(e => e.Description));
        Assert.True(await users.CheckPasswordAsync((await users.FindByIdAsync(member.Id))!, AccountTestData.Password));
    }

    [Fact]
    public async Task The_change_password_page_says_why_12345678_is_refused()
    {
        var email = AccountTestData.UniqueEmail("change-page");
        await AccountTestData.CreateMemberAsync(app, email);
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.AsAsync(email, AccountTestData.Password);

        await page.GotoAsync("Account/Manage/ChangePassword");
        await page.GetByLabel("目前密碼").FillAsync(AccountTestData.Password);
        await page.GetByLabel("新密碼 長度為8~64個字元").FillAsync("12345678");
        await page.GetByLabel("確認新密碼").FillAsync("12345678");
        await page.GetByRole(AriaRole.Button, new() { Name = "變更密碼" }).ClickAsync();

        await Expect(page.GetByText("錯誤：" + Refusal)).ToBeVisibleAsync();
        await page.ScreenshotAsync("security-common-password-refused");
    }
}
