using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Monitoring.Alert.Matching;

/// <summary>Reloads the subscription index every <see cref="AlertOptions.IndexRefreshInterval"/>, picking up changes made through other instances.</summary>
public sealed class SubscriptionIndexRefresher(SubscriptionCatalog catalog, IOptions<AlertOptions> options, TimeProvider clock, ILogger<SubscriptionIndexRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.IndexRefreshInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await catalog.ReloadAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Reloading the subscription index failed; matching continues with the current one");
            }
        }
    }
}
