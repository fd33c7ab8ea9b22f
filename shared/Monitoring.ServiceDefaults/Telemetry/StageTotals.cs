using System.Collections.Concurrent;

namespace Monitoring.ServiceDefaults.Telemetry;

/// <summary>
/// Messages consumed and faulted per receive endpoint since the process started, and when each endpoint last finished
/// one: what <c>GET /health/stages</c> answers, so a load tool (<c>monitor bench --target services</c>) or an operator
/// can count articles through a stage without a metrics pipeline. Fed by <see cref="StageMetricsObserver"/>.
/// </summary>
public sealed class StageTotals
{
    private readonly ConcurrentDictionary<string, Counters> _endpoints = new(StringComparer.Ordinal);

    /// <summary>One message finished at <paramref name="endpoint"/>, consumed or faulted.</summary>
    public void Record(string endpoint, bool faulted)
    {
        var counters = _endpoints.GetOrAdd(endpoint, static _ => new Counters());
        if (faulted) Interlocked.Increment(ref counters.Faulted);
        else Interlocked.Increment(ref counters.Consumed);
        Interlocked.Exchange(ref counters.LastTicks, DateTime.UtcNow.Ticks);
    }

    /// <summary>Every endpoint seen so far, by name.</summary>
    public IReadOnlyDictionary<string, StageTotal> Snapshot() =>
        _endpoints.OrderBy(pair => pair.Key, StringComparer.Ordinal).ToDictionary(
            pair => pair.Key,
            pair => new StageTotal(
                Interlocked.Read(ref pair.Value.Consumed),
                Interlocked.Read(ref pair.Value.Faulted),
                new DateTimeOffset(Interlocked.Read(ref pair.Value.LastTicks), TimeSpan.Zero)),
            StringComparer.Ordinal);

    private sealed class Counters
    {
        public long Consumed;
        public long Faulted;
        public long LastTicks;
    }
}

/// <summary>One endpoint's totals: messages its consumers finished, those that threw, and when the last of either finished (UTC).</summary>
public sealed record StageTotal(long Consumed, long Faulted, DateTimeOffset LastAt);
