using System.Diagnostics.Metrics;
using Monitoring.ServiceDefaults.Telemetry;

namespace Monitoring.Alert;

internal static class AlertMetrics
{
    public static readonly Counter<long> Raised = MonitoringTelemetry.Meter.CreateCounter<long>("monitoring.alert.alerts.raised");
    public static readonly Counter<long> StoryUpdates = MonitoringTelemetry.Meter.CreateCounter<long>("monitoring.alert.alerts.story_updates", description: "Further articles of an alerted story");
    public static readonly Histogram<double> MatchDuration = MonitoringTelemetry.Meter.CreateHistogram<double>("monitoring.alert.match.duration", unit: "ms");

    /// <summary>Deliveries that reached every channel; tagged with the channel type for per-channel counts.</summary>
    public static readonly Counter<long> Delivered = MonitoringTelemetry.Meter.CreateCounter<long>("monitoring.alert.deliveries.sent");

    /// <summary>Every attempt to send to one channel, tagged with the channel type and the outcome (sent, failed).</summary>
    public static readonly Counter<long> ChannelAttempts = MonitoringTelemetry.Meter.CreateCounter<long>("monitoring.alert.channel.attempts");

    /// <summary>Failed attempts that the bus will retry.</summary>
    public static readonly Counter<long> DeliveryFailures = MonitoringTelemetry.Meter.CreateCounter<long>("monitoring.alert.deliveries.failed_attempts");

    public static readonly Counter<long> Retried = MonitoringTelemetry.Meter.CreateCounter<long>("monitoring.alert.deliveries.retried", description: "Delivery attempts after the first");

    /// <summary>Alerts recorded as failed after the last retry.</summary>
    public static readonly Counter<long> Failed = MonitoringTelemetry.Meter.CreateCounter<long>("monitoring.alert.deliveries.failed");

    /// <summary>Announcements that found their alert under another attempt's lease.</summary>
    public static readonly Counter<long> LeaseHeld = MonitoringTelemetry.Meter.CreateCounter<long>("monitoring.alert.deliveries.lease_held");

    /// <summary>Pending alerts no delivery held, announced again by the sweeper.</summary>
    public static readonly Counter<long> Swept = MonitoringTelemetry.Meter.CreateCounter<long>("monitoring.alert.deliveries.swept");

    /// <summary>Live-stream announcements not sent again to listeners that had them.</summary>
    public static readonly Counter<long> StreamRepeatsDropped = MonitoringTelemetry.Meter.CreateCounter<long>("monitoring.alert.stream.repeats_dropped");

    public static readonly Counter<long> DigestsSent = MonitoringTelemetry.Meter.CreateCounter<long>("monitoring.alert.digests.sent");
    public static readonly Histogram<double> IngestToDelivery = MonitoringTelemetry.Meter.CreateHistogram<double>("monitoring.alert.ingest_to_delivery", unit: "ms");
}
