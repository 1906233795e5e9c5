using System.Security.Claims;
using System.Text.RegularExpressions;
using AiGO.Domain.Accounts;
using AiGO.Domain.Common;
using AiGO.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;

namespace AiGO.Tests.Accounts;

/// <summary>Members made directly in the app's database, and the browser steps every account test needs.</summary>
public static partial class AccountTestData
{
    public const string Password = "Test-pass-2026";

    public static string UniqueEmail(string prefix) => $"{prefix}-{Guid.NewGuid():N}@example.tw";

    public static async Task<AppUser> CreateMemberAsync(AppFixture app, string email, string name = "測試學員", bool confirmed = true)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, DisplayName = name, EmailConfirmed = confirmed, PrivacyConsentVersion = PrivacyNotice.Version, PrivacyConsentedAt = DateTimeOffset.UtcNow, CreatedAt = DateTimeOffset.UtcNow };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, Roles.Trainee);
        return user;
    }

    /// <summary>
    /// A new eligible trainee (profile with a national ID sealed as the app seals it, 2 approved credits) who applies
    /// for the course through the submission service, as the wizard does.
    /// </summary>
    public static async Task<(AppUser Member, int ApplicationId)> ApplyAsEligibleMemberAsync(AppFixture app, int courseId, string name, string emailPrefix)
    {
        var member = await CreateMemberAsync(app, UniqueEmail(emailPrefix), name);
        await using var db = app.CreateDbContext();
        var profile = new MemberProfile { UserId = member.Id, Name = name, NationalId = NewNationalId(), Birthday = new DateOnly(1990, 6, 1), UpdatedAt = DateTimeOffset.UtcNow };
        app.Services.GetRequiredService<Web.Accounts.NationalIdProtector>().Seal(profile);
        db.MemberProfiles.Add(profile);
        db.LearningCredits.Add(new LearningCredit { UserId = member.Id, Title = "AI 概論", Points = 2, Status = CreditStatus.Approved, Source = CreditSource.OnlineCourse, SubmittedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        var facts = await app.Services.GetRequiredService<Domain.Applications.IMemberFactsReader>().ReadAsync(db, member.Id);
        var outcome = await app.Services.GetRequiredService<Domain.Applications.SubmitApplication>()
            .SubmitAsync(new Actor(member.Id, name, new HashSet<string> { Roles.Trainee }, null), courseId, facts, new Domain.Applications.Consents(true, true, true));
        Assert.True(outcome.Succeeded, outcome.Message);
        return (member, outcome.Value!.ApplicationId);
    }

    public static ClaimsPrincipal PrincipalOf(AppUser user) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id)], "test"));

    /// <summary>A valid national ID that no other test uses: letter and 8 random digits, plus the check digit.</summary>
    public static string NewNationalId()
    {
        var body = "B1" + Random.Shared.Next(0, 10_000_000).ToString("D7");
        for (var d = 0; d <= 9; d++)
        {
            if (NationalId.Parse(body + d).IsValid) return body + d;
        }
        throw new InvalidOperationException("unreachable: one check digit always fits");
    }

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("Account/Login");
        await page.GetByLabel("信箱").FillAsync(email);
        await page.GetByLabel("密碼", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登入" }).ClickAsync();
    }

    /// <summary>The first link to <paramref name="path"/> in the mail's text part.</summary>
    public static string LinkIn(MimeMessage mail, string path)
    {
        var match = Regex.Match(mail.TextBody ?? "", $@"https?://\S+/{path}\?\S+");
        Assert.True(match.Success, $"No {path} link in «{mail.TextBody}»");
        return match.Value;
    }
}
