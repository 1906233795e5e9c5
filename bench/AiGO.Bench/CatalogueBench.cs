using AiGO.Domain.Catalogue;
using AiGO.Domain.Data;
using AiGO.Domain.Organisers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiGO.Bench;

/// <summary>
/// Issue #5: the catalogue's server-side render over 10,000 courses (GET /courses?page=N on Kestrel, the whole
/// prerendered page) beside a bare EF query of the same page of rows. Goal: render ≤ 2× the bare query.
/// </summary>
public static class CatalogueBench
{
    private const int Courses = 10_000;
    private const int Runs = 500;
    private const int Warmup = 200;

    public static async Task RunAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"aigo-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var cs = DatabaseSetup.SqliteConnectionString(folder);
            await SeedAsync(cs);

            await using var app = new Factory(folder);
            app.UseKestrel(0);
            app.StartServer();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            var pages = Courses / CourseFilter.PageSize;
            var random = new Random(42);
            var pageNumbers = Enumerable.Range(0, Runs + Warmup).Select(_ => random.Next(1, pages + 1)).ToArray();

            var factory = app.Services.GetRequiredService<IDbContextFactory<AiGoDbContext>>();
            var queries = app.Services.GetRequiredService<CatalogueQueries>();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var times = await Stats.TimeInterleavedAsync(Warmup, Runs,
                async i =>
                {
                    var html = await http.GetStringAsync($"/courses?page={pageNumbers[i]}");
                    if (!html.Contains("個課程，總共 10000 個課程", StringComparison.Ordinal)) throw new InvalidOperationException("unexpected page");
                },
                async i =>
                {
                    await using var db = await factory.CreateDbContextAsync();
                    var listed = db.Courses.AsNoTracking().Where(c => c.Status == CourseStatus.Published && c.StartDate >= today);
                    var total = await listed.CountAsync();
                    var rows = await listed
                        .OrderBy(c => c.StartDate).ThenBy(c => c.Id)
                        .Skip((pageNumbers[i] - 1) * CourseFilter.PageSize).Take(CourseFilter.PageSize)
                        .Select(c => new { c.Id, Organiser = c.Organiser.Name, c.Name, c.StartDate, c.Hours, c.VenueMode, c.Platform, c.Address, c.TotalFee })
                        .ToListAsync();
                    if (rows.Count != CourseFilter.PageSize) throw new InvalidOperationException("short page");
                },
                async i => await queries.SearchAsync(new CourseFilter(Page: pageNumbers[i])),
                async _ => await http.GetStringAsync("/privacy"),
                async _ => await http.GetStringAsync("/healthz"));
            var (render, bare, service, baseline, floor) = (times[0], times[1], times[2], times[3], times[4]);

            Console.WriteLine($"Catalogue over {Courses:N0} published courses (SQLite, {Runs} rounds after {Warmup} warm-up rounds, random pages; the measures interleaved)");
            Console.WriteLine(Stats.Line("server-side render GET /courses?page=N", render));
            Console.WriteLine(Stats.Line("bare EF query: count + the page of rows", bare));
            Console.WriteLine(Stats.Line("(context) CatalogueQueries.SearchAsync", service));
            Console.WriteLine(Stats.Line("(context) GET /privacy, layout only", baseline));
            Console.WriteLine(Stats.Line("(context) GET /healthz, no page at all", floor));
            Console.WriteLine($"ratio p50 {Stats.Percentile(render, .5) / Stats.Percentile(bare, .5):F2}×   p95 {Stats.Percentile(render, .95) / Stats.Percentile(bare, .95):F2}×   (goal ≤ 2×)");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, true); } catch (IOException) { }
        }
    }

    private static async Task SeedAsync(string cs)
    {
        await using var db = DatabaseSetup.Create(DatabaseProvider.Sqlite, cs);
        await db.Database.MigrateAsync();
        await AiGO.Web.Hosting.DatabaseInitializer.SeedCodeTablesAsync(db);
        var cities = new[] { "臺北市", "新北市", "桃園市", "臺中市", "臺南市", "高雄市", "新竹市", "新竹縣" };
        var organisers = Enumerable.Range(1, 30).Select(i => new Organiser { Name = $"培訓單位{i:00}" }).ToArray();
        db.Organisers.AddRange(organisers);
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);
        for (var i = 0; i < Courses; i++)
        {
            var mode = (VenueMode)(i % 3);
            var fee = 6000 + i % 30 * 1000;
            db.Courses.Add(new Course
            {
                Organiser = organisers[i % organisers.Length],
                Name = $"AI實戰課程 第{i:00000}期",
                StartDate = start.AddDays(i % 365), EndDate = start.AddDays(i % 365 + 7),
                ClassTimes = "每週六 09:00-16:00", Hours = 12 + i % 4 * 6,
                VenueMode = mode,
                Platform = mode == VenueMode.OnSite ? null : "Microsoft Teams",
                Address = mode == VenueMode.Online ? null : "某某大樓3樓教室(某市某路100號)",
                City = mode == VenueMode.Online ? null : cities[i % cities.Length],
                TotalFee = fee, GovernmentShare = fee / 2, TraineeShare = fee - fee / 2,
                PlannedSeats = 30, Status = CourseStatus.Published,
                ContactName = "王小明", ContactPhone = "02-66316528", ContactEmail = "a@example.tw",
                Outline = ["導論", "實作"], Prerequisites = ["Python基礎"],
            });
        }
        await db.SaveChangesAsync();
    }

    private sealed class Factory(string folder) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Data:Folder", folder);
            builder.UseSetting("Hosting:HttpsRedirection", "false");
            builder.UseSetting("Accounts:NationalIdHashKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            builder.UseSetting("Accounts:NationalIdEncryption:CurrentKeyId", "bench");
            builder.UseSetting("Accounts:NationalIdEncryption:Keys:bench", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            // The key ring's certificate lives apart from the data, as in production.
            AiGO.Web.Hosting.KeyRing.DevelopmentCertificate(folder + "-secrets").Dispose();
            builder.UseSetting("DataProtection:Certificate:Path", Path.Combine(folder + "-secrets", AiGO.Web.Hosting.KeyRing.DevelopmentCertificateFile));
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}
