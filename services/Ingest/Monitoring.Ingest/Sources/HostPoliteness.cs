using Microsoft.Extensions.Options;

namespace Monitoring.Ingest.Sources;

/// <summary>
/// Spaces requests to one host by <see cref="FeedOptions.HostMinInterval"/>. Each caller reserves the next free slot
/// under the lock and then waits outside it, so concurrent polls of feeds on one host queue instead of bursting.
/// </summary>
public sealed class HostPoliteness(TimeProvider clock, IOptions<FeedOptions> options)
{
    private readonly Dictionary<string, DateTimeOffset> _nextSlot = new(StringComparer.OrdinalIgnoreCase);

    public async Task WaitTurnAsync(string host, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_nextSlot)
        {
            var now = clock.GetUtcNow();
            var slot = _nextSlot.TryGetValue(host, out var next) && next > now ? next : now;
            _nextSlot[host] = slot + options.Value.HostMinInterval;
            wait = slot - now;
            if (_nextSlot.Count > 10_000) Prune(now);
        }

        if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, cancellationToken);
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var host in _nextSlot.Where(pair => pair.Value <= now).Select(pair => pair.Key).ToList()) _nextSlot.Remove(host);
    }
}
