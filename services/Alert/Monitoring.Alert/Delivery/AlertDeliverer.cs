using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Alert.Alerts;

namespace Monitoring.Alert.Delivery;

/// <summary>
/// Sends an alert to its webhook at most once successfully: the delivery is claimed in the store first, so a
/// redelivered <c>AlertRaised</c> or a second consumer finds nothing to do. A failed POST throws, and the bus
/// retries with back-off; when the retries are spent the fault consumer records the alert as failed.
/// </summary>
public sealed class AlertDeliverer(
    IAlertStore alerts,
    IHttpClientFactory httpClients,
    IOptions<AlertOptions> options,
    TimeProvider clock,
    ILogger<AlertDeliverer> logger)
{
    public const string HttpClientName = "webhooks";
    public const string AlertIdHeader = "X-Monitoring-Alert-Id";

    public async Task DeliverAsync(string alertId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var alert = await alerts.TryClaimDeliveryAsync(alertId, now, now + options.Value.DeliveryLease, cancellationToken);
        if (alert is null) return;

        if (alert.WebhookUrl is null)
        {
            await alerts.CompleteDeliveryAsync(alertId, DeliveryStatus.NotRequired, now, null, cancellationToken);
            return;
        }

        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, alert.WebhookUrl)
            {
                Content = JsonContent.Create(new WebhookPayload(
                    alert.AlertId, alert.SubscriptionId, alert.ArticleId, alert.StoryId, alert.Title, alert.Url, alert.Topics, alert.Countries, alert.RaisedAt)),
            };
            request.Headers.Add(AlertIdHeader, alert.AlertId);
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await alerts.CompleteDeliveryAsync(alertId, DeliveryStatus.Pending, clock.GetUtcNow(), exception.Message, CancellationToken.None);
            AlertMetrics.DeliveryFailures.Add(1);
            logger.LogWarning("Webhook delivery of alert {AlertId} failed (attempt {Attempt}): {Error}", alertId, alert.DeliveryAttempts, exception.Message);
            throw;
        }

        var deliveredAt = clock.GetUtcNow();
        await alerts.CompleteDeliveryAsync(alertId, DeliveryStatus.Delivered, deliveredAt, null, cancellationToken);
        AlertMetrics.Delivered.Add(1);
        AlertMetrics.IngestToDelivery.Record((deliveredAt - alert.ArticleIngestedAt).TotalMilliseconds);
        Activity.Current?.SetTag("monitoring.alert_id", alertId);
    }
}
