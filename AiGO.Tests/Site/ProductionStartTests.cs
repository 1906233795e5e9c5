using AiGO.Domain.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using AiGO.Domain.Data;

namespace AiGO.Tests.Site;

public class ProductionStartTests
{
    [Fact]
    public async Task Production_creates_no_demo_accounts_and_no_dev_mailbox()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"aigo-prod-{Guid.NewGuid():N}");
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Data:Folder", folder);
            b.UseSetting("Hosting:HttpsRedirection", "false");
            foreach (var (key, value) in ProductionKeys(folder)) b.UseSetting(key, value);
        });
        using var client = factory.CreateClient();

        var home = await client.GetAsync("/");
        Assert.True(home.IsSuccessStatusCode);
        var mailbox = await client.GetAsync("/dev/mailbox");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, mailbox.StatusCode);
        Assert.DoesNotContain("開發用信箱", await mailbox.Content.ReadAsStringAsync());

        await using var db = factory.Services.GetRequiredService<IDbContextFactory<AiGoDbContext>>().CreateDbContext();
        Assert.Empty(await db.Users.ToListAsync());
        Assert.Empty(await db.Courses.ToListAsync());
        Assert.NotEmpty(await db.Codes.ToListAsync());
        Assert.Equal(Roles.All.Length, await db.Roles.CountAsync());
        try { Directory.Delete(folder, true); } catch (IOException) { }
    }

    [Fact]
    public void Production_does_not_start_without_the_key_ring_certificate()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"aigo-prod-{Guid.NewGuid():N}");
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Data:Folder", folder);
            b.UseSetting("Hosting:HttpsRedirection", "false");
            foreach (var (key, value) in ProductionKeys(folder).Where(k => !k.Key.StartsWith("DataProtection", StringComparison.Ordinal)))
                b.UseSetting(key, value);
        });
        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());
        Assert.Contains("DataProtection:Certificate:Path", error.Message, StringComparison.Ordinal);
        try { Directory.Delete(folder, true); } catch (IOException) { }
    }

    /// <summary>What an operator sets outside Development: a key-ring certificate kept apart from the data, and the national-ID keys.</summary>
    public static Dictionary<string, string> ProductionKeys(string dataFolder)
    {
        var secrets = Path.Combine(dataFolder + "-secrets");
        Web.Hosting.KeyRing.DevelopmentCertificate(secrets).Dispose();
        static string Random32() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        return new()
        {
            ["DataProtection:Certificate:Path"] = Path.Combine(secrets, Web.Hosting.KeyRing.DevelopmentCertificateFile),
            ["Accounts:NationalIdHashKey"] = Random32(),
            ["Accounts:NationalIdEncryption:CurrentKeyId"] = "2026a",
            ["Accounts:NationalIdEncryption:Keys:2026a"] = Random32(),
        };
    }
}
