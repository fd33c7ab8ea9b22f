using System.Diagnostics.Metrics;
using Monitoring.ServiceDefaults.Telemetry;

namespace Monitoring.Ingest;

internal static class IngestMetrics
{
    public static readonly Counter<long> Published = MonitoringTelemetry.Meter.CreateCounter<long>("monitoring.ingest.articles.published");
    public static readonly Counter<long> Duplicates = MonitoringTelemetry.Meter.CreateCounter<long>("monitoring.ingest.articles.duplicates");
    public static readonly Counter<long> FeedPolls = MonitoringTelemetry.Meter.CreateCounter<long>("monitoring.ingest.feed.polls", description: "Feed polls by outcome (ok, not-modified, error).");
    public static readonly Counter<long> FeedItemsNew = MonitoringTelemetry.Meter.CreateCounter<long>("monitoring.ingest.feed.items_new");
    // Articles stored and not yet announced are the ingest outbox's pending messages: monitoring.outbox.pending{outbox="ingest_outbox"}.
    public static readonly Counter<long> StoryCopies = MonitoringTelemetry.Meter.CreateCounter<long>("monitoring.ingest.articles.story_copies");
}
