using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Alert.Alerts;
using Monitoring.Alert.Subscriptions;
using Monitoring.Contracts;
using Monitoring.ServiceDefaults.Faults;

namespace Monitoring.Alert.Delivery;

/// <summary>
/// Sends alerts to their subscription's channels: each alert is claimed in the store first (a lease), so a redelivered
/// message or a second consumer finds nothing to do while one attempt is under way, and each channel that succeeded is
/// remembered, so a retry sends only to the others. A failure throws and the bus retries with exponential back-off and
/// jitter; when the retries are spent, <see cref="DeliveryFailedConsumer"/> records the alert as failed. An attempt that
/// dies (the process killed) leaves its lease to run out; <see cref="DeliverySweeper"/> then delivers the alert again.
/// That is at-least-once towards a webhook receiver, only for the one send the dead attempt may have completed; receivers
/// tell it apart by <see cref="DeliveryIds.AlertIdHeader"/> and <see cref="DeliveryIds.DeliveryIdHeader"/>. Slack, Teams
/// and e-mail have no such key, so there the send the dead attempt was making is not repeated (at most once).
/// </summary>
public sealed class AlertDeliverer(
    IAlertStore alerts,
    ISubscriptionStore subscriptions,
    ChannelSender sender,
    IOptions<AlertOptions> options,
    TimeProvider clock,
    ILogger<AlertDeliverer> logger)
{
    public const string AlertIdHeader = DeliveryIds.AlertIdHeader;

    public async Task DeliverAsync(AlertRaised announced, CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync([announced.AlertId], cancellationToken);
        if (claimed.Count == 0)
        {
            await ExplainUnclaimedAsync(announced, cancellationToken);
            return;
        }

        await SendAsync(claimed, digestPeriodEnd: null, cancellationToken);
    }

    /// <summary>
    /// Nothing to claim: delivered, failed or cancelled already (a plain redelivery), or pending under another attempt's
    /// lease. The latter is not done: it is said in the log, and the sweeper takes the alert over if that lease runs out.
    /// </summary>
    private async Task ExplainUnclaimedAsync(AlertRaised announced, CancellationToken cancellationToken)
    {
        if ((await alerts.GetAsync(announced.AnalystId, announced.AlertId, cancellationToken))?.DeliveryStatus != DeliveryStatus.Pending) return;
        AlertMetrics.LeaseHeld.Add(1);
        logger.LogInformation(
            "Alert {AlertId} is held by another delivery attempt: not sent again now; if that attempt never ends, the sweeper delivers the alert once its lease ({Lease}) runs out",
            announced.AlertId, options.Value.DeliveryLease);
    }

    /// <summary>One digest for the period: every still-pending alert listed once, sent to every channel once.</summary>
    public async Task DeliverDigestAsync(IReadOnlyList<string> alertIds, DateTimeOffset periodEnd, CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(alertIds, cancellationToken);
        if (claimed.Count == 0) return;
        await SendAsync(claimed, periodEnd, cancellationToken);
        AlertMetrics.DigestsSent.Add(1);
    }

    private async Task<List<AlertRecord>> ClaimAsync(IReadOnlyList<string> alertIds, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claimed = new List<AlertRecord>();
        foreach (var id in alertIds.Distinct())
        {
            if (await alerts.TryClaimDeliveryAsync(id, now, now + options.Value.DeliveryLease, cancellationToken) is { } alert) claimed.Add(alert);
        }

        return claimed;
    }

    private async Task SendAsync(List<AlertRecord> claimed, DateTimeOffset? digestPeriodEnd, CancellationToken cancellationToken)
    {
        var first = claimed[0];
        var subscription = await subscriptions.FindAsync(first.SubscriptionId, cancellationToken);
        if (subscription is null || subscription.Channels.Count == 0)
        {
            foreach (var alert in claimed) await alerts.CompleteDeliveryAsync(alert.AlertId, DeliveryStatus.NotRequired, clock.GetUtcNow(), null, cancellationToken);
            return;
        }

        if (first.DeliveryAttempts > 1) AlertMetrics.Retried.Add(1);
        var errors = new List<string>();
        var admitted = new HashSet<string>(StringComparer.Ordinal);
        string? sentLast = null;
        for (var i = 0; i < subscription.Channels.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var channel = subscription.Channels[i];
            var key = ChannelSender.KeyOf(channel);

            // A channel gated by corroboration is sent only the event alerts it admits, and every channel only what it has not had yet.
            var forChannel = claimed.FindAll(a => ChannelGate.Admits(channel, a));
            admitted.UnionWith(forChannel.Select(a => a.AlertId));
            var due = forChannel.FindAll(a => !a.DeliveredChannels.Contains(key));
            if (due.Count == 0) continue;
            var notification = new Notification(subscription, due, digestPeriodEnd);

            // A webhook receiver can tell a repeat by the alert id, so it is marked once sent (at-least-once). Slack, Teams
            // and mail show whatever arrives, so they are marked before the send and unmarked only when it fails: an
            // attempt that dies mid-send is not repeated there (at most once).
            var markedBefore = channel.Type != ChannelType.Webhook;
            try
            {
                if (markedBefore) await MarkAsync(due, key, cancellationToken);
                // A send once started is finished (bounded by Alert:WebhookTimeout) and recorded even if the consumer is
                // cancelled meanwhile (a broker connection lost mid-delivery): abandoned, the receiver may still have it,
                // and the sweeper would send it again once the lease runs out.
                await sender.SendAsync(channel, notification, CancellationToken.None);
                FailPoints.Reach(FailPoints.AlertSent);
                AlertMetrics.ChannelAttempts.Add(1, new("channel", channel.Type.ToString()), new("outcome", "sent"));
                // The last channel of a single alert is marked with its completion below: one write fewer per alert.
                if (!markedBefore && i == subscription.Channels.Count - 1 && errors.Count == 0 && claimed.Count == 1) sentLast = key;
                else if (!markedBefore) await MarkAsync(due, key, CancellationToken.None);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (markedBefore) await UnmarkAsync(due, key);
                errors.Add($"{channel.Type}: {exception.Message}");
                AlertMetrics.DeliveryFailures.Add(1, new KeyValuePair<string, object?>("channel", channel.Type.ToString()));
                AlertMetrics.ChannelAttempts.Add(1, new("channel", channel.Type.ToString()), new("outcome", "failed"));
                logger.LogWarning("Delivery of alert {AlertId} to {Channel} failed (attempt {Attempt}): {Error}", first.AlertId, channel.Type, first.DeliveryAttempts, exception.Message);
            }
        }

        if (errors.Count > 0)
        {
            var error = string.Join("; ", errors);
            foreach (var alert in claimed) await alerts.CompleteDeliveryAsync(alert.AlertId, DeliveryStatus.Pending, clock.GetUtcNow(), error, CancellationToken.None, sentLast);
            throw new DeliveryFailedException(error);
        }

        var deliveredAt = clock.GetUtcNow();
        foreach (var alert in claimed)
        {
            // An alert no channel admits (a story alert of a subscription whose only channel waits for corroboration) is listed, not sent.
            var delivered = admitted.Contains(alert.AlertId);
            await alerts.CompleteDeliveryAsync(alert.AlertId, delivered ? DeliveryStatus.Delivered : DeliveryStatus.NotRequired, deliveredAt, null, CancellationToken.None, sentLast);
            if (!delivered) continue;
            AlertMetrics.Delivered.Add(1);
            AlertMetrics.IngestToDelivery.Record((deliveredAt - alert.ArticleIngestedAt).TotalMilliseconds);
        }

        await CatchUpGatesAsync(subscription, claimed, cancellationToken);
        Activity.Current?.SetTag("monitoring.alert_id", first.AlertId);
    }

    /// <summary>
    /// An event may cross a gate while its alert is being sent: the raiser then updates the provenance but cannot requeue
    /// an alert under delivery. Read after completing, so whichever of the two writes came second sees the other: a gated
    /// channel that now admits the alert and has not had it is sent it in another delivery.
    /// </summary>
    private async Task CatchUpGatesAsync(Subscription subscription, List<AlertRecord> claimed, CancellationToken cancellationToken)
    {
        if (!subscription.Channels.Any(c => c.MinOutlets is not null)) return;
        foreach (var sent in claimed.Where(a => a.Corroboration is not null))
        {
            if (await alerts.GetAsync(sent.AnalystId, sent.AlertId, cancellationToken) is not { Corroboration: { } corroboration } now) continue;
            if (!subscription.Channels.Any(c => ChannelGate.Admits(c, now) && !now.DeliveredChannels.Contains(ChannelSender.KeyOf(c)))) continue;
            var at = clock.GetUtcNow();
            var (status, dueAt) = Scheduling.DeliveryTiming.Decide(subscription, now.Urgent, at);
            await alerts.UpdateCorroborationAsync(now.AlertId, corroboration, now.Outlets, Matching.AlertRaiser.Requeue(status, dueAt, at, []), cancellationToken);
        }
    }

    private async Task MarkAsync(List<AlertRecord> claimed, string key, CancellationToken cancellationToken)
    {
        foreach (var alert in claimed) await alerts.MarkChannelDeliveredAsync(alert.AlertId, key, cancellationToken);
    }

    private async Task UnmarkAsync(List<AlertRecord> claimed, string key)
    {
        foreach (var alert in claimed) await alerts.UnmarkChannelDeliveredAsync(alert.AlertId, key, CancellationToken.None);
    }
}

/// <summary>At least one channel refused the delivery; the message is retried.</summary>
public sealed class DeliveryFailedException(string message) : Exception(message);
