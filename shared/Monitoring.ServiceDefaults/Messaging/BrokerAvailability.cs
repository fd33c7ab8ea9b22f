using MassTransit;

namespace Monitoring.ServiceDefaults.Messaging;

/// <summary>
/// Whether the bus can reach its broker now, as its own health says (cached for a moment, asked on every post). Lets a
/// service refuse new work with 503 while the broker is away, instead of accepting it and then waiting on a publish.
/// </summary>
public sealed class BrokerAvailability(IBusControl bus, TimeProvider clock)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMilliseconds(250);
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;
    private bool _reachable = true;

    /// <summary>How long a refused caller should wait before trying again: about one reconnection attempt.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public bool IsReachable
    {
        get
        {
            var now = clock.GetUtcNow();
            if (now - _checkedAt < CacheFor) return _reachable;
            _reachable = bus.CheckHealth().Status != BusHealthStatus.Unhealthy;
            _checkedAt = now;
            return _reachable;
        }
    }
}

/// <summary>The broker cannot be reached: nothing was stored, the caller should retry after <see cref="BrokerAvailability.RetryAfter"/>.</summary>
public sealed class BrokerUnavailableException() : Exception("The message broker cannot be reached; nothing was stored. Retry later.");
