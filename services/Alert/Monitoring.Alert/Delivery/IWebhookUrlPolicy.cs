namespace Monitoring.Alert.Delivery;

/// <summary>
/// Decides whether the service may call a webhook URL (webhook, Slack and Teams channels), when a subscription is saved
/// and again before each call. <see cref="GuardedWebhookUrlPolicy"/> applies the shared SSRF guard.
/// </summary>
public interface IWebhookUrlPolicy
{
    /// <summary>Null when allowed, otherwise why not.</summary>
    ValueTask<string?> CheckAsync(Uri url, CancellationToken cancellationToken);
}
