namespace Monitoring.Alert.Delivery;

/// <summary>
/// Decides whether the service may call a webhook URL (webhook, Slack and Teams channels), when a subscription is saved
/// and again before each call. The seam for the SSRF guard ingest uses for fetched URLs, which refuses loopback,
/// private and link-local addresses; until it is wired in, <see cref="PermissiveWebhookUrlPolicy"/> allows any http(s) URL.
/// </summary>
public interface IWebhookUrlPolicy
{
    /// <summary>Null when allowed, otherwise why not.</summary>
    ValueTask<string?> CheckAsync(Uri url, CancellationToken cancellationToken);
}

public sealed class PermissiveWebhookUrlPolicy : IWebhookUrlPolicy
{
    public ValueTask<string?> CheckAsync(Uri url, CancellationToken cancellationToken) =>
        ValueTask.FromResult(url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps ? null : "only http(s) URLs may be called");
}
