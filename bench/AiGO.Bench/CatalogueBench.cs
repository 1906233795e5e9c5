using System.Diagnostics;
using System.Text.Json;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Organisers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AiGO.Bench;

/// <summary>
/// Catalogue capacity over 10,000 courses: requests per second of GET /courses?page=N (the whole server-side render
/// with the MudBlazor search form) at 32 concurrent connections, beside a floor endpoint in the same process that runs
/// the same query (<see cref="CatalogueQueries.SearchAsync"/>) and writes the same rows as JSON. Goal ≥ 0.5× the floor.
/// The floor endpoint exists only in this bench host.
/// </summary>
public static class CatalogueBench
{
    private const int Courses = 10_000;
    private const int Connections = 32;
    private const string FloorPath = "/bench/catalogue-floor";
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Slice = TimeSpan.FromSeconds(5);
    private const int Rounds = 3;

    public static async Task RunAsync()
    {
        await using var host = BenchHost.Start(services: s => s.AddTransient<IStartupFilter, FloorEndpoint>());
        await SeedAsync(host);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        { BaseAddress = new Uri(host.BaseUrl) };
        http.DefaultRequestHeaders.Add(BenchHost.ForwardedHttps.Key, BenchHost.ForwardedHttps.Value);
        var pages = Courses / CourseFilter.PageSize;

        async Task Page(Random random)
        {
            var html = await http.GetStringAsync($"courses?page={random.Next(1, pages + 1)}");
            if (!html.Contains("總共 10000 個課程", StringComparison.Ordinal)) throw new InvalidOperationException("unexpected catalogue page");
        }
        async Task Floor(Random random)
        {
            using var response = await http.GetAsync($"{FloorPath.TrimStart('/')}?page={random.Next(1, pages + 1)}");
            response.EnsureSuccessStatusCode();
            if ((await response.Content.ReadAsByteArrayAsync()).Length < 500) throw new InvalidOperationException("short floor page");
        }

        // One request at a time first: what each costs the server, before the load hides it in queueing.
        Console.WriteLine(await RequestCost.MeasureAsync("GET /courses?page=N", 40, i => Page(new Random(i))));
        Console.WriteLine(await RequestCost.MeasureAsync("floor", 40, i => Floor(new Random(i))));
        await LoadAsync(Page, Warmup);
        await LoadAsync(Floor, Warmup);
        var page = new Load();
        var floor = new Load();
        // Alternate the two in slices, so a busy moment on the machine lands on both alike.
        for (var round = 0; round < Rounds; round++)
        {
            page.Add(await LoadAsync(Page, Slice));
            floor.Add(await LoadAsync(Floor, Slice));
        }

        var ratio = page.PerSecond / floor.PerSecond;
        Console.WriteLine($"{Courses:N0} published courses (SQLite), {Connections} concurrent connections, {Rounds} alternating slices of {Slice.TotalSeconds:F0} s each after a warm-up");
        Console.WriteLine(page.Line("GET /courses?page=N (server-side render)"));
        Console.WriteLine(floor.Line("floor: the same query written as JSON"));
        Console.WriteLine($"ratio {ratio:F2}× the floor   (goal ≥ 0.5×)");
        Summary.Add("catalogue: /courses req/s ÷ JSON floor req/s", $"{page.PerSecond:F0} / {floor.PerSecond:F0} = {ratio:F2}×", "≥ 0.5×", ratio >= 0.5);
    }

    /// <summary>Runs <paramref name="request"/> on <see cref="Connections"/> workers for <paramref name="duration"/>.</summary>
    private static async Task<Load> LoadAsync(Func<Random, Task> request, TimeSpan duration)
    {
        var load = new Load();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Connections).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            var times = new List<double>();
            var errors = 0;
            while (clock.Elapsed < duration)
            {
                var started = clock.Elapsed;
                try { await request(random); times.Add((clock.Elapsed - started).TotalMilliseconds); }
                catch (Exception e) when (e is HttpRequestException or InvalidOperationException) { errors++; }
            }
            lock (load) load.Add(times, errors);
        })));
        load.Seconds = clock.Elapsed.TotalSeconds;
        return load;
    }

    private sealed class Load
    {
        private readonly List<double> _times = [];
        public double Seconds { get; set; }
        public int Errors { get; private set; }
        public double PerSecond => _times.Count / Seconds;

        public void Add(List<double> times, int errors) { _times.AddRange(times); Errors += errors; }

        public void Add(Load other) { _times.AddRange(other._times); Errors += other.Errors; Seconds += other.Seconds; }

        public string Line(string name)
        {
            var sorted = _times.Order().ToArray();
            return $"{name,-44} {PerSecond,8:F0} req/s   p50 {Stats.Percentile(sorted, .5),7:F1} ms   p95 {Stats.Percentile(sorted, .95),7:F1} ms   errors {Errors}";
        }
    }

    /// <summary>GET /bench/catalogue-floor?page=N: the catalogue's query and its rows as JSON, nothing else.</summary>
    private sealed class FloorEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map(FloorPath, floor => floor.Run(async context =>
            {
                var page = int.TryParse(context.Request.Query["page"], out var p) ? p : 1;
                var result = await context.RequestServices.GetRequiredService<CatalogueQueries>().SearchAsync(new CourseFilter(Page: page), context.RequestAborted);
                context.Response.ContentType = "application/json; charset=utf-8";
                await JsonSerializer.SerializeAsync(context.Response.Body, result, cancellationToken: context.RequestAborted);
            }));
            next(app);
        };
    }

    private static async Task SeedAsync(BenchHost host)
    {
        await using var db = host.CreateDbContext();
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
}
