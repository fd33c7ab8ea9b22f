using Monitoring.Storage.Paging;

namespace Monitoring.Classify.Coding;

public interface ICodedEventStore
{
    /// <summary>Stores an article's coded events; those already stored (same <see cref="CodedEventDocument.EventId"/>) are left as they are.</summary>
    Task InsertAsync(IReadOnlyList<CodedEventDocument> events, CancellationToken cancellationToken);

    /// <summary>
    /// Newest first (date added descending, then event id), filtered by root code, event code prefix, a country on either
    /// side, or a country pair in either direction; one page.
    /// </summary>
    Task<Page<CodedEventDocument>> ListAsync(CodedEventQuery query, CancellationToken cancellationToken);

    /// <summary>Every coded event of these stories, for counting mentions, sources and articles across a story.</summary>
    Task<IReadOnlyList<CodedEventDocument>> ListByStoriesAsync(IReadOnlyCollection<string> storyIds, CancellationToken cancellationToken);

    /// <summary>The events the query selects (its limit aside), counted per UTC day of <see cref="CodedEventDocument.DateAdded"/> and quad class, with their mean Goldstein value; by day, then quad class.</summary>
    Task<IReadOnlyList<DailyEventCount>> CountByDayAsync(CodedEventQuery query, CancellationToken cancellationToken);
}

/// <summary>One point of the events-over-time series: how many events of a quad class were coded that day, and their mean Goldstein value.</summary>
public sealed record DailyEventCount(DateOnly Day, int QuadClass, int Count, double MeanGoldstein);

/// <summary>
/// <see cref="Pair"/> is two ISO-3 codes; <see cref="Since"/> (inclusive) and <see cref="Until"/> (exclusive) bound
/// <see cref="CodedEventDocument.DateAdded"/>; <see cref="After"/> is the cursor of the previous page; <see cref="Box"/> selects the events placed inside it.
/// </summary>
public sealed record CodedEventQuery(
    string? Root = null, string? EventCode = null, string? Country = null, (string A, string B)? Pair = null, int? QuadClass = null,
    DateTimeOffset? Since = null, int Limit = 50, DateTimeOffset? Until = null, string? StoryId = null, string? After = null, GeoBox? Box = null)
{
    public PageRequest Page => new(Limit, After);
}

/// <summary>A latitude/longitude box in degrees; <see cref="West"/> greater than <see cref="East"/> crosses the antimeridian.</summary>
public sealed record GeoBox(double West, double South, double East, double North)
{
    public bool Contains(double latitude, double longitude) =>
        latitude >= South && latitude <= North && (West <= East ? longitude >= West && longitude <= East : longitude >= West || longitude <= East);
}
