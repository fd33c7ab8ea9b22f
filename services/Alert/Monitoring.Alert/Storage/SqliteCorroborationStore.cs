using Dapper;
using Monitoring.Alert.Corroboration;
using Monitoring.Storage;

namespace Monitoring.Alert.Storage;

/// <summary>Event reports in <c>alert_event_reports</c>: one row per event and article (the primary key), so none counts twice.</summary>
public sealed class SqliteCorroborationStore(SqliteDatabase database) : ICorroborationStore, IStoreInitializer
{
    private const string Table = "alert_event_reports";

    private const string Columns = """
        event_id AS EventId, source AS Source, target AS Target, root AS Root, window_start AS WindowStart, article_id AS ArticleId,
        story_id AS StoryId, outlet AS Outlet, cameo AS Cameo, title AS Title, url AS Url, reported_at AS ReportedAt, is_denial AS IsDenial
        """;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync($"""
            CREATE TABLE IF NOT EXISTS {Table} (
                event_id     TEXT NOT NULL,
                article_id   TEXT NOT NULL,
                source       TEXT NOT NULL,
                target       TEXT NOT NULL,
                root         TEXT NOT NULL,
                window_start TEXT NOT NULL,
                story_id     TEXT NOT NULL,
                outlet       TEXT NOT NULL,
                cameo        TEXT NOT NULL,
                title        TEXT NULL,
                url          TEXT NULL,
                reported_at  TEXT NOT NULL,
                is_denial    INTEGER NOT NULL,
                PRIMARY KEY (event_id, article_id));
            CREATE INDEX IF NOT EXISTS {Table}_denials ON {Table} (window_start, source) WHERE is_denial = 1;
            """);
    }

    public Task AddAsync(IReadOnlyList<EventReport> reports, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            foreach (var report in reports)
            {
                await write.ExecuteAsync($"""
                    INSERT INTO {Table} (event_id, article_id, source, target, root, window_start, story_id, outlet, cameo, title, url, reported_at, is_denial)
                    VALUES (@EventId, @ArticleId, @Source, @Target, @Root, @WindowStart, @StoryId, @Outlet, @Cameo, @Title, @Url, @ReportedAt, @IsDenial)
                    ON CONFLICT DO NOTHING
                    """,
                    ("@EventId", report.EventId), ("@ArticleId", report.ArticleId), ("@Source", report.Source), ("@Target", report.Target), ("@Root", report.Root),
                    ("@WindowStart", report.WindowStart.ToUniversalTime()), ("@StoryId", report.StoryId), ("@Outlet", report.Outlet), ("@Cameo", report.Cameo),
                    ("@Title", report.Title), ("@Url", report.Url), ("@ReportedAt", report.ReportedAt.ToUniversalTime()), ("@IsDenial", report.IsDenial));
            }
        }, cancellationToken);

    /// <summary>Read for every event of an article while corroboration is subscribed to: on a prepared statement (<see cref="SqliteDatabase.ReadAsync{T}"/>).</summary>
    public async Task<IReadOnlyList<EventReport>> ReportsAsync(string eventId, CancellationToken cancellationToken) =>
        await database.ReadAsync(read => read.QueryAsync(
            $"SELECT {Columns} FROM {Table} WHERE event_id = @eventId ORDER BY reported_at, article_id", r => r.GetRowParser<EventReport>()(r), ("@eventId", eventId)),
            cancellationToken);

    public async Task<IReadOnlyList<EventReport>> DenialsAsync(DateTimeOffset windowStart, IReadOnlyCollection<string> sources, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<EventReport>(
            $"SELECT {Columns} FROM {Table} WHERE is_denial = 1 AND window_start = @windowStart AND source IN @sources ORDER BY reported_at, article_id",
            new { windowStart = windowStart.ToUniversalTime(), sources })).ToList();
    }
}
