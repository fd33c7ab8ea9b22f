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
}

/// <summary>
/// <see cref="Pair"/> is two ISO-3 codes; <see cref="Since"/> bounds <see cref="CodedEventDocument.DateAdded"/>;
/// <see cref="After"/> is the cursor of the previous page.
/// </summary>
public sealed record CodedEventQuery(
    string? Root = null, string? EventCode = null, string? Country = null, (string A, string B)? Pair = null, int? QuadClass = null,
    DateTimeOffset? Since = null, int Limit = 50, string? After = null)
{
    public PageRequest Page => new(Limit, After);
}
