using Dapper;
using Microsoft.Data.Sqlite;

namespace Monitoring.Alert.Storage;

/// <summary>The <c>alert_story_alerts</c> table: its columns as <see cref="SqliteAlertRow"/> reads them, and its schema with the columns later versions added.</summary>
internal static class SqliteAlertTable
{
    public const string Name = "alert_story_alerts";

    private const string Table = Name;

    public const string Columns = """
        alert_id AS AlertId, subscription_id AS SubscriptionId, analyst_id AS AnalystId, story_id AS StoryId, article_id AS ArticleId,
        title AS Title, url AS Url, topics AS Topics, countries AS Countries, article_count AS ArticleCount, outlets AS Outlets,
        latest_article_id AS LatestArticleId, latest_title AS LatestTitle, latest_url AS LatestUrl, updated_at AS UpdatedAt, urgent AS Urgent,
        article_ingested_at AS ArticleIngestedAt, raised_at AS RaisedAt, delivery_status AS DeliveryStatus, due_at AS DueAt,
        delivery_attempts AS DeliveryAttempts, delivered_at AS DeliveredAt, last_error AS LastError, delivered_channels AS DeliveredChannels,
        not_relevant_at AS NotRelevantAt, relevant_at AS RelevantAt, feedback_comment AS FeedbackComment, read_at AS ReadAt,
        corroboration AS Corroboration, shifts AS Shifts, breaking AS Breaking
        """;

    public const string Select = "SELECT " + Columns + " FROM " + Table;

    public static async Task CreateAsync(SqliteConnection connection)
    {
        await connection.ExecuteAsync($"""
            CREATE TABLE IF NOT EXISTS {Table} (
                alert_id            TEXT NOT NULL PRIMARY KEY,
                subscription_id     TEXT NOT NULL,
                analyst_id          TEXT NOT NULL,
                story_id            TEXT NOT NULL,
                article_id          TEXT NOT NULL,
                title               TEXT NULL,
                url                 TEXT NULL,
                topics              TEXT NOT NULL,
                countries           TEXT NOT NULL,
                article_count       INTEGER NOT NULL,
                outlets             TEXT NOT NULL,
                article_ids         TEXT NOT NULL,
                latest_article_id   TEXT NULL,
                latest_title        TEXT NULL,
                latest_url          TEXT NULL,
                updated_at          TEXT NULL,
                urgent              INTEGER NOT NULL DEFAULT 0,
                article_ingested_at TEXT NOT NULL,
                raised_at           TEXT NOT NULL,
                delivery_status     TEXT NOT NULL,
                due_at              TEXT NULL,
                delivery_attempts   INTEGER NOT NULL DEFAULT 0,
                delivered_at        TEXT NULL,
                last_error          TEXT NULL,
                delivered_channels  TEXT NOT NULL DEFAULT '[]',
                not_relevant_at     TEXT NULL,
                relevant_at         TEXT NULL,
                feedback_comment    TEXT NULL,
                lease_until         TEXT NULL,
                read_at             TEXT NULL,
                pending_since       TEXT NULL,
                corroboration       TEXT NULL,
                shifts              TEXT NULL,
                breaking            TEXT NULL,
                UNIQUE (subscription_id, story_id));
            CREATE INDEX IF NOT EXISTS {Table}_due ON {Table} (delivery_status, due_at);
            """);

        // Tables created before the sweeper, the "relevant" verdict or read state gain their columns (additive: a NULL pending_since reads
        // as "pending since it was raised").
        var columns = await connection.QueryAsync<string>($"SELECT name FROM pragma_table_info('{Table}')");
        if (!columns.Contains("pending_since")) await connection.ExecuteAsync($"ALTER TABLE {Table} ADD COLUMN pending_since TEXT NULL");
        if (!columns.Contains("relevant_at")) await connection.ExecuteAsync($"ALTER TABLE {Table} ADD COLUMN relevant_at TEXT NULL");
        if (!columns.Contains("read_at")) await connection.ExecuteAsync($"ALTER TABLE {Table} ADD COLUMN read_at TEXT NULL");
        if (!columns.Contains("corroboration")) await connection.ExecuteAsync($"ALTER TABLE {Table} ADD COLUMN corroboration TEXT NULL");
        if (!columns.Contains("shifts")) await connection.ExecuteAsync($"ALTER TABLE {Table} ADD COLUMN shifts TEXT NULL");
        if (!columns.Contains("breaking")) await connection.ExecuteAsync($"ALTER TABLE {Table} ADD COLUMN breaking TEXT NULL");
        // The paging index serves every analyst's query; the older (analyst_id, raised_at) index, its prefix, only cost inserts.
        await connection.ExecuteAsync($"CREATE INDEX IF NOT EXISTS {Table}_analyst_page ON {Table} (analyst_id, raised_at DESC, alert_id DESC); DROP INDEX IF EXISTS {Table}_analyst;");
    }
}
