using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Monitoring.ServiceDefaults.Faults;

/// <summary>
/// Named places where the fault suite kills a service with SIGKILL, exactly between a side effect and what follows it
/// (stored but not published, sent but not recorded). Armed only by the environment variable
/// <c>MONITORING_FAILPOINTS</c> (<c>name:n,name:n</c>: die at the n-th time the name is reached), read once at start;
/// unarmed, <see cref="Reach"/> is a single static check. Tests only: never set it in a deployment.
/// </summary>
public static class FailPoints
{
    public const string Variable = "MONITORING_FAILPOINTS";

    public const string IngestStored = "ingest.stored";
    public const string ClassifyStored = "classify.stored";
    public const string AlertStored = "alert.stored";
    public const string AlertSent = "alert.sent";

    private static readonly Dictionary<string, int>? Armed = Parse(Environment.GetEnvironmentVariable(Variable));
    private static readonly ConcurrentDictionary<string, int> Reached = new(StringComparer.Ordinal);

    public static void Reach(string name)
    {
        if (Armed is null || !Armed.TryGetValue(name, out var at)) return;
        if (Reached.AddOrUpdate(name, 1, (_, count) => count + 1) != at) return;
        Console.Error.WriteLine($"fail point {name} reached ({at}): killing the process");
        Console.Error.Flush();
        Process.GetCurrentProcess().Kill();
        Thread.Sleep(Timeout.Infinite);
    }

    private static Dictionary<string, int>? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var armed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (name, count) = part.Split(':') is [var n, var c] ? (n, int.Parse(c, CultureInfo.InvariantCulture)) : (part, 1);
            armed[name] = count;
        }

        return armed;
    }
}
