using System.Globalization;
using Dapper;
using Monitoring.Ingest.Articles;
using Monitoring.Ingest.Stories;
using Monitoring.Storage;
using Monitoring.Storage.Outbox;

namespace Monitoring.Ingest.Storage;

public sealed class SqliteArticleStore(SqliteDatabase database) : IArticleStore, IStoreInitializer
{
    private const string Columns = "article_id AS ArticleId, story_id AS StoryId, content_hash AS ContentHash, text AS Text, title AS Title, byline AS Byline, url AS Url, source AS Source, language AS Language, published_at AS PublishedAt, ingested_at AS IngestedAt, announced_at AS AnnouncedAt";

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("""
            CREATE TABLE IF NOT EXISTS ingest_articles (
                article_id   TEXT NOT NULL PRIMARY KEY,
                story_id     TEXT NOT NULL,
                content_hash TEXT NOT NULL UNIQUE,
                text         TEXT NOT NULL,
                title        TEXT NULL,
                byline       TEXT NULL,
                url          TEXT NULL,
                source       TEXT NULL,
                language     TEXT NOT NULL,
                published_at TEXT NULL,
                ingested_at  TEXT NOT NULL,
                announced_at TEXT NULL);
            DROP INDEX IF EXISTS ingest_articles_url;
            CREATE UNIQUE INDEX IF NOT EXISTS ingest_articles_url_unique ON ingest_articles (url) WHERE url IS NOT NULL;
            """);

        // Files created before the byline was kept gain the column; their articles keep a null byline.
        var columns = await connection.QueryAsync<string>("SELECT name FROM pragma_table_info('ingest_articles')");
        if (!columns.Contains("byline")) await connection.ExecuteAsync("ALTER TABLE ingest_articles ADD COLUMN byline TEXT NULL");
        await SqliteOutboxStore.CreateAsync(connection, IngestOutbox.Name);
    }

    public async Task<(bool Inserted, StoredArticle Article)> TryInsertAsync(StoredArticle article, OutboxMessage announcement, CancellationToken cancellationToken)
    {
        var (inserted, stored, _) = await InsertAsync(article, null, _ => announcement, cancellationToken);
        return (inserted, stored);
    }

    public Task<(bool Inserted, StoredArticle Article, int OutletCount)> TryInsertWithStoryAsync(
        StoredArticle article, StoryMember member, Func<int, OutboxMessage> announce, CancellationToken cancellationToken) =>
        InsertAsync(article, member, announce, cancellationToken);

    private async Task<(bool Inserted, StoredArticle Article, int OutletCount)> InsertAsync(
        StoredArticle article, StoryMember? member, Func<int, OutboxMessage> announce, CancellationToken cancellationToken)
    {
        using var activity = SqliteDatabase.StartActivity("INSERT", "ingest_articles");
        return await database.WriteAsync(async write =>
        {
            var inserted = await write.ExecuteAsync("""
                INSERT INTO ingest_articles (article_id, story_id, content_hash, text, title, byline, url, source, language, published_at, ingested_at, announced_at)
                VALUES (@ArticleId, @StoryId, @ContentHash, @Text, @Title, @Byline, @Url, @Source, @Language, @PublishedAt, @IngestedAt, @AnnouncedAt)
                ON CONFLICT DO NOTHING
                """,
                ("@ArticleId", article.ArticleId), ("@StoryId", article.StoryId), ("@ContentHash", article.ContentHash), ("@Text", article.Text),
                ("@Title", article.Title), ("@Byline", article.Byline), ("@Url", article.Url), ("@Source", article.Source), ("@Language", article.Language),
                ("@PublishedAt", article.PublishedAt), ("@IngestedAt", article.IngestedAt), ("@AnnouncedAt", article.AnnouncedAt));
            if (inserted == 1)
            {
                var outlets = 1;
                if (member is not null)
                {
                    await SqliteStoryStore.AddMemberAsync(write, member);
                    outlets = Convert.ToInt32(await write.ScalarAsync(
                        "SELECT COUNT(DISTINCT outlet) FROM ingest_story_members WHERE story_id = @StoryId", ("@StoryId", member.StoryId)), CultureInfo.InvariantCulture);
                }

                await SqliteOutboxStore.AddAsync(write, IngestOutbox.Name, announce(outlets));
                return (true, article, outlets);
            }

            var existing = await write.Connection.QuerySingleAsync<StoredArticle>(
                $"SELECT {Columns} FROM ingest_articles WHERE content_hash = @ContentHash OR article_id = @ArticleId OR (@Url IS NOT NULL AND url = @Url) LIMIT 1",
                article, write.Transaction);
            return (false, existing, 0);
        }, cancellationToken);
    }

    public Task<bool> QueueAnnouncementAsync(string articleId, DateTimeOffset announcedAt, OutboxMessage announcement, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            var marked = await write.ExecuteAsync(
                "UPDATE ingest_articles SET announced_at = @announcedAt WHERE article_id = @articleId AND announced_at IS NULL",
                ("@articleId", articleId), ("@announcedAt", announcedAt));
            if (marked == 1) await SqliteOutboxStore.AddAsync(write, IngestOutbox.Name, announcement);
            return marked == 1;
        }, cancellationToken);

    // Read for every post and announcement: on prepared statements (SqliteDatabase.ReadAsync).
    public async Task<StoredArticle?> GetAsync(string articleId, CancellationToken cancellationToken) =>
        (await database.ReadAsync(read => read.QueryAsync(
            $"SELECT {Columns} FROM ingest_articles WHERE article_id = @articleId", Article, ("@articleId", articleId)), cancellationToken)).SingleOrDefault();

    public async Task<StoredArticle?> FindByUrlAsync(string url, CancellationToken cancellationToken) =>
        (await database.ReadAsync(read => read.QueryAsync(
            $"SELECT {Columns} FROM ingest_articles WHERE url = @url ORDER BY ingested_at LIMIT 1", Article, ("@url", url)), cancellationToken)).FirstOrDefault();

    private static StoredArticle Article(Microsoft.Data.Sqlite.SqliteDataReader reader) => reader.GetRowParser<StoredArticle>()(reader);
}
