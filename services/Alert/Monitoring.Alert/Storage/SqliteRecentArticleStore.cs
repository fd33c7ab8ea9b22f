using System.Text.Json;
using Dapper;
using Monitoring.Alert.Preview;
using Monitoring.Contracts;
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

    public Task AddAsync(RecentArticle article, DateTimeOffset forgetBefore, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await write.ExecuteAsync(
                $"INSERT INTO {Table} (article_id, received_at, message) VALUES (@ArticleId, @ReceivedAt, @Message) ON CONFLICT DO NOTHING",
                ("@ArticleId", article.Article.ArticleId), ("@ReceivedAt", article.ReceivedAt.ToUniversalTime()), ("@Message", JsonSerializer.Serialize(article.Article)));
            await write.ExecuteAsync($"DELETE FROM {Table} WHERE received_at < @forgetBefore", ("@forgetBefore", forgetBefore.ToUniversalTime()));
        }, cancellationToken);

    public async Task<IReadOnlyList<RecentArticle>> ListAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Message, DateTimeOffset ReceivedAt)>(
            $"SELECT message AS Message, received_at AS ReceivedAt FROM {Table} WHERE received_at >= @since ORDER BY received_at DESC LIMIT @limit",
            new { since = since.ToUniversalTime(), limit });
        return rows.Select(r => new RecentArticle(JsonSerializer.Deserialize<ArticleClassified>(r.Message)!, r.ReceivedAt)).ToList();
    }

    public async Task<RecentArticle?> GetAsync(string articleId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Message, DateTimeOffset ReceivedAt)?>(
            $"SELECT message AS Message, received_at AS ReceivedAt FROM {Table} WHERE article_id = @articleId", new { articleId });
        return row is { } r ? new RecentArticle(JsonSerializer.Deserialize<ArticleClassified>(r.Message)!, r.ReceivedAt) : null;
    }
}
