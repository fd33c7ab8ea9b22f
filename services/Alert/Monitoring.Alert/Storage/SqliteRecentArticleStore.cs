using Dapper;
using Monitoring.Alert.Preview;
using Monitoring.Storage;

namespace Monitoring.Alert.Storage;

/// <summary>Recent articles in <c>alert_recent_articles</c>: the message as JSON, unique by article id.</summary>
public sealed class SqliteRecentArticleStore(SqliteDatabase database) : IRecentArticleStore, IStoreInitializer
{
    private const string Table = "alert_recent_articles";

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync($"""
            CREATE TABLE IF NOT EXISTS {Table} (
                article_id  TEXT NOT NULL PRIMARY KEY,
                received_at TEXT NOT NULL,
                message     TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS {Table}_received ON {Table} (received_at DESC);
            """);
    }

    /// <summary>How far the cut-off must have moved since the last retention delete before the next one runs.</summary>
    internal static readonly TimeSpan DeleteStep = TimeSpan.FromMinutes(1);

    // Ticks of the cut-off of the last retention delete: deleting on every article scanned the index once per message
    // for rows a minute's worth at most; once a minute is the same retention to the minute.
    private long _deletedBefore = DateTimeOffset.MinValue.UtcTicks;

    public Task AddAsync(RecentArticle article, DateTimeOffset forgetBefore, CancellationToken cancellationToken)
    {
        // Built before the single writer takes it, so the JSON of one article never holds up the others' writes.
        var message = article.StoredJson();
        var cutOff = forgetBefore.ToUniversalTime();
        var last = Interlocked.Read(ref _deletedBefore);
        var delete = cutOff.UtcTicks - last >= DeleteStep.Ticks && Interlocked.CompareExchange(ref _deletedBefore, cutOff.UtcTicks, last) == last;
        return database.WriteAsync(async write =>
        {
            await write.ExecuteAsync(
                $"INSERT INTO {Table} (article_id, received_at, message) VALUES (@ArticleId, @ReceivedAt, @Message) ON CONFLICT DO NOTHING",
                ("@ArticleId", article.Article.ArticleId), ("@ReceivedAt", article.ReceivedAt.ToUniversalTime()), ("@Message", message));
            if (delete) await write.ExecuteAsync($"DELETE FROM {Table} WHERE received_at < @forgetBefore", ("@forgetBefore", cutOff));
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<RecentArticle>> ListAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Message, DateTimeOffset ReceivedAt)>(
            $"SELECT message AS Message, received_at AS ReceivedAt FROM {Table} WHERE received_at >= @since ORDER BY received_at DESC LIMIT @limit",
            new { since = since.ToUniversalTime(), limit });
        return rows.Select(r => new RecentArticle(RecentArticle.Read(r.Message), r.ReceivedAt)).ToList();
    }

    public async Task<RecentArticle?> GetAsync(string articleId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Message, DateTimeOffset ReceivedAt)?>(
            $"SELECT message AS Message, received_at AS ReceivedAt FROM {Table} WHERE article_id = @articleId", new { articleId });
        return row is { } r ? new RecentArticle(RecentArticle.Read(r.Message), r.ReceivedAt) : null;
    }
}
