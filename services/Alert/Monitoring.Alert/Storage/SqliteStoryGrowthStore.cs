using System.Globalization;
using System.Text.Json;
using Dapper;
using Monitoring.Alert.Breaking;
using Monitoring.Storage;

namespace Monitoring.Alert.Storage;

/// <summary>
/// Outlet arrivals in <c>alert_story_outlets</c> (unique by story and outlet) and stories in <c>alert_story_growth</c>
/// (unique by story, the breaking record as JSON once set). Instants as ISO text and Unix seconds (for windows).
/// </summary>
public sealed class SqliteStoryGrowthStore(SqliteDatabase database) : IStoryGrowthStore, IStoreInitializer
{
    private const string Outlets = "alert_story_outlets";
    private const string Stories = "alert_story_growth";

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync($"""
            CREATE TABLE IF NOT EXISTS {Stories} (
                story_id      TEXT NOT NULL PRIMARY KEY,
                topic         TEXT NOT NULL,
                first_seen_at TEXT NOT NULL,
                breaking      TEXT NULL);
            CREATE TABLE IF NOT EXISTS {Outlets} (
                story_id   TEXT NOT NULL,
                outlet     TEXT NOT NULL,
                topic      TEXT NOT NULL,
                article_id TEXT NOT NULL,
                at_seconds INTEGER NOT NULL,
                UNIQUE (story_id, outlet));
            CREATE INDEX IF NOT EXISTS {Outlets}_at ON {Outlets} (at_seconds);
            -- The rate's topic filter is "(@topic IS NULL OR ...)", which no index serves: it reads the at_seconds range.
            DROP INDEX IF EXISTS {Outlets}_topic;
            CREATE INDEX IF NOT EXISTS {Stories}_first_seen ON {Stories} (first_seen_at);
            """);
    }

    public Task<StoryGrowth> RecordAsync(OutletArrival arrival, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await write.ExecuteAsync(
                $"INSERT INTO {Stories} (story_id, topic, first_seen_at) VALUES (@StoryId, @Topic, @At) ON CONFLICT DO NOTHING",
                ("@StoryId", arrival.StoryId), ("@Topic", arrival.Topic), ("@At", Instant(arrival.At)));
            var story = (await write.QueryAsync(
                $"SELECT topic, first_seen_at, breaking FROM {Stories} WHERE story_id = @StoryId",
                r => (Topic: r.GetString(0), FirstSeenAt: r.GetString(1), Breaking: r.IsDBNull(2) ? null : r.GetString(2)), ("@StoryId", arrival.StoryId))).Single();
            await write.ExecuteAsync($"""
                INSERT INTO {Outlets} (story_id, outlet, topic, article_id, at_seconds) VALUES (@StoryId, @Outlet, @Topic, @ArticleId, @At)
                ON CONFLICT DO NOTHING
                """,
                ("@StoryId", arrival.StoryId), ("@Outlet", arrival.Outlet), ("@Topic", story.Topic), ("@ArticleId", arrival.ArticleId), ("@At", arrival.At.ToUnixTimeSeconds()));
            return new StoryGrowth(arrival.StoryId, story.Topic, Parse(story.FirstSeenAt),
                story.Breaking is null ? null : JsonSerializer.Deserialize<BreakingStory>(story.Breaking));
        }, cancellationToken);

    // Read for every article: on prepared statements (SqliteDatabase.ReadAsync).
    public async Task<int> NewOutletsAsync(string storyId, DateTimeOffset since, CancellationToken cancellationToken) =>
        Convert.ToInt32(await database.ReadAsync(read => read.ScalarAsync(
            $"SELECT COUNT(*) FROM {Outlets} WHERE story_id = @storyId AND at_seconds >= @since",
            ("@storyId", storyId), ("@since", since.ToUnixTimeSeconds())), cancellationToken), CultureInfo.InvariantCulture);

    public async Task<TopicRate> RateAsync(string? topic, DateTimeOffset from, DateTimeOffset to, TimeSpan window, CancellationToken cancellationToken)
    {
        var (arrivals, windows) = (await database.ReadAsync(read => read.QueryAsync($"""
            SELECT COUNT(*), COUNT(DISTINCT story_id || ':' || (at_seconds / @seconds)) FROM {Outlets}
            WHERE (@topic IS NULL OR topic = @topic) AND at_seconds >= @from AND at_seconds < @to
            """, r => (r.GetInt64(0), r.GetInt64(1)),
            ("@topic", topic), ("@from", from.ToUnixTimeSeconds()), ("@to", to.ToUnixTimeSeconds()), ("@seconds", (long)window.TotalSeconds)), cancellationToken)).Single();
        return new TopicRate((int)arrivals, (int)windows);
    }

    public async Task<IReadOnlyList<DateTimeOffset>> ArrivalsAsync(string storyId, CancellationToken cancellationToken) =>
        await database.ReadAsync(read => read.QueryAsync(
            $"SELECT at_seconds FROM {Outlets} WHERE story_id = @storyId ORDER BY at_seconds",
            r => DateTimeOffset.FromUnixTimeSeconds(r.GetInt64(0)), ("@storyId", storyId)), cancellationToken);

    public Task<bool> TryMarkBreakingAsync(BreakingStory breaking, CancellationToken cancellationToken) =>
        database.WriteAsync(async write => await write.ExecuteAsync(
            $"UPDATE {Stories} SET breaking = @Breaking WHERE story_id = @StoryId AND breaking IS NULL",
            ("@Breaking", JsonSerializer.Serialize(breaking)), ("@StoryId", breaking.StoryId)) == 1, cancellationToken);

    public Task PruneAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await write.ExecuteAsync($"DELETE FROM {Outlets} WHERE at_seconds < @before", ("@before", before.ToUnixTimeSeconds()));
            await write.ExecuteAsync($"DELETE FROM {Stories} WHERE first_seen_at < @before", ("@before", Instant(before)));
        }, cancellationToken);

    private static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string at) => DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
