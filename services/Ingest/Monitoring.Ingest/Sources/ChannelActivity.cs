using System.Collections.Concurrent;

namespace Monitoring.Ingest.Sources;

/// <summary>What one push channel (HTTP, NDJSON batch, fetch-by-URL, drop folder) has done since the process started.</summary>
public sealed record ChannelStatus(
    string Channel, DateTimeOffset? LastReceivedAt, long Received, long New, long Duplicates, long Rejected, string? LastError, DateTimeOffset? LastErrorAt);

/// <summary>
/// Counters for the channels that push articles in, the counterpart of a feed's status. Kept in memory (since start):
/// unlike feeds they have no schedule or conditional-GET state to carry across restarts; the same counts go to metrics.
/// </summary>
public sealed class ChannelActivity(TimeProvider clock)
{
    public const string Http = "http";
    public const string Batch = "batch";
    public const string Fetch = "fetch";
    public const string DropFolder = "drop-folder";

    private readonly ConcurrentDictionary<string, ChannelStatus> _channels = new(StringComparer.Ordinal);

    public void Ingested(string channel, bool duplicate) => Update(channel, status => status with
    {
        LastReceivedAt = clock.GetUtcNow(),
        Received = status.Received + 1,
        New = status.New + (duplicate ? 0 : 1),
        Duplicates = status.Duplicates + (duplicate ? 1 : 0),
    });

    public void Rejected(string channel, string error) => Update(channel, status => status with
    {
        LastReceivedAt = clock.GetUtcNow(),
        Received = status.Received + 1,
        Rejected = status.Rejected + 1,
        LastError = error,
        LastErrorAt = clock.GetUtcNow(),
    });

    public IReadOnlyList<ChannelStatus> Snapshot() =>
        new[] { Http, Batch, Fetch, DropFolder }.Select(channel => _channels.GetValueOrDefault(channel) ?? Empty(channel)).ToList();

    private void Update(string channel, Func<ChannelStatus, ChannelStatus> change) =>
        _channels.AddOrUpdate(channel, c => change(Empty(c)), (_, status) => change(status));

    private static ChannelStatus Empty(string channel) => new(channel, null, 0, 0, 0, 0, null, null);
}
