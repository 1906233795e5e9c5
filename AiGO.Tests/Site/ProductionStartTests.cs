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
            b.UseSetting("Accounts:NationalIdHashKey", "production-test-secret-0123456789abcdef");
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
}
