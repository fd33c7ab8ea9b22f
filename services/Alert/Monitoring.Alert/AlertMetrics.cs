using System.Diagnostics.Metrics;
using Monitoring.ServiceDefaults.Telemetry;

namespace Monitoring.Alert;

internal static class AlertMetrics
{
    public static readonly Counter<long> Delivered = MonitoringTelemetry.Meter.CreateCounter<long>("monitoring.alert.deliveries.sent");
    public static readonly Counter<long> DeliveryFailures = MonitoringTelemetry.Meter.CreateCounter<long>("monitoring.alert.deliveries.failed_attempts");
    public static readonly Histogram<double> IngestToDelivery = MonitoringTelemetry.Meter.CreateHistogram<double>("monitoring.alert.ingest_to_delivery", unit: "ms");
}
