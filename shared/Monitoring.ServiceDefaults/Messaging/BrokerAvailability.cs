using MassTransit;

namespace Monitoring.ServiceDefaults.Messaging;

/// <summary>
/// Whether the broker takes our messages now: false from a publish that failed or timed out until one succeeds, or
/// while the bus's own health says it is unreachable (cached for a moment, asked on every post). Lets a service refuse
/// new work with 503 while the broker is away, instead of accepting it and then waiting on a publish. After
/// <see cref="RetryAfter"/> one caller is let through again (half-open): its publish tells whether the broker is back.
/// </summary>
public sealed class BrokerAvailability(IBusControl bus, TimeProvider clock)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMilliseconds(250);
    private readonly Lock _gate = new();
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;
    private bool _healthy = true;
    private DateTimeOffset? _failedAt;

    /// <summary>How long a refused caller should wait before trying again: about one reconnection attempt.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public bool IsReachable
    {
        get
        {
            var now = clock.GetUtcNow();
            lock (_gate)
            {
                if (_failedAt is { } failedAt)
                {
                    if (now - failedAt < RetryAfter) return false;
                    _failedAt = now; // half-open: this caller tries; the others wait for its outcome
                }

                if (now - _checkedAt >= CacheFor)
                {
                    _healthy = bus.CheckHealth().Status != BusHealthStatus.Unhealthy;
                    _checkedAt = now;
                }

                return _healthy;
            }
        }
    }

    /// <summary>A publish was confirmed: the broker is there.</summary>
    public void Published()
    {
        lock (_gate) _failedAt = null;
    }

    /// <summary>A publish failed or was not confirmed in time.</summary>
    public void PublishFailed()
    {
        lock (_gate) _failedAt = clock.GetUtcNow();
    }
}

/// <summary>The broker cannot be reached: nothing was stored, the caller should retry after <see cref="BrokerAvailability.RetryAfter"/>.</summary>
public sealed class BrokerUnavailableException() : Exception("The message broker cannot be reached; nothing was stored. Retry later.");
