namespace Monitoring.Monitor.Bench;

/// <summary>A running pipeline the bench drives: where to post, how to become an analyst, where alerts are delivered, how full its queues are.</summary>
public interface IBenchTarget : IAsyncDisposable
{
    string Description { get; }
    Uri IngestAddress { get; }
    Uri AlertAddress { get; }
    string WriteKey { get; }

    /// <summary>The bench's own webhook, which marks <see cref="Stage.Delivered"/>.</summary>
    string WebhookUrl { get; }

    /// <summary>A new analyst's API key.</summary>
    Task<string> CreateAnalystAsync(CancellationToken cancellationToken);

    /// <summary>CPU time used so far by each process of the pipeline (the embedded one: this whole process, the bench's posting included).</summary>
    IReadOnlyDictionary<string, TimeSpan> CpuTimes();

    /// <summary>Messages waiting per stage queue now; empty where the transport cannot tell (then the bench derives them from stage counts).</summary>
    Task<IReadOnlyDictionary<string, long>> QueueDepthsAsync(CancellationToken cancellationToken);
}
