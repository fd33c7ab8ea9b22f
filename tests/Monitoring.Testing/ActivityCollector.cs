using System.Collections.Concurrent;
using System.Diagnostics;

namespace Monitoring.Testing;

/// <summary>Records every span any source in this process ends, as an OpenTelemetry exporter would see them.</summary>
public sealed class ActivityCollector : IDisposable
{
    private readonly ActivityListener _listener;

    public ActivityCollector()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Stopped.Add,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public ConcurrentBag<Activity> Stopped { get; } = [];

    public IReadOnlyList<Activity> InTrace(ActivityTraceId traceId) => Stopped.Where(a => a.TraceId == traceId).ToList();

    public void Dispose() => _listener.Dispose();
}
