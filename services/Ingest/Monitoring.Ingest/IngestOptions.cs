namespace Monitoring.Ingest;

public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>Largest request body <c>POST /api/articles</c> accepts; larger ones get 413.</summary>
    public long MaxBodyBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>A folder watched for <c>.txt</c> and <c>.html</c> files; unset means no drop folder.</summary>
    public string? DropFolder { get; set; }

    public TimeSpan DropFolderPollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
