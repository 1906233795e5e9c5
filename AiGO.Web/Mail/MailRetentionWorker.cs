using AiGO.Domain.Mail;
using Microsoft.Extensions.Options;

namespace AiGO.Web.Mail;

/// <summary>Removes the bodies of mails sent longer than <c>Mail:BodyRetention</c> ago, at start-up and every hour.</summary>
public sealed class MailRetentionWorker(MailRetention retention, IOptions<MailOptions> options, TimeProvider clock, ILogger<MailRetentionWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var emptied = await retention.SweepAsync(options.Value.BodyRetention, stoppingToken);
                if (emptied > 0) logger.LogInformation("Mail retention removed the bodies of {Count} sent mails", emptied);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Mail retention sweep failed; the next pass retries");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
