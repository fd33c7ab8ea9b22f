using Microsoft.Extensions.DependencyInjection;
using Monitoring.ServiceDefaults.Safety;

namespace Monitoring.Alert.Delivery;

/// <summary>
/// The webhook client's SSRF guard applied to webhook, Slack and Teams URLs. When a subscription is saved it refuses what is
/// internal on its face (non-http schemes, credentials, <c>localhost</c>, literal loopback, private, link-local or
/// metadata addresses, unusual spellings of any address) without a DNS lookup, so saving never waits on the network;
/// every call then goes through the guarded HTTP client, which resolves, checks and pins the connection to a checked address.
/// </summary>
public sealed class GuardedWebhookUrlPolicy([FromKeyedServices(ChannelSender.HttpClientName)] OutboundUrlGuard guard) : IWebhookUrlPolicy
{
    public ValueTask<string?> CheckAsync(Uri url, CancellationToken cancellationToken) => ValueTask.FromResult(guard.RefusalWithoutLookup(url));
}
