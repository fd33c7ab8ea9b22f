using System.Net;
using Monitoring.ServiceDefaults.Safety;

namespace Monitoring.Alert.Delivery;

/// <summary>
/// The shared SSRF guard applied to webhook, Slack and Teams URLs. When a subscription is saved it refuses what is
/// internal on its face (non-http schemes, credentials, <c>localhost</c>, literal loopback, private, link-local or
/// metadata addresses in any spelling) without a DNS lookup, so saving never waits on the network; every call then goes
/// through the guarded HTTP client, which resolves, checks and pins the connection to a checked address.
/// </summary>
public sealed class GuardedWebhookUrlPolicy(OutboundUrlGuard guard) : IWebhookUrlPolicy
{
    public ValueTask<string?> CheckAsync(Uri url, CancellationToken cancellationToken)
    {
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) return Refuse("only http(s) URLs may be called");
        if (!string.IsNullOrEmpty(url.UserInfo)) return Refuse("URLs with credentials are not called");

        var host = url.IdnHost.Trim('[', ']').TrimEnd('.');
        if (guard.Options.AllowPrivateNetworks || guard.Options.AllowedHosts.Contains(host, StringComparer.OrdinalIgnoreCase)) return Allow();
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse($"{host} is this machine");
        }

        return IPAddress.TryParse(host, out var address) && !guard.IsAllowed(address)
            ? Refuse($"{host} is {address}, which is not a public address")
            : Allow();
    }

    private static ValueTask<string?> Allow() => ValueTask.FromResult<string?>(null);

    private static ValueTask<string?> Refuse(string reason) => ValueTask.FromResult<string?>(reason);
}
