using System.Collections.Concurrent;
using System.Diagnostics;

namespace Monitoring.Monitor.Bench;

/// <summary>The stages of the pipeline the bench times, in the order an article passes them.</summary>
public enum Stage
{
    Posted,
    Ingested,
    Classified,

    /// <summary>Alert has matched the article against every subscription, whether an alert was raised or not (embedded target only).</summary>
    Matched,
    Alerted,
    Delivered,
}

/// <summary>
/// When each article passed each stage, on this process's monotonic clock, whichever thread saw it. An alert can be
/// seen before the post that caused it has returned its article id, so times are kept per stage and joined at the end.
/// </summary>
public sealed class StageClock
{
    private readonly ConcurrentDictionary<string, long>[] _times = [.. Enum.GetValues<Stage>().Select(_ => new ConcurrentDictionary<string, long>(StringComparer.Ordinal))];
    private readonly long[] _counts = new long[Enum.GetValues<Stage>().Length];
    private readonly long[] _last = new long[Enum.GetValues<Stage>().Length];
    private long _start;

    public long Start => Interlocked.Read(ref _start);

    public void Begin() => Interlocked.CompareExchange(ref _start, Stopwatch.GetTimestamp(), 0);

    /// <summary>Forgets everything seen so far (the warm-up's articles), so the measured run starts clean.</summary>
    public void Reset()
    {
        foreach (var times in _times) times.Clear();
        Array.Clear(_counts);
        Array.Clear(_last);
        Interlocked.Exchange(ref _start, 0);
    }

    /// <summary>Records the first time <paramref name="articleId"/> reached <paramref name="stage"/>; later sightings (redeliveries) are ignored.</summary>
    public void Passed(Stage stage, string articleId, long? at = null)
    {
        var time = at ?? Stopwatch.GetTimestamp();
        if (!_times[(int)stage].TryAdd(articleId, time)) return;
        Interlocked.Increment(ref _counts[(int)stage]);
        long last;
        while (time > (last = Interlocked.Read(ref _last[(int)stage])) && Interlocked.CompareExchange(ref _last[(int)stage], time, last) != last)
        {
        }
    }

    public long Count(Stage stage) => Interlocked.Read(ref _counts[(int)stage]);

    /// <summary>Articles per second through <paramref name="stage"/>, from the first post to the last article it saw.</summary>
    public double Rate(Stage stage)
    {
        var last = Interlocked.Read(ref _last[(int)stage]);
        return last <= Start ? 0 : Count(stage) / Stopwatch.GetElapsedTime(Start, last).TotalSeconds;
    }

    public TimeSpan Elapsed(Stage stage) => Stopwatch.GetElapsedTime(Start, Math.Max(Start, Interlocked.Read(ref _last[(int)stage])));

    /// <summary>Milliseconds from <paramref name="from"/> to <paramref name="to"/> for every article seen at both, sorted.</summary>
    public double[] Latencies(Stage from, Stage to)
    {
        var end = _times[(int)to];
        return [.. _times[(int)from]
            .Where(start => end.ContainsKey(start.Key))
            .Select(start => Stopwatch.GetElapsedTime(start.Value, end[start.Key]).TotalMilliseconds)
            .Order()];
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
