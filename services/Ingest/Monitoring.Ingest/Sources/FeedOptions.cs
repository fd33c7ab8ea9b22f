namespace Monitoring.Ingest.Sources;

public sealed class FeedOptions
{
    public const string SectionName = "Ingest:Feeds";

    /// <summary>Feeds declared in configuration; created or updated at start (the API manages the others).</summary>
    public List<FeedSourceDefinition> Sources { get; set; } = [];

    /// <summary>A JSON file holding an array of feed definitions (<c>id</c>, <c>url</c>, <c>name</c>, <c>pollInterval</c>), applied like <see cref="Sources"/>.</summary>
    public string? SourcesFile { get; set; }

    /// <summary>Turns the background poller off (sources can still be polled through <c>POST /api/sources/{id}/poll</c>).</summary>
    public bool SchedulerEnabled { get; set; } = true;

    /// <summary>How often the scheduler looks for sources that are due.</summary>
    public TimeSpan SchedulerTick { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan DefaultPollInterval { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Politeness: at least this long between two requests to one host, whichever source or item asks.</summary>
    public TimeSpan HostMinInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Failures double the wait before the next poll, up to this.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(6);

    public int MaxConcurrentPolls { get; set; } = 4;
    public int MaxItemsPerPoll { get; set; } = 50;
    public long MaxFeedBytes { get; set; } = 5 * 1024 * 1024;
    public long MaxPageBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Feed items whose own content (<c>content:encoded</c>, Atom <c>content</c>) is at least this long are ingested from it without fetching the link.</summary>
    public int MinInlineContentChars { get; set; } = 500;
}

/// <summary>A feed as the operator describes it, in configuration or in <c>POST /api/sources</c>.</summary>
public sealed record FeedSourceDefinition
{
    public string? Id { get; init; }
    public string? Url { get; init; }
    public string? Name { get; init; }
    public TimeSpan? PollInterval { get; init; }
    public bool? Enabled { get; init; }
}
