using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Alert.Alerts;
using Monitoring.Alert.Scheduling;
using Monitoring.Alert.Subscriptions;

namespace Monitoring.Alert.Delivery;

/// <summary>
/// Finds pending alerts that no delivery is working on — the attempt that claimed one died and its lease ran out, or it
/// was never picked up — and announces them again (an <c>AlertRaised</c>, or a digest's <c>DigestDue</c>), so a killed
/// process or a lost message delays an alert but never loses it. The claim still decides who sends: announcing an
/// alert twice sends it once.
/// </summary>
public sealed class DeliverySweeper(IServiceScopeFactory scopes, IOptions<AlertOptions> options, TimeProvider clock, ILogger<DeliverySweeper> logger)
    : BackgroundService
{
    private const int Batch = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Sweeping stalled deliveries failed; trying again next tick");
            }
        }
    }

    /// <summary>Announces every stalled alert again; how many there were.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var alerts = scope.ServiceProvider.GetRequiredService<IAlertStore>();
        var publisher = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
        var now = clock.GetUtcNow();
        var stalled = await alerts.ListStalledAsync(now, now - options.Value.StalledAfter, Batch, cancellationToken);
        if (stalled.Count == 0) return 0;

        foreach (var alert in stalled)
        {
            logger.LogWarning("Alert {AlertId} is pending with no delivery under way (attempts so far: {Attempts}): announcing it again", alert.AlertId, alert.DeliveryAttempts);
        }

        var subscriptions = scope.ServiceProvider.GetRequiredService<ISubscriptionStore>();
        foreach (var message in await ScheduledDeliveryService.AnnouncementsAsync(stalled, subscriptions, now, cancellationToken))
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.WebhookTimeout);
            await publisher.Publish(message, message.GetType(), timeout.Token);
        }

        AlertMetrics.Swept.Add(stalled.Count);
        return stalled.Count;
    }
}
