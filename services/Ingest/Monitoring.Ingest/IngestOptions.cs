namespace Monitoring.Ingest;

public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>Largest request body <c>POST /api/articles</c> accepts; larger ones get 413.</summary>
    public long MaxBodyBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Largest NDJSON batch (<c>application/x-ndjson</c>) <c>POST /api/articles</c> accepts; each line is still held to <see cref="MaxBodyBytes"/>.</summary>
    public long MaxBatchBytes { get; set; } = 32 * 1024 * 1024;

    public int MaxBatchLines { get; set; } = 10_000;

    /// <summary>Key (<c>X-Api-Key</c>) that may manage feed sources (<c>/api/sources</c>); unset means that API answers 403 to everyone.</summary>
    public string? AdminApiKey { get; set; }

    /// <summary>
    /// Posts (<c>POST /api/articles</c>, <c>/fetch</c>) worked on at once; up to <see cref="MaxQueuedRequests"/> more wait
    /// their turn, and beyond that a post is refused at once with 503 and Retry-After, so an overload slows publishers
    /// down instead of timing them out, and memory stays bounded.
    /// </summary>
    public int MaxConcurrentRequests { get; set; } = 32;

    public int MaxQueuedRequests { get; set; } = 256;

    /// <summary>A folder watched for <c>.txt</c> and <c>.html</c> files; unset means no drop folder.</summary>
    public string? DropFolder { get; set; }

    public TimeSpan DropFolderPollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
