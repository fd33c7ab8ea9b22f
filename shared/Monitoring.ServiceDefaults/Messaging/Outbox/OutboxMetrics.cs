using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Monitoring.ServiceDefaults.Telemetry;

namespace Monitoring.ServiceDefaults.Messaging.Outbox;

internal static class OutboxMetrics
{
    /// <summary>The outboxes of this process (three in the one-process host).</summary>
    public static readonly ConcurrentDictionary<Outbox, byte> Live = new();

    public static readonly Counter<long> Published = MonitoringTelemetry.Meter.CreateCounter<long>("monitoring.outbox.published", description: "Messages published from an outbox, at once or later.");
    public static readonly Counter<long> PublishFailures = MonitoringTelemetry.Meter.CreateCounter<long>("monitoring.outbox.publish_failures", description: "Publishes that failed or timed out; the message stayed in the outbox.");

    public static readonly ObservableGauge<long> Pending = MonitoringTelemetry.Meter.CreateObservableGauge<long>("monitoring.outbox.pending",
        () => Live.Keys.Select(outbox => new Measurement<long>(outbox.LastPending, new KeyValuePair<string, object?>("outbox", outbox.Name))),
        description: "Messages past the grace period still unpublished at the dispatcher's last look (not yet announced).");
}
