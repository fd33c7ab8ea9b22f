using System.Text.Json;
using Dapper;
using Monitoring.Classify.Articles;
using Monitoring.Classify.Coding;
using Monitoring.Contracts;
using Monitoring.Storage;
using Monitoring.Storage.Outbox;
using Monitoring.Storage.Paging;

namespace Monitoring.Classify.Storage;

public sealed class SqliteClassifiedArticleStore(SqliteDatabase database) : IClassifiedArticleStore, IStoreInitializer
{
    private const string Columns = "article_id AS ArticleId, story_id AS StoryId, title AS Title, url AS Url, source AS Source, language AS Language, published_at AS PublishedAt, ingested_at AS IngestedAt, classified_at AS ClassifiedAt, topics AS Topics, countries AS Countries, entities AS Entities";

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        // The table keeps the name it had when these rows were called events: existing databases read on.
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("""
            CREATE TABLE IF NOT EXISTS classify_events (
                article_id    TEXT NOT NULL PRIMARY KEY,
                story_id      TEXT NOT NULL,
                title         TEXT NULL,
                url           TEXT NULL,
                source        TEXT NULL,
                language      TEXT NOT NULL,
                published_at  TEXT NULL,
                ingested_at   TEXT NOT NULL,
                classified_at TEXT NOT NULL,
                topics        TEXT NOT NULL,
                countries     TEXT NOT NULL,
                entities      TEXT NULL);
            CREATE INDEX IF NOT EXISTS classify_events_page ON classify_events (classified_at DESC, article_id DESC);
            -- The paging index starts with classified_at; the story filter is "(@StoryId IS NULL OR ...)", which no index serves.
            DROP INDEX IF EXISTS classify_events_classified_at;
            DROP INDEX IF EXISTS classify_events_story;
            """);

        // Databases created before entities existed gain the column (additive; old rows read back without entities).
        var columns = await connection.QueryAsync<string>("SELECT name FROM pragma_table_info('classify_events')");
        if (!columns.Contains("entities")) await connection.ExecuteAsync("ALTER TABLE classify_events ADD COLUMN entities TEXT NULL");
        await SqliteCodedEventStore.CreateAsync(connection);
        await SqliteOutboxStore.CreateAsync(connection, ClassifyOutbox.Name);
    }

    public async Task<(bool Inserted, ClassifiedArticle Article)> TryInsertAsync(
        ClassifiedArticle document, IReadOnlyList<CodedEventDocument> events, OutboxMessage announcement, CancellationToken cancellationToken)
    {
        using var activity = SqliteDatabase.StartActivity("INSERT", "classify_events");
        var inserted = await database.WriteAsync(async write =>
        {
            var inserted = await write.ExecuteAsync("""
                INSERT INTO classify_events (article_id, story_id, title, url, source, language, published_at, ingested_at, classified_at, topics, countries, entities)
                VALUES (@ArticleId, @StoryId, @Title, @Url, @Source, @Language, @PublishedAt, @IngestedAt, @ClassifiedAt, @Topics, @Countries, @Entities)
                ON CONFLICT (article_id) DO NOTHING
                """,
                ("@ArticleId", document.ArticleId), ("@StoryId", document.StoryId), ("@Title", document.Title), ("@Url", document.Url),
                ("@Source", document.Source), ("@Language", document.Language), ("@PublishedAt", document.PublishedAt),
                ("@IngestedAt", document.IngestedAt), ("@ClassifiedAt", document.ClassifiedAt),
                ("@Topics", JsonSerializer.Serialize(document.Topics)), ("@Countries", JsonSerializer.Serialize(document.Countries)),
                ("@Entities", document.Entities is null ? null : JsonSerializer.Serialize(document.Entities))) == 1;
            if (!inserted) return false;
            await SqliteCodedEventStore.InsertAsync(write, events);
            await SqliteOutboxStore.AddAsync(write, ClassifyOutbox.Name, announcement);
            return true;
        }, cancellationToken);
        return inserted ? (true, document) : (false, (await GetAsync(document.ArticleId, cancellationToken))!);
    }

    public async Task<ClassifiedArticle?> GetAsync(string articleId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM classify_events WHERE article_id = @articleId", new { articleId });
        return row?.ToDocument();
    }

    public async Task<Page<ClassifiedArticle>> ListAsync(ClassifiedArticleQuery query, CancellationToken cancellationToken)
    {
        var after = query.Page.AfterKeys(2);
        using var activity = SqliteDatabase.StartActivity("SELECT", "classify_events");
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>($"""
            SELECT {Columns} FROM classify_events
            WHERE (@Country IS NULL OR EXISTS (SELECT 1 FROM json_each(countries) WHERE value = @Country))
              AND (@Topic IS NULL OR EXISTS (SELECT 1 FROM json_each(topics) WHERE json_extract(value, '$.Id') = @Topic))
              AND (@StoryId IS NULL OR story_id = @StoryId)
              AND (@ClassifiedAt IS NULL OR classified_at < @ClassifiedAt OR (classified_at = @ClassifiedAt AND article_id < @ArticleId))
            ORDER BY classified_at DESC, article_id DESC
            LIMIT @Limit
            """, new { query.Country, query.Topic, query.StoryId, ClassifiedAt = after?[0], ArticleId = after?[1], Limit = query.Limit + 1 });
        return Page.From(rows.Select(row => row.ToDocument()).ToList(), query.Limit, a => [PageCursor.Key(a.ClassifiedAt), a.ArticleId]);
    }

    private sealed class Row
    {
        public string ArticleId { get; init; } = "";
        public string StoryId { get; init; } = "";
        public string? Title { get; init; }
        public string? Url { get; init; }
        public string? Source { get; init; }
        public string Language { get; init; } = "";
        public DateTimeOffset? PublishedAt { get; init; }
        public DateTimeOffset IngestedAt { get; init; }
        public DateTimeOffset ClassifiedAt { get; init; }
        public string Topics { get; init; } = "[]";
        public string Countries { get; init; } = "[]";
        public string? Entities { get; init; }

        public ClassifiedArticle ToDocument() => new()
        {
            ArticleId = ArticleId, StoryId = StoryId, Title = Title, Url = Url, Source = Source, Language = Language,
            PublishedAt = PublishedAt, IngestedAt = IngestedAt, ClassifiedAt = ClassifiedAt,
            Topics = JsonSerializer.Deserialize<List<TopicScore>>(Topics)!, Countries = JsonSerializer.Deserialize<List<string>>(Countries)!,
            Entities = Entities is null ? null : JsonSerializer.Deserialize<List<ArticleEntity>>(Entities),
        };
    }
}
