using AiGO.Domain.Accounts;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Web.Hosting;

/// <summary>The demo of SPEC §11. Development only: nothing here runs in Production.</summary>
public sealed class DemoSeeder(AiGoDbContext db, UserManager<AppUser> users, TimeProvider clock, AiGO.Web.Accounts.NationalIdProtector nationalIds)
{
    public const string Password = "AiGO-demo-2026";

    public sealed record DemoAccount(string Email, string Name, string Role, string? Organiser = null);

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("office@aigo.example.tw", "計畫辦公室", Roles.Office),
        new("ctbc@aigo.example.tw", "中信金融管理學院 承辦人", Roles.Organiser, DemoCourses.Ctbc),
        new("teca@aigo.example.tw", "台灣電子連接產業協會 承辦人", Roles.Organiser, DemoCourses.Teca),
        new("iii@aigo.example.tw", "資策會 承辦人", Roles.Organiser, DemoCourses.Iii),
        new("trainee@aigo.example.tw", "陳志堅", Roles.Trainee),
    ];

    /// <summary>Seeds once, into an empty database; returns false when the demo is already there.</summary>
    public async Task<bool> SeedAsync()
    {
        if (await db.Organisers.AnyAsync()) return false;

        var now = clock.GetUtcNow();
        var organisers = DemoCourses.Organisers();
        db.Organisers.AddRange(organisers);
        var byName = organisers.ToDictionary(o => o.Name);
        foreach (var course in DemoCourses.Build(clock.Today(), name => byName[name]))
        {
            course.CreatedAt = course.UpdatedAt = now;
            db.Courses.Add(course);
        }
        await db.SaveChangesAsync();

        foreach (var account in Accounts)
        {
            var user = new AppUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.Name,
                OrganiserId = account.Organiser is null ? null : byName[account.Organiser].Id,
                PrivacyConsentVersion = "demo",
                PrivacyConsentedAt = now,
                CreatedAt = now,
            };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
                throw new InvalidOperationException($"Demo account {account.Email}: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, account.Role);
            if (account.Role == Roles.Trainee) await SeedTraineeAsync(user, now);
        }
        return true;
    }

    /// <summary>The manual's 陳志堅 with complete basic data and verified learning credits, ready to apply.</summary>
    private async Task SeedTraineeAsync(AppUser user, DateTimeOffset now)
    {
        var profile = new MemberProfile
        {
            UserId = user.Id, Name = user.DisplayName, NationalId = "A154146138", Birthday = new DateOnly(1999, 3, 21),
            Gender = "1", Phone = "0266316666", Extension = "6513", Mobile = "0912345678", YearsOfWork = 3, Residence = "01",
            SpecialIdentity = "0", Education = "4", Motivation = "1", UpdatedAt = now,
        };
        profile.ChangeIdentityType(IdentityType.Enterprise);
        profile.BusinessNumber = "04231910";
        profile.CompanyName = "財團法人資訊工業策進會";
        profile.Department = "數位轉型研究所";
        profile.JobTitle = "工程師";
        profile.JobLevel = "1";
        profile.UnitSize = "5";
        profile.ChangeIndustrySection("J");
        profile.IndustryDivision = "63";
        nationalIds.Seal(profile);
        db.MemberProfiles.Add(profile);
        db.LearningCredits.AddRange(
            new LearningCredit { UserId = user.Id, Source = CreditSource.OnlineCourse, Title = "AI 概論（線上自學課程）", Points = 1, Status = CreditStatus.Approved, SubmittedAt = now.AddDays(-30), ReviewedAt = now.AddDays(-29) },
            new LearningCredit { UserId = user.Id, Source = CreditSource.OnlineCourse, Title = "Python 資料分析入門（線上自學課程）", Points = 1, Status = CreditStatus.Approved, SubmittedAt = now.AddDays(-20), ReviewedAt = now.AddDays(-19) },
            new LearningCredit { UserId = user.Id, Source = CreditSource.OnlineCourse, Title = "機器學習基礎（線上自學課程）", Points = 1, Status = CreditStatus.Pending, SubmittedAt = now.AddDays(-2) });
        await db.SaveChangesAsync();
    }
}
