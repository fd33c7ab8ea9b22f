namespace Monitoring.Monitor.Bench;

public enum BenchTarget
{
    /// <summary>The one-process host (<c>monitor run</c>): in-memory bus, a SQLite file per service.</summary>
    Embedded,

    /// <summary>The three service processes, each with its own SQLite file, over RabbitMQ.</summary>
    Services,
}

/// <param name="Articles">How many articles to post (copies included).</param>
/// <param name="Rate">Articles per second; 0 posts flat out.</param>
/// <param name="Concurrency">Posts in flight at once.</param>
/// <param name="CopyShare">Share of posts that repeat an earlier article, exactly or rewritten.</param>
/// <param name="Broker">The broker for the services target and for the floor; null: no floor (embedded only).</param>
/// <param name="Floor">Also measure the raw RabbitMQ 3-hop floor.</param>
/// <param name="ServicesDirectory">Published services to run (one folder per service) instead of their build output.</param>
/// <param name="ServiceSettings">Extra settings for every service process (<c>KEY=VALUE</c>), e.g. per-endpoint prefetch.</param>
public sealed record BenchOptions(
    BenchTarget Target,
    int Articles,
    double Rate,
    int Concurrency,
    double CopyShare,
    int Seed,
    BrokerAddress? Broker,
    bool Floor,
    bool Warmup,
    IReadOnlyList<string> ServiceSettings,
    TimeSpan Timeout,
    DirectoryInfo? ServicesDirectory = null);
