using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Web.Live;
using AiGO.Web.Office;
using AiGO.Web.Organisers;
using AiGO.Domain.Data;
using AiGO.Domain.Mail;
using AiGO.Web.Accounts;
using AiGO.Web.Components;
using AiGO.Web.Components.Account;
using AiGO.Web.Components.Layout;
using AiGO.Web.Hosting;
using AiGO.Web.Import;
using AiGO.Web.Mail;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);
var dataFolder = AppPaths.DataFolder(builder.Configuration, builder.Environment);
// No "Server: Kestrel": nothing tells a visitor what runs here.
builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
builder.Services.AddHsts(o =>
{
    o.MaxAge = TimeSpan.FromDays(365);
    o.IncludeSubDomains = true;
});

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddSingleton<AiGO.Web.Components.Layout.ThemeStylesheet>();
builder.Services.AddTransient<MudLocalizer, MudChineseLocalizer>();
builder.Services.AddLocalizationInterceptor<ChineseFirstLocalizationInterceptor>();
// Chinese as characters, not &#x…; entities: a third of the bytes, and readable page source.
builder.Services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
builder.Services.AddSingleton(TimeProvider.System);

// Fail closed: once the data folder is gone or read-only, saves are refused with a Chinese message and /healthz says so.
var sqliteFile = DatabaseSetup.ProviderFrom(builder.Configuration) == DatabaseProvider.Sqlite
    ? DataFolderGuard.SqliteFile(builder.Configuration.GetConnectionString("Sqlite") ?? $"Data Source={Path.Combine(dataFolder, "aigo.db")}")
    : null;
builder.Services.AddSingleton(sp => new DataFolderGuard(dataFolder, sqliteFile, sp.GetRequiredService<TimeProvider>()));
builder.Services.AddSingleton<IStorageGuard>(sp => sp.GetRequiredService<DataFolderGuard>());
builder.Services.AddSingleton<FailedMailHealthCheck>();
builder.Services.AddAiGoDatabase(builder.Configuration, dataFolder);
builder.Services.AddHealthChecks().AddDbContextCheck<AiGoDbContext>("database").AddStorageChecks();
builder.Services.AddAiGoDataProtection(builder.Configuration, builder.Environment, dataFolder);

builder.Services.AddAiGoAccounts(builder.Configuration, dataFolder);
builder.Services.AddAiGoCookieSecurity(builder.Environment);
builder.Services.AddAiGoDomain(builder.Configuration);

builder.Services.Configure<MailOptions>(builder.Configuration.GetSection("Mail"));
var mailOptions = builder.Configuration.GetSection("Mail").Get<MailOptions>() ?? new MailOptions();
builder.Services.AddSingleton(new MailPaths(Path.Combine(dataFolder, mailOptions.PickupFolder)));
if (mailOptions.Transport == MailTransportKind.Smtp)
    builder.Services.AddSingleton<IMailTransport, SmtpMailTransport>();
else
    builder.Services.AddSingleton<IMailTransport, PickupFolderTransport>();
builder.Services.AddSingleton<OutboxSignal>();
builder.Services.AddSingleton<IMailSignal>(sp => sp.GetRequiredService<OutboxSignal>());
builder.Services.AddScoped<AiGO.Web.Applications.ApplyForCourse>();
builder.Services.AddSingleton<AiGO.Web.Applications.WizardDrafts>();
builder.Services.AddSingleton<DevMailbox>();
builder.Services.AddSingleton<OutboxSender>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
builder.Services.AddHostedService<AiGO.Web.Applications.CompletionWorker>();
builder.Services.AddHostedService<MailRetentionWorker>();
builder.Services.AddSingleton<VisitCounter>();
builder.Services.AddSingleton(new VisitCounterOptions { FlushInterval = builder.Configuration.GetValue("Hosting:VisitFlushInterval", TimeSpan.FromSeconds(30)) });
builder.Services.AddHostedService<VisitFlusher>();

builder.Services.AddAiGoLiveUpdates(builder.Configuration);
builder.Services.AddAiGoForwardedHeaders(builder.Configuration);
builder.Services.AddScoped<CurrentActor>();
builder.Services.AddSingleton<AiGO.Web.Office.RevealNationalId>();
builder.Services.Configure<AiGO.Web.Import.ImportOptions>(builder.Configuration.GetSection("Import"));
builder.Services.AddSingleton<AiGO.Web.Import.TraineeWorkbookReader>();
builder.Services.AddMemoryCache();
builder.Services.AddSingleton<AiGO.Web.Import.ImportDownloads>();

var app = builder.Build();
// Fail at start, not at the first profile save, when the national-ID keys are missing or weak outside Development.
app.Services.GetRequiredService<NationalIdProtector>();

await DatabaseInitializer.InitialiseAsync(app.Services, app.Environment, app.Configuration, app.Logger);

// First, so that error pages, redirects and files carry the headers too.
app.UseSecurityHeaders();
app.UseAiGoForwardedHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}
// 400, 404 and the other refusals without a body of their own get a Chinese page saying what happened.
app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
if (app.Configuration.GetValue("Hosting:HttpsRedirection", !app.Environment.IsDevelopment()))
    app.UseHttpsRedirection();

var taiwan = new CultureInfo("zh-TW");
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture(taiwan),
    SupportedCultures = [taiwan],
    SupportedUICultures = [taiwan],
});

// Development-only tools (/dev/mailbox) do not exist elsewhere, and in Development answer loopback callers only.
app.UseDevToolsForLoopbackOnly(app.Environment);

// Placed here rather than left implicit (first in the pipeline), so that sign-in redirects carry the headers above.
app.UseAuthentication();
app.UseAuthorization();

app.UseRateLimiter();
app.UseAntiforgery();
app.UseMiddleware<VisitCounterMiddleware>();
app.UseMiddleware<QueryValueGuard>();

app.MapStaticAssets();
app.MapHealthChecks("/healthz");
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAdditionalIdentityEndpoints();
app.MapCreditProof();
app.MapApplicantExport();
app.MapAuditExport();
app.MapReportExport();
app.MapTraineeImport();

// In Development, links in mails point where this app actually listens unless ProgrammeOffice:SiteUrl says otherwise.
if (app.Environment.IsDevelopment() && string.IsNullOrWhiteSpace(app.Configuration["ProgrammeOffice:SiteUrl"]))
    app.Lifetime.ApplicationStarted.Register(() => SiteAddress.UseListeningAddress(app.Services));

app.Run();

/// <summary>Visible to the test host.</summary>
public partial class Program;
