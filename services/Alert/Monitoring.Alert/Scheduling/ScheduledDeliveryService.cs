using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Alert.Alerts;
using Monitoring.Alert.Matching;
using Monitoring.Alert.Subscriptions;
using Monitoring.ServiceDefaults.Messaging.Outbox;
using Monitoring.Storage.Outbox;

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
        var relay = scope.ServiceProvider.GetRequiredService<OutboxRelay>();

        var released = 0;
        IReadOnlyList<AlertRecord> due;
        do
        {
            var now = clock.GetUtcNow();
            IReadOnlyList<OutboxMessage> announcements = [];
            // Released and announced in one transaction: a crash in between cannot leave them pending and unannounced.
            due = await alerts.ReleaseDueAsync(now, Batch, async (batch, ct) =>
                announcements = (await AnnouncementsAsync(batch, subscriptions, now, ct)).Select(m => OutboxMessage.For(m, now)).ToList(), cancellationToken);
            released += due.Count;
            await relay.RelayAsync(AlertOutbox.Name, announcements, cancellationToken);
        }
        while (due.Count == Batch);

        return released;
    }

    /// <summary>
    /// What delivers these pending alerts: a digest subscription's alerts of one period (<see cref="AlertRecord.DueAt"/>)
    /// become one <see cref="DigestDue"/>; the others (quiet hours, urgent ones) an <see cref="Contracts.AlertRaised"/> each.
    /// </summary>
    public static async Task<IReadOnlyList<object>> AnnouncementsAsync(
        IReadOnlyList<AlertRecord> alerts, ISubscriptionStore subscriptions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var messages = new List<object>();
        foreach (var group in alerts.GroupBy(a => (a.SubscriptionId, a.DueAt)))
        {
            var subscription = await subscriptions.FindAsync(group.Key.SubscriptionId, cancellationToken);
            if (group.Key.DueAt is { } periodEnd && subscription?.Schedule.Kind is ScheduleKind.Hourly or ScheduleKind.Daily)
            {
                messages.Add(new DigestDue { SubscriptionId = group.Key.SubscriptionId, PeriodEnd = periodEnd, AlertIds = group.Select(a => a.AlertId).ToList() });
            }
            else
            {
                messages.AddRange(group.Select(AlertRaiser.Announcement));
            }
        }

        return messages;
    }
}
