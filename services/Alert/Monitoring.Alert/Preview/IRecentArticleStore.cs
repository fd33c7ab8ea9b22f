using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Monitoring.Contracts;

namespace Monitoring.Alert.Preview;

/// <summary>A classified article as the alert service received it, kept for a while so a query can be tried on it.</summary>
public sealed record RecentArticle(ArticleClassified Article, DateTimeOffset ReceivedAt)
{
    /// <summary>
    /// The article's JSON exactly as it arrived, when the transport kept it: stored as it is instead of serialising
    /// <see cref="Article"/> again (a classified article is tens of KB; re-serialising it was 2 % of alert's CPU,
    /// docs/benchmarks.md). Empty when the article was not received as JSON.
    /// </summary>
    [JsonIgnore]
    public ReadOnlyMemory<byte> ReceivedJson { get; init; }

    /// <summary>
    /// Reads what <see cref="StoredJson"/> wrote, camelCase as received or PascalCase as rows written before: names are
    /// matched without regard to case.
    /// </summary>
    public static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    /// <summary>The JSON to store for <see cref="Article"/>: the received bytes when there are any.</summary>
    public string StoredJson() =>
        ReceivedJson.IsEmpty ? JsonSerializer.Serialize(Article, Json) : Encoding.UTF8.GetString(ReceivedJson.Span);

    public static ArticleClassified Read(string json) =>
        JsonSerializer.Deserialize<ArticleClassified>(json, Json) ?? throw new JsonException("A recent article stored as JSON null.");
}

/// <summary>
/// The classified articles of the last days, for <c>POST /api/subscriptions/preview</c> and the feedback export
/// (the alert service sees articles only in messages). Keyed by article id: a redelivered message is kept once.
/// </summary>
public interface IRecentArticleStore
{
    /// <summary>Keeps the article unless it is there already, and forgets articles received before <paramref name="forgetBefore"/>.</summary>
    Task AddAsync(RecentArticle article, DateTimeOffset forgetBefore, CancellationToken cancellationToken);

    /// <summary>Articles received at or after <paramref name="since"/>, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<RecentArticle>> ListAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken);

    Task<RecentArticle?> GetAsync(string articleId, CancellationToken cancellationToken);
}
