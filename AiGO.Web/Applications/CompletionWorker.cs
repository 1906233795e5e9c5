using AiGO.Domain.Applications;

namespace AiGO.Web.Applications;

/// <summary>
/// Runs the completion sweep at start-up and every hour, so an application is 已結訓 or 未達結訓標準 after its course
/// ends even when nobody touches it. Every instance may run it: each move is decided again under the application's lock.
/// </summary>
public sealed class CompletionWorker(CompletionSweep sweep, TimeProvider clock, ILogger<CompletionWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var moved = await sweep.RunAsync(stoppingToken);
                if (moved > 0) logger.LogInformation("Completion sweep decided {Count} applications", moved);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Completion sweep failed; the next pass retries");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
