using AiGO.Domain.Accounts;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Web.Hosting;

/// <summary>At start: apply migrations, make sure reference data exists, and in Development seed the demo.</summary>
public static class DatabaseInitializer
{
    public static async Task InitialiseAsync(IServiceProvider services, IWebHostEnvironment env, IConfiguration configuration, ILogger logger)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AiGoDbContext>();
        if (db.Database.IsSqlite()) AppPaths.PrepareSqliteFile(db.Database.GetConnectionString()!);
        await db.Database.MigrateAsync();
        // Write-ahead logging: pages being read (a long list, a report) no longer hold up a save, and a save no longer
        // holds up the readers; the mode is kept in the file. Back up with `sqlite3 aigo.db ".backup copy.db"`, not cp.
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        // After a key rotation (or from the old Data Protection format): national IDs move to the current key once.
        await sp.GetRequiredService<AiGO.Web.Accounts.NationalIdProtector>().RewrapAsync(db, logger);
        await SeedCodeTablesAsync(db);
        await SeedRolesAsync(sp.GetRequiredService<RoleManager<IdentityRole>>());
        if (!await db.SiteCounters.AnyAsync())
        {
            db.SiteCounters.Add(new SiteCounter());
            await db.SaveChangesAsync();
        }

        if (env.IsDevelopment() && configuration.GetValue("Demo:Seed", true))
        {
            var demo = new DemoSeeder(db, sp.GetRequiredService<UserManager<AppUser>>(), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<AiGO.Web.Accounts.NationalIdProtector>(), sp.GetRequiredService<AiGO.Domain.Applications.SubsidyPolicy>());
            if (await demo.SeedAsync())
                logger.LogInformation("Demo data seeded.");
            logger.LogWarning("Demo accounts (Development only), password {Password}:\n{Accounts}",
                DemoSeeder.Password, string.Join('\n', DemoSeeder.Accounts.Select(a => $"  {a.Email}  {a.Role}  {a.Name}")));
        }
        else if (!env.IsDevelopment())
        {
            await BootstrapOfficeAsync(sp.GetRequiredService<UserManager<AppUser>>(), configuration, sp.GetRequiredService<TimeProvider>(), logger);
        }
    }

    /// <summary>Inserts codes that are missing; never overwrites what the office has edited.</summary>
    public static async Task SeedCodeTablesAsync(AiGoDbContext db)
    {
        var existing = (await db.Codes.Select(c => new { c.Table, c.Code }).ToListAsync())
            .Select(c => (c.Table, c.Code)).ToHashSet();
        var order = 0;
        foreach (var seed in CodeTableSeed.All)
        {
            order++;
            if (existing.Contains((seed.Table, seed.Code))) continue;
            db.Codes.Add(new CodeEntry { Table = seed.Table, Code = seed.Code, Name = seed.Name, ParentCode = seed.ParentCode, SortOrder = order });
        }
        await db.SaveChangesAsync();
    }

    private static async Task SeedRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
        }
    }

    /// <summary>Production has no demo accounts: the first office account comes from configuration (Bootstrap:OfficeEmail, Bootstrap:OfficePassword).</summary>
    private static async Task BootstrapOfficeAsync(UserManager<AppUser> users, IConfiguration configuration, TimeProvider clock, ILogger logger)
    {
        var email = configuration["Bootstrap:OfficeEmail"];
        var password = configuration["Bootstrap:OfficePassword"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password)) return;
        if ((await users.GetUsersInRoleAsync(Roles.Office)).Count > 0) return;
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "計畫辦公室", CreatedAt = clock.GetUtcNow() };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
            throw new InvalidOperationException("Bootstrap office account: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, Roles.Office);
        logger.LogInformation("Programme office account {Email} created from configuration.", email);
    }
}
