namespace Monitoring.Ingest.Sources;

/// <summary>One entry of an RSS or Atom feed. <see cref="Key"/> identifies it across polls (guid/id, else link, else title).</summary>
public sealed record FeedItem(string Key, string? Title, string? Link, DateTimeOffset? PublishedAt, string? ContentHtml, string? Summary);
