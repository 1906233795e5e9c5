using System.Diagnostics;
using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Web.Accounts;
using AiGO.Web.Hosting;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AiGO.Bench;

/// <summary>
/// Memory per idle circuit: 100 headless Chromium pages (Debian's /usr/bin/chromium) held open on /courses, then 100 on
/// the wizard of the demo's trainee; the server's managed heap (after a full collection) and working set before and
/// after each hundred. Goal ≤ 200 KB per circuit on /courses. The server is this process; the browser is not.
/// </summary>
public static class CircuitBench
{
    private const int Pages = 100;
    private const int Batch = 10;
    private const string Chromium = "/usr/bin/chromium";

    public static async Task RunAsync()
    {
        if (!File.Exists(Chromium)) throw new InvalidOperationException($"{Chromium} is missing: apt-get install -y chromium fonts-noto-cjk (./test.sh does).");
        var circuits = new CircuitCount();
        // A closed page's circuit is dropped after 5 s instead of the default 3 minutes, so each hundred starts from none.
        await using var host = BenchHost.Start(services: s => s
            .AddSingleton<CircuitHandler>(circuits)
            .Configure<Microsoft.AspNetCore.Components.Server.CircuitOptions>(o => o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(5)));
        var wizardCourse = await SeedDemoAsync(host);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--renderer-process-limit=8"],
        });
        var signIn = await NewContextAsync(browser, host, null);
        var login = await signIn.NewPageAsync();
        await login.GotoAsync("Account/Login");
        await login.GetByLabel("信箱").FillAsync("trainee@aigo.example.tw");
        await login.GetByLabel("密碼").FillAsync(DemoSeeder.Password);
        await login.GetByRole(AriaRole.Button, new() { Name = "登入" }).ClickAsync();
        // Signed in once the sign-in cookie is there: that is all the wizard's pages need from this step.
        while (!(await signIn.CookiesAsync()).Any(c => c.Name is CookieSecurity.SignInCookie)) await Task.Delay(200);
        var trainee = await signIn.StorageStateAsync();
        await signIn.CloseAsync();

        Console.WriteLine($"{Pages} idle circuits each, the server in this process (Production, SQLite)");
        var courses = await MeasureAsync(browser, host, circuits, null, "courses");
        Console.WriteLine(courses.Line("/courses"));
        Console.WriteLine($"goal on /courses: managed heap ≤ 200 KB per circuit (Microsoft's figure for an empty app ≈ 250 KB)");
        Summary.Add("circuits: managed heap per idle circuit on /courses", $"{courses.HeapPerCircuitKb:F0} KB", "≤ 200 KB", courses.HeapPerCircuitKb <= 200);
        Summary.Add("circuits: working set per idle circuit on /courses", $"{courses.WorkingSetPerCircuitKb:F0} KB", "", null);
        var wizard = await MeasureAsync(browser, host, circuits, trainee, $"courses/{wizardCourse}/apply");
        Console.WriteLine(wizard.Line("/courses/{id}/apply (the wizard, signed in)"));
        Summary.Add("circuits: managed heap per idle circuit on the wizard", $"{wizard.HeapPerCircuitKb:F0} KB", "(reported)", null);
        Summary.Add("circuits: working set per idle circuit on the wizard", $"{wizard.WorkingSetPerCircuitKb:F0} KB", "", null);
    }

    private static async Task<Result> MeasureAsync(IBrowser browser, BenchHost host, CircuitCount circuits, string? storageState, string url)
    {
        // One page first, so the figures hold circuits and not the page's first compilation.
        var warm = await NewContextAsync(browser, host, storageState);
        await OpenAsync(warm, url);
        await warm.CloseAsync();
        await circuits.WaitForAsync(0);

        var before = Snapshot.Take();
        await HoldAsync($"{url} before its pages open");
        var context = await NewContextAsync(browser, host, storageState);
        for (var opened = 0; opened < Pages; opened += Batch)
            await Task.WhenAll(Enumerable.Range(0, Math.Min(Batch, Pages - opened)).Select(_ => OpenAsync(context, url)));
        await circuits.WaitForAsync(Pages);
        await Task.Delay(TimeSpan.FromSeconds(3)); // idle: the first renders' buffers are released
        var after = Snapshot.Take();
        await HoldAsync($"{url} with {circuits.Open} circuits open");
        var open = circuits.Open;
        await context.CloseAsync();
        await circuits.WaitForAsync(0);
        return new Result(before, after, open);
    }

    /// <summary>With AIGO_BENCH_HOLD=seconds, waits at each snapshot so a heap dump can be taken (dotnet-dump collect -p pid).</summary>
    private static async Task HoldAsync(string moment)
    {
        if (Environment.GetEnvironmentVariable("AIGO_BENCH_HOLD") is not { } hold) return;
        Console.WriteLine($"holding {moment} for a heap dump: pid {Environment.ProcessId}");
        await Task.Delay(TimeSpan.FromSeconds(int.Parse(hold)));
    }

    private static async Task OpenAsync(IBrowserContext context, string url)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        await page.Locator("main[data-interactive='True']").WaitForAsync();
    }

    private static async Task<IBrowserContext> NewContextAsync(IBrowser browser, BenchHost host, string? storageState)
    {
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = host.BaseUrl, Locale = "zh-TW", TimezoneId = "Asia/Taipei", StorageState = storageState,
            ExtraHTTPHeaders = new Dictionary<string, string> { [BenchHost.ForwardedHttps.Key] = BenchHost.ForwardedHttps.Value },
        });
        context.SetDefaultTimeout(180_000); // a loaded machine takes its time; the figures are memory, not speed
        context.SetDefaultNavigationTimeout(180_000);
        return context;
    }

    /// <summary>The demo, seeded as Development seeds it, so the trainee can open a wizard; returns that course.</summary>
    private static async Task<int> SeedDemoAsync(BenchHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AiGO.Domain.Data.AiGoDbContext>();
        await new DemoSeeder(db, sp.GetRequiredService<UserManager<AppUser>>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<NationalIdProtector>(), sp.GetRequiredService<SubsidyPolicy>()).SeedAsync();
        return await db.Courses.Where(c => c.Name == "AI智慧防詐(臺南班)").Select(c => c.Id).SingleAsync();
    }

    private sealed record Snapshot(long Heap, long WorkingSet)
    {
        public static Snapshot Take()
        {
            for (var i = 0; i < 3; i++)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
            }
            using var process = Process.GetCurrentProcess();
            return new Snapshot(GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
        }
    }

    private sealed record Result(Snapshot Before, Snapshot After, int Circuits)
    {
        public double HeapPerCircuitKb => (After.Heap - Before.Heap) / 1024.0 / Circuits;
        public double WorkingSetPerCircuitKb => (After.WorkingSet - Before.WorkingSet) / 1024.0 / Circuits;

        public string Line(string page) =>
            $"{page,-44} {Circuits} circuits   managed heap {Before.Heap / 1048576.0:F1} → {After.Heap / 1048576.0:F1} MB = {HeapPerCircuitKb,6:F0} KB/circuit   " +
            $"working set {Before.WorkingSet / 1048576.0:F0} → {After.WorkingSet / 1048576.0:F0} MB = {WorkingSetPerCircuitKb,6:F0} KB/circuit";
    }

    /// <summary>Counts the server's open circuits, so the figures are taken with every page live and none left over.</summary>
    private sealed class CircuitCount : CircuitHandler
    {
        private int _open;
        public int Open => Volatile.Read(ref _open);

        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken ct) { Interlocked.Increment(ref _open); return Task.CompletedTask; }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken ct) { Interlocked.Decrement(ref _open); return Task.CompletedTask; }

        public async Task WaitForAsync(int count)
        {
            var deadline = DateTime.UtcNow.AddMinutes(4);
            while (Open != count && DateTime.UtcNow < deadline) await Task.Delay(200);
            if (Open != count) throw new InvalidOperationException($"{Open} circuits open, expected {count}");
        }
    }
}
