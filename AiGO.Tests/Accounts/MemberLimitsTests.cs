using System.Net;
using AiGO.Domain.Accounts;
using AiGO.Domain.Common;
using AiGO.Domain.Office;
using AiGO.Tests.Infrastructure;
using AiGO.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AiGO.Tests.Accounts;

/// <summary>Everything a signed-in member can repeat has a limit.</summary>
[Collection(AppCollection.Name)]
public class MemberLimitsTests(AppFixture app)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    [Fact]
    public async Task The_eleventh_current_password_guess_on_change_password_is_locked_out()
    {
        var email = AccountTestData.UniqueEmail("guess");
        var member = await AccountTestData.CreateMemberAsync(app, email);
        using var client = HttpForms.NewClient(app, new CookieContainer());
        await HttpForms.SignInAsync(client, email);

        var answers = new List<string>();
        for (var guess = 1; guess <= 11; guess++)
        {
            // The eleventh is the right password: too late.
            var old = guess == 11 ? AccountTestData.Password : $"wrong-guess-{guess}";
            var page = await client.GetAsync("Account/Manage/ChangePassword");
            if (page.RequestMessage!.RequestUri!.AbsolutePath != "/Account/Manage/ChangePassword")
            {
                answers.Add("signed out");
                continue;
            }
            var answer = await HttpForms.PostAsync(client, "Account/Manage/ChangePassword", "change-password", new Dictionary<string, string>
            {
                ["Input.OldPassword"] = old, ["Input.NewPassword"] = "Guessed-pass-2026", ["Input.ConfirmPassword"] = "Guessed-pass-2026",
            });
            var body = await answer.Content.ReadAsStringAsync();
            answers.Add(body.Contains("目前密碼不正確") ? "wrong" : answer.RequestMessage!.RequestUri!.AbsolutePath == "/Account/Lockout" ? "locked" : body.Contains("密碼已變更") ? "changed" : "other");
        }

        Assert.Equal(["wrong", "wrong", "wrong", "wrong", "locked"], answers.Take(5));
        Assert.DoesNotContain("changed", answers);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByIdAsync(member.Id))!;
        Assert.True(await users.IsLockedOutAsync(user));
        Assert.True(await users.CheckPasswordAsync(user, AccountTestData.Password));
        Assert.Equal(0, await app.Services.GetRequiredService<ServerSessions>().CountLiveAsync(member.Id));
        await using var db = app.CreateDbContext();
        Assert.Contains(await db.AuditLog.Where(a => a.EntityId == member.Id).Select(a => a.Action).ToListAsync(), a => a == AuditActions.Lockout);
    }

    [Fact]
    public async Task Current_password_guesses_on_delete_account_lock_the_account_and_delete_nothing()
    {
        var email = AccountTestData.UniqueEmail("delguess");
        var member = await AccountTestData.CreateMemberAsync(app, email);
        using var client = HttpForms.NewClient(app, new CookieContainer());
        await HttpForms.SignInAsync(client, email);
        for (var guess = 1; guess <= 5; guess++)
            await HttpForms.PostAsync(client, "Account/Manage/DeletePersonalData", "delete-user", new Dictionary<string, string> { ["Input.Password"] = $"wrong-{guess}" });

        Assert.Equal("/Account/Login", await HttpForms.LandingPathAsync(client, "Account/Manage/DeletePersonalData"));
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(member.Id);
        Assert.NotNull(user);
        Assert.True(await users.IsLockedOutAsync(user));
    }

    [Fact]
    public async Task Change_email_mails_link_to_the_configured_site_whatever_the_host_header_and_stop_at_the_limit()
    {
        var email = AccountTestData.UniqueEmail("hostile");
        await AccountTestData.CreateMemberAsync(app, email);
        using var client = HttpForms.NewClient(app, new CookieContainer());
        await HttpForms.SignInAsync(client, email);
        client.DefaultRequestHeaders.Host = "evil.example"; // from here on the request names another site

        var first = AccountTestData.UniqueEmail("newaddress");
        var sent = await HttpForms.PostAsync(client, "Account/Manage/Email", "change-email", new Dictionary<string, string> { ["Input.NewEmail"] = first });
        Assert.Contains("已寄出確認信至新信箱", await sent.Content.ReadAsStringAsync());
        var mail = await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == first));
        var link = AccountTestData.LinkIn(mail, "Account/ConfirmEmailChange");
        Assert.StartsWith(app.BaseUrl + "Account/ConfirmEmailChange?", link);
        Assert.DoesNotContain("evil.example", mail.TextBody + mail.HtmlBody);

        var answers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var again = await HttpForms.PostAsync(client, "Account/Manage/Email", "change-email",
                new Dictionary<string, string> { ["Input.NewEmail"] = AccountTestData.UniqueEmail("spray") });
            answers.Add(await again.Content.ReadAsStringAsync());
        }
        Assert.Contains("已寄出確認信至新信箱", answers[1]);
        Assert.Contains(MemberThrottle.EmailMailsRefused, answers[2]); // the fourth mail within the hour
    }

    [Fact]
    public async Task The_upload_past_the_daily_count_is_refused_in_chinese()
    {
        var member = await AccountTestData.CreateMemberAsync(app, AccountTestData.UniqueEmail("quota"));
        await using var scope = app.Services.CreateAsyncScope();
        var submit = scope.ServiceProvider.GetRequiredService<SubmitLearningCredit>();
        var me = AccountTestData.PrincipalOf(member);
        for (var i = 1; i <= 10; i++)
        {
            var ok = await submit.SubmitAsync(me, $"證照{i}", 1, "證照.png", new MemoryStream(Png));
            Assert.True(ok.Succeeded, string.Join("；", ok.Errors.Values));
        }

        var eleventh = await submit.SubmitAsync(me, "證照11", 1, "證照.png", new MemoryStream(Png));

        Assert.Equal("24小時內最多上傳10個佐證檔案，已達上限，請明日再上傳", eleventh.Errors[CreditField.File]);
        await using var db = app.CreateDbContext();
        Assert.Equal(10, await db.LearningCredits.CountAsync(c => c.UserId == member.Id));
    }

    [Fact]
    public async Task The_upload_past_the_size_quota_is_refused_in_chinese()
    {
        var member = await AccountTestData.CreateMemberAsync(app, AccountTestData.UniqueEmail("bytes"));
        var quota = Options.Create(new UploadQuotaOptions { MaxFilesPerDay = 100, MaxTotalMegabytes = 1 });
        var submit = new SubmitLearningCredit(app.Services.GetRequiredService<IDbContextFactory<Domain.Data.AiGoDbContext>>(),
            app.Services.GetRequiredService<UploadFolder>(), TimeProvider.System, app.Services.GetRequiredService<IChangeNotifier>(), quota,
            app.Services.GetRequiredService<Domain.Data.IStorageGuard>());
        var me = AccountTestData.PrincipalOf(member);
        var file = new byte[700 * 1024];
        Png.CopyTo(file, 0);

        Assert.True((await submit.SubmitAsync(me, "結業證書", 1, "a.png", new MemoryStream(file))).Succeeded);
        var second = await submit.SubmitAsync(me, "結業證書二", 1, "b.png", new MemoryStream(file));

        Assert.Equal("佐證檔案總容量上限為1MB，您已使用0.7MB，加上此檔案將超過上限；如需協助請洽計畫辦公室", second.Errors[CreditField.File]);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.LearningCredits.CountAsync(c => c.UserId == member.Id));
    }

    [Fact]
    public async Task Asking_whether_other_national_ids_are_taken_is_limited_but_the_members_own_is_free()
    {
        var member = await AccountTestData.CreateMemberAsync(app, AccountTestData.UniqueEmail("probe"));
        await using var scope = app.Services.CreateAsyncScope();
        var profiles = scope.ServiceProvider.GetRequiredService<EditProfile>();
        var me = AccountTestData.PrincipalOf(member);
        var own = AccountTestData.NewNationalId();
        await using (var db = app.CreateDbContext())
        {
            var profile = new MemberProfile { UserId = member.Id, Name = "測試學員", NationalId = own, UpdatedAt = DateTimeOffset.UtcNow };
            app.Services.GetRequiredService<NationalIdProtector>().Seal(profile);
            db.MemberProfiles.Add(profile);
            await db.SaveChangesAsync();
        }

        var answers = new List<string?>();
        for (var i = 0; i < 11; i++)
            answers.Add(await NationalIdErrorAsync(profiles, me, AccountTestData.NewNationalId()));
        for (var i = 0; i < 5; i++)
            Assert.Null(await NationalIdErrorAsync(profiles, me, own));

        Assert.All(answers.Take(10), a => Assert.Null(a));
        Assert.Equal(MemberThrottle.NationalIdLookupsRefused, answers[10]);
    }

    private static async Task<string?> NationalIdErrorAsync(EditProfile profiles, System.Security.Claims.ClaimsPrincipal me, string nationalId)
    {
        var input = ProfileRulesTests.CompleteEnterpriseProfile();
        input.NationalId = nationalId;
        var errors = await profiles.CheckAsync(me, input);
        Assert.All(errors, e => Assert.Equal(ProfileField.NationalId, e.Field));
        return errors.SingleOrDefault()?.Message;
    }
}
