using System.Net;
using System.Security.Cryptography;
using AiGO.Domain.Accounts;
using AiGO.Domain.Data;
using AiGO.Tests.Infrastructure;
using AiGO.Web.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiGO.Tests.Accounts;

/// <summary>The keys that open national IDs and sign-in cookies are not in the database, nor readable by other users.</summary>
[Collection(AppCollection.Name)]
public class KeysApartFromDataTests(AppFixture app)
{
    [Fact]
    public async Task A_copy_of_the_database_alone_opens_no_national_id_and_no_sign_in_cookie()
    {
        var member = await AccountTestData.CreateMemberAsync(app, AccountTestData.UniqueEmail("dbcopy"), "鄭雅文");
        await using (var db = app.CreateDbContext())
        {
            var profile = new MemberProfile { UserId = member.Id, Name = "鄭雅文", NationalId = AccountTestData.NewNationalId(), UpdatedAt = DateTimeOffset.UtcNow };
            app.Services.GetRequiredService<NationalIdProtector>().Seal(profile);
            db.MemberProfiles.Add(profile);
            await db.SaveChangesAsync();
        }
        var jar = new CookieContainer();
        using (var client = HttpForms.NewClient(app, jar))
        {
            await HttpForms.SignInAsync(client, member.Email!);
            Assert.Equal("/my/courses", await HttpForms.LandingPathAsync(client, "my/courses"));
        }
        string cipher;
        await using (var db = app.CreateDbContext())
            cipher = (await db.MemberProfiles.SingleAsync(p => p.UserId == member.Id)).NationalIdCipher!;
        Assert.NotNull(app.Services.GetRequiredService<NationalIdProtector>().Unprotect(cipher));

        // What a stolen backup holds: the database file, and nothing of the app's keys.
        var stolen = Path.Combine(Path.GetTempPath(), $"aigo-stolen-{Guid.NewGuid():N}");
        Directory.CreateDirectory(stolen);
        var target = Path.Combine(stolen, "aigo.db");
        await using (var db = app.CreateDbContext())
            await db.Database.ExecuteSqlAsync($"VACUUM INTO {target}");
        try
        {
            await using var copy = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            {
                b.UseEnvironment("Development");
                b.UseSetting("Data:Folder", stolen);
                b.UseSetting("Demo:Seed", "false");
                b.UseSetting("Logging:LogLevel:Default", "None");
            });
            using var attacker = copy.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

            Assert.ThrowsAny<CryptographicException>(() => copy.Services.GetRequiredService<NationalIdProtector>().Unprotect(cipher));
            var request = new HttpRequestMessage(HttpMethod.Get, "/my/courses");
            request.Headers.Add("Cookie", jar.GetCookieHeader(new Uri(app.BaseUrl)));
            var answer = await attacker.SendAsync(request);
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            Assert.Contains("Account/Login", answer.Headers.Location!.ToString());
        }
        finally
        {
            try { Directory.Delete(stolen, true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task The_key_ring_is_stored_encrypted()
    {
        await using var db = app.CreateDbContext();
        var keys = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedData", xml);
            Assert.DoesNotContain("<masterKey", xml);
        });
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_data_folder_the_database_and_the_keys_are_readable_by_the_app_user_only()
    {
        const UnixFileMode folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        const UnixFileMode file = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(folder, File.GetUnixFileMode(app.DataFolder));
        Assert.Equal(folder, File.GetUnixFileMode(Path.Combine(app.DataFolder, "uploads")));
        Assert.Equal(folder, File.GetUnixFileMode(Path.Combine(app.DataFolder, "keys")));
        Assert.Equal(file, File.GetUnixFileMode(Path.Combine(app.DataFolder, "aigo.db")));
        Assert.All(Directory.GetFiles(Path.Combine(app.DataFolder, "keys")), f => Assert.Equal(file, File.GetUnixFileMode(f)));
    }

    [Fact]
    public async Task National_id_keys_rotate_and_the_old_values_move_to_the_new_key()
    {
        var provider = app.Services.GetRequiredService<IDataProtectionProvider>();
        var (oldKey, newKey) = (Key(), Key());
        var before = Protector(provider, ("k2025", oldKey));
        var after = Protector(provider, ("k2025", oldKey), ("k2026", newKey));
        var id = AccountTestData.NewNationalId();
        var member = await AccountTestData.CreateMemberAsync(app, AccountTestData.UniqueEmail("rotate"));
        var legacy = await AccountTestData.CreateMemberAsync(app, AccountTestData.UniqueEmail("legacy"));
        var legacyId = AccountTestData.NewNationalId();
        await using (var db = app.CreateDbContext())
        {
            var profile = new MemberProfile { UserId = member.Id, Name = "林志明", NationalId = id, UpdatedAt = DateTimeOffset.UtcNow };
            before.Seal(profile);
            db.MemberProfiles.Add(profile);
            // A value from before this change: a Data Protection payload.
            db.MemberProfiles.Add(new MemberProfile
            {
                UserId = legacy.Id, Name = "舊格式", UpdatedAt = DateTimeOffset.UtcNow,
                NationalIdCipher = provider.CreateProtector("AiGO.Accounts.NationalId.v1").Protect(legacyId),
            });
            await db.SaveChangesAsync();
        }
        string cipher;
        await using (var db = app.CreateDbContext())
            cipher = (await db.MemberProfiles.SingleAsync(p => p.UserId == member.Id)).NationalIdCipher!;
        Assert.StartsWith("nid1:k2025:", cipher);
        Assert.Equal(id, after.Unprotect(cipher)); // still readable under the next key

        await using (var db = app.CreateDbContext())
            await after.RewrapAsync(db, NullLogger.Instance);

        await using (var db = app.CreateDbContext())
        {
            var rows = await db.MemberProfiles.AsNoTracking().Where(p => p.UserId == member.Id || p.UserId == legacy.Id).ToListAsync();
            var moved = rows.Single(p => p.UserId == member.Id);
            var migrated = rows.Single(p => p.UserId == legacy.Id);
            Assert.StartsWith("nid1:k2026:", moved.NationalIdCipher);
            Assert.StartsWith("nid1:k2026:", migrated.NationalIdCipher);
            var onlyNew = Protector(provider, ("k2026", newKey));
            Assert.Equal(id, onlyNew.Unprotect(moved.NationalIdCipher));
            Assert.Equal(legacyId, onlyNew.Unprotect(migrated.NationalIdCipher));
            Assert.Equal(after.Hash(Domain.Common.NationalId.Parse(legacyId).Value!), migrated.NationalIdHash);
            // This test's profiles leave the shared app's data under its own key.
            db.MemberProfiles.RemoveRange(rows);
            await db.SaveChangesAsync();
        }
    }

    [Theory]
    [InlineData(null, "national ID hash key missing")]
    [InlineData("c2hvcnQ=", "a hash key of 5 bytes")]
    [InlineData("QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB", "a hash key of 36 repeated bytes")]
    public void Outside_development_a_missing_or_weak_hash_key_stops_the_start(string? hashKey, string why)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Accounts:NationalIdEncryption:CurrentKeyId"] = "k1", ["Accounts:NationalIdEncryption:Keys:k1"] = Key(),
            ["Accounts:NationalIdHashKey"] = hashKey,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var error = Assert.Throws<InvalidOperationException>(() =>
            new NationalIdProtector(new EphemeralDataProtectionProvider(), configuration, new Production(), Path.GetTempPath()));
        Assert.Contains("NationalIdHashKey", error.Message, StringComparison.Ordinal);
        Assert.NotNull(why);
    }

    [Fact]
    public void Outside_development_missing_national_id_keys_stop_the_start()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Accounts:NationalIdHashKey"] = Key() }).Build();
        var error = Assert.Throws<InvalidOperationException>(() =>
            new NationalIdProtector(new EphemeralDataProtectionProvider(), configuration, new Production(), Path.GetTempPath()));
        Assert.Contains("NationalIdEncryption", error.Message, StringComparison.Ordinal);
    }

    private static string Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static NationalIdProtector Protector(IDataProtectionProvider provider, params (string Id, string Key)[] keys)
    {
        var settings = new Dictionary<string, string?> { ["Accounts:NationalIdHashKey"] = HashKey, ["Accounts:NationalIdEncryption:CurrentKeyId"] = keys[^1].Id };
        foreach (var (id, key) in keys) settings[$"Accounts:NationalIdEncryption:Keys:{id}"] = key;
        return new NationalIdProtector(provider, new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), new Production(), Path.GetTempPath());
    }

    private static readonly string HashKey = Key();

    private sealed class Production : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;
        public string ApplicationName { get; set; } = "AiGO.Web";
        public string ContentRootPath { get; set; } = Path.GetTempPath();
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
