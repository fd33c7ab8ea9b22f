using System.Diagnostics;

namespace Monitoring.Storage;

/// <summary>The storage layer's own trace source: a client span per SQLite statement. ServiceDefaults exports it.</summary>
public static class StorageTelemetry
{
    public const string SourceName = "Monitoring.Storage";

    public static readonly ActivitySource Source = new(SourceName);
}
