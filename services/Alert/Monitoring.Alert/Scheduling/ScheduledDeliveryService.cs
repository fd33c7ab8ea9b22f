using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Alert.Alerts;
using Monitoring.Alert.Matching;
using Monitoring.Alert.Subscriptions;

namespace Monitoring.Alert.Scheduling;

/// <summary>
/// Releases scheduled alerts when their time comes: the period's alerts of a digest subscription become one
/// <see cref="DigestDue"/> (so a digest is rendered once per period, each story once); alerts held by quiet hours are
/// announced one by one. Driven by <see cref="TimeProvider"/>, so tests move time instead of waiting.
/// </summary>
public sealed class ScheduledDeliveryService(IServiceScopeFactory scopes, IOptions<AlertOptions> options, TimeProvider clock, ILogger<ScheduledDeliveryService> logger)
    : BackgroundService
{
    private const int Batch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SchedulerInterval, clock);
        do
        {
            try
            {
                await ReleaseDueAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Releasing scheduled alerts failed; trying again next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> ReleaseDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var alerts = scope.ServiceProvider.GetRequiredService<IAlertStore>();
        var subscriptions = scope.ServiceProvider.GetRequiredService<ISubscriptionStore>();
        var publisher = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();

        var released = 0;
        IReadOnlyList<AlertRecord> due;
        do
        {
            due = await alerts.ReleaseDueAsync(clock.GetUtcNow(), Batch, cancellationToken);
            released += due.Count;
            foreach (var group in due.GroupBy(a => (a.SubscriptionId, a.DueAt)))
            {
                var subscription = await subscriptions.FindAsync(group.Key.SubscriptionId, cancellationToken);
                if (subscription?.Schedule.Kind is ScheduleKind.Hourly or ScheduleKind.Daily)
                {
                    await publisher.Publish(new DigestDue
                    {
                        SubscriptionId = group.Key.SubscriptionId,
                        PeriodEnd = group.Key.DueAt ?? clock.GetUtcNow(),
                        AlertIds = group.Select(a => a.AlertId).ToList(),
                    }, cancellationToken);
                }
                else
                {
                    foreach (var alert in group) await publisher.Publish(AlertRaiser.Announcement(alert), cancellationToken);
                }
            }
        }
        while (due.Count == Batch);

        return released;
    }
}
