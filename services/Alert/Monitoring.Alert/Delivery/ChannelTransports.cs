using Microsoft.Extensions.Options;
using Monitoring.Alert.Subscriptions;

namespace Monitoring.Alert.Delivery;

/// <summary>
/// Which channel types this service can actually send. A subscription naming one it cannot (e-mail without an SMTP
/// server) is refused when it is saved, rather than failing every alert later.
/// </summary>
public sealed class ChannelTransports(IOptions<AlertOptions> options)
{
    /// <summary>Why <paramref name="type"/> cannot be sent here, or null.</summary>
    public string? Unavailable(ChannelType type) => type switch
    {
        ChannelType.Email when string.IsNullOrWhiteSpace(options.Value.Smtp.Host) =>
            "e-mail channels need an SMTP server, and none is configured on this service (Alert:Smtp:Host)",
        _ => null,
    };
}
