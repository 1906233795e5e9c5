using AiGO.Domain.Data;
using AiGO.Domain.Mail;
using AiGO.Web.Accounts;
using AiGO.Web.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AiGO.Web.Hosting;

/// <summary>/healthz: the data folder with its database file, the mail pickup folder and the uploads folder can be written.</summary>
public sealed class FolderHealthCheck(DataFolderGuard guard, Func<IServiceProvider, string?> folder, IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var path = folder(services);
        var problem = path is null ? guard.Problem() : guard.FolderProblem(path);
        return Task.FromResult(problem is null ? HealthCheckResult.Healthy(path ?? guard.DataFolder) : HealthCheckResult.Unhealthy(problem));
    }
}

/// <summary>
/// /healthz: mails that failed every attempt (寄送失敗) are growing — more than the fewest seen within the last
/// <see cref="Window"/> — so mail is not getting out. A stable count (old failures waiting for a resend) is healthy.
/// </summary>
public sealed class FailedMailHealthCheck(IDbContextFactory<AiGoDbContext> dbFactory, TimeProvider clock) : IHealthCheck
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly Lock _gate = new();
    private readonly Queue<(DateTimeOffset At, int Count)> _seen = new();

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var failed = await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Failed, cancellationToken);
        var now = clock.GetUtcNow();
        int fewest;
        lock (_gate)
        {
            while (_seen.Count > 0 && now - _seen.Peek().At > Window) _seen.Dequeue();
            fewest = _seen.Count == 0 ? failed : Math.Min(failed, _seen.Min(s => s.Count));
            _seen.Enqueue((now, failed));
        }
        return failed > fewest
            ? HealthCheckResult.Unhealthy($"寄送失敗的郵件在{Window.TotalMinutes:0}分鐘內增加了{failed - fewest}封（共{failed}封）")
            : HealthCheckResult.Healthy($"寄送失敗的郵件共{failed}封");
    }
}

public static class StorageHealthSetup
{
    public static IHealthChecksBuilder AddStorageChecks(this IHealthChecksBuilder checks) => checks
        .Add(new HealthCheckRegistration("data-folder", sp => new FolderHealthCheck(sp.GetRequiredService<DataFolderGuard>(), _ => null, sp), HealthStatus.Unhealthy, null))
        .Add(new HealthCheckRegistration("mail-folder", sp => new FolderHealthCheck(sp.GetRequiredService<DataFolderGuard>(),
            s => s.GetRequiredService<IOptions<MailOptions>>().Value.Transport == MailTransportKind.Pickup ? s.GetRequiredService<MailPaths>().PickupFolder : null, sp), HealthStatus.Unhealthy, null))
        .Add(new HealthCheckRegistration("uploads", sp => new FolderHealthCheck(sp.GetRequiredService<DataFolderGuard>(), s => s.GetRequiredService<UploadFolder>().Path, sp), HealthStatus.Unhealthy, null))
        .Add(new HealthCheckRegistration("failed-mail", sp => sp.GetRequiredService<FailedMailHealthCheck>(), HealthStatus.Unhealthy, null));
}
