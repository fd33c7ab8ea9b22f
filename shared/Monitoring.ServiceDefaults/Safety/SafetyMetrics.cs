using System.Diagnostics.Metrics;
using Monitoring.ServiceDefaults.Telemetry;

namespace Monitoring.ServiceDefaults.Safety;

internal static class SafetyMetrics
{
    public static readonly Counter<long> Refused = MonitoringTelemetry.Meter.CreateCounter<long>(
        "monitoring.outbound.refused", description: "Outbound requests refused by the URL guard (scheme or address).");
}
