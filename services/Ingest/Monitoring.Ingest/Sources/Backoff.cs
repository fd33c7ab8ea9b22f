namespace Monitoring.Ingest.Sources;

public static class Backoff
{
    /// <summary>
    /// The wait before polling a failing source again: the poll interval doubled per consecutive failure, capped,
    /// and never shorter than a <c>Retry-After</c> the server asked for.
    /// </summary>
    public static TimeSpan After(TimeSpan pollInterval, int consecutiveFailures, TimeSpan maxBackoff, TimeSpan? retryAfter = null)
    {
        var exponent = Math.Min(Math.Max(consecutiveFailures, 1), 20);
        var doubled = TimeSpan.FromTicks((long)Math.Min(pollInterval.Ticks * Math.Pow(2, exponent), maxBackoff.Ticks));
        var wait = doubled < pollInterval ? pollInterval : doubled;
        return retryAfter is { } asked && asked > wait ? (asked < TimeSpan.FromDays(1) ? asked : TimeSpan.FromDays(1)) : wait;
    }
}
