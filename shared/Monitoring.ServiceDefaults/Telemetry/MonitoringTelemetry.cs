using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Monitoring.ServiceDefaults.Telemetry;

/// <summary>The one activity source and meter the Monitoring services write their own spans and counters to.</summary>
public static class MonitoringTelemetry
{
    public const string SourceName = "Monitoring";

    public static readonly ActivitySource Source = new(SourceName);
    public static readonly Meter Meter = new(SourceName);
}
