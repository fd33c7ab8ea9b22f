namespace Monitoring.ServiceDefaults.Safety;

/// <summary>Limits on every request the system makes to a URL it was given (feeds, pages, webhooks).</summary>
public sealed class OutboundSafetyOptions
{
    public const string SectionName = "Safety";

    /// <summary>
    /// Exceptions to the private-address rule: a host name (its addresses are trusted whatever they are), an IP address
    /// or a CIDR range (<c>127.0.0.1</c>, <c>10.1.0.0/16</c>). For feeds on the local network and for tests.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Trust every address (development only): turns the address check off, not the scheme, size and time limits.</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>
    /// Exact URLs (scheme, host, port and path) that one client may call although their address is not public, set per
    /// client under <c>Safety:Clients:{client}:AllowedUrls</c> (the clients are <c>webhooks</c> and <c>ingest-fetch</c>). The
    /// one-process host allows its own demo webhook this way, for the webhook client only, so fetch and feeds still
    /// cannot reach anything on this machine.
    /// </summary>
    public List<string> AllowedUrls { get; set; } = [];

    /// <summary>Largest response body read from any download.</summary>
    public long MaxResponseBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Time for one whole request, redirects included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public int MaxRedirects { get; set; } = 5;

    public string UserAgent { get; set; } = "MonitoringBot/1.0 (+https://github.com/monitoring)";
}
