namespace Monitoring.Alert.Corroboration;

/// <summary>
/// One article's report of a coded event: the actor pair and CAMEO root within a window (<see cref="EventId"/>), and
/// who carried it. Unique by event and article, so a redelivered article or a second sentence coding the same event
/// counts once. A denial (CAMEO 016) is stored as the event its own codes give, with <see cref="IsDenial"/>.
/// </summary>
public sealed record EventReport
{
    public required string EventId { get; init; }
    public required string Source { get; init; }
    public required string Target { get; init; }
    public required string Root { get; init; }
    public required DateTimeOffset WindowStart { get; init; }
    public required string ArticleId { get; init; }
    public required string StoryId { get; init; }
    public required string Outlet { get; init; }
    public required string Cameo { get; init; }
    public string? Title { get; init; }
    public string? Url { get; init; }
    public required DateTimeOffset ReportedAt { get; init; }
    public bool IsDenial { get; init; }
}
