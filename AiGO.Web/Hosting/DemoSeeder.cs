using AiGO.Domain.Accounts;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Web.Hosting;

/// <summary>The demo of SPEC §11. Development only: nothing here runs in Production.</summary>
public sealed class DemoSeeder(AiGoDbContext db, UserManager<AppUser> users, TimeProvider clock)
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
        }
        return true;
    }
}
