using System.Diagnostics.Metrics;
using Monitoring.ServiceDefaults.Telemetry;

namespace Monitoring.Ingest;

internal static class IngestMetrics
{
    public static readonly Counter<long> Published = MonitoringTelemetry.Meter.CreateCounter<long>("monitoring.ingest.articles.published");
    public static readonly Counter<long> Duplicates = MonitoringTelemetry.Meter.CreateCounter<long>("monitoring.ingest.articles.duplicates");
    public static readonly Counter<long> FeedPolls = MonitoringTelemetry.Meter.CreateCounter<long>("monitoring.ingest.feed.polls", description: "Feed polls by outcome (ok, not-modified, error).");
    public static readonly Counter<long> FeedItemsNew = MonitoringTelemetry.Meter.CreateCounter<long>("monitoring.ingest.feed.items_new");
    /// <summary>Articles this process stored and has not announced yet: in flight, or stuck after a failed publish (a client re-post recovers them).</summary>
    public static readonly UpDownCounter<long> Unannounced = MonitoringTelemetry.Meter.CreateUpDownCounter<long>("monitoring.ingest.articles.unannounced");
    public static readonly Counter<long> StoryCopies = MonitoringTelemetry.Meter.CreateCounter<long>("monitoring.ingest.articles.story_copies");
}
