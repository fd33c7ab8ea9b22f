using System.Globalization;
using System.Text.Json;
using Dapper;
using Monitoring.Alert.Shifts;
using Monitoring.Storage;

namespace Monitoring.Alert.Storage;

/// <summary>
/// Relation events in <c>alert_relation_events</c> (unique by story, actors and code) and the shifts they fired in
/// <c>alert_relation_shifts</c> (unique by open key). Days and instants are written as ISO text, so they compare as text.
/// </summary>
public sealed class SqliteRelationStore(SqliteDatabase database) : IRelationStore, IStoreInitializer
{
    private const string Events = "alert_relation_events";
    private const string Shifts = "alert_relation_shifts";

    private const string EventColumns = """
        pair AS Pair, story_id AS StoryId, article_id AS ArticleId, source AS Source, target AS Target, cameo AS Cameo, root AS Root,
        quad_class AS QuadClass, goldstein AS Goldstein, day AS Day, recorded_at AS RecordedAt, title AS Title, url AS Url
        """;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync($"""
            CREATE TABLE IF NOT EXISTS {Events} (
                pair        TEXT NOT NULL,
                story_id    TEXT NOT NULL,
                article_id  TEXT NOT NULL,
                source      TEXT NOT NULL,
                target      TEXT NOT NULL,
                cameo       TEXT NOT NULL,
                root        TEXT NOT NULL,
                quad_class  INTEGER NOT NULL,
                goldstein   REAL NOT NULL,
                day         TEXT NOT NULL,
                recorded_at TEXT NOT NULL,
                title       TEXT NULL,
                url         TEXT NULL,
                UNIQUE (story_id, source, target, cameo));
            CREATE INDEX IF NOT EXISTS {Events}_pair_day ON {Events} (pair, day);
            CREATE INDEX IF NOT EXISTS {Events}_pair_root ON {Events} (pair, root, day);
            CREATE TABLE IF NOT EXISTS {Shifts} (
                shift_id     TEXT NOT NULL PRIMARY KEY,
                open_key     TEXT NOT NULL UNIQUE,
                pair         TEXT NOT NULL,
                country_a    TEXT NOT NULL,
                country_b    TEXT NOT NULL,
                kind         TEXT NOT NULL,
                article_id   TEXT NOT NULL,
                opened_at    TEXT NOT NULL,
                confirmed_at TEXT NULL,
                closed_at    TEXT NULL,
                document     TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS {Shifts}_article ON {Shifts} (article_id);
            CREATE INDEX IF NOT EXISTS {Shifts}_pair ON {Shifts} (pair, opened_at DESC);
            """);
    }

    public Task RecordAsync(IReadOnlyList<RelationEvent> events, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            foreach (var e in events)
            {
                await write.ExecuteAsync($"""
                    INSERT INTO {Events} (pair, story_id, article_id, source, target, cameo, root, quad_class, goldstein, day, recorded_at, title, url)
                    VALUES (@Pair, @StoryId, @ArticleId, @Source, @Target, @Cameo, @Root, @QuadClass, @Goldstein, @Day, @RecordedAt, @Title, @Url)
                    ON CONFLICT DO NOTHING
                    """,
                    ("@Pair", e.Pair), ("@StoryId", e.StoryId), ("@ArticleId", e.ArticleId), ("@Source", e.Source), ("@Target", e.Target), ("@Cameo", e.Cameo),
                    ("@Root", e.Root), ("@QuadClass", e.QuadClass), ("@Goldstein", e.Goldstein), ("@Day", DayText(e.Day)), ("@RecordedAt", Instant(e.RecordedAt)),
                    ("@Title", e.Title), ("@Url", e.Url));
            }
        }, cancellationToken);

    // The reads made for every article run on prepared statements (SqliteDatabase.ReadAsync), the rest through Dapper.
    public async Task<RelationBalance> BalanceAsync(string pair, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var rows = await database.ReadAsync(read => read.QueryAsync(
            $"SELECT quad_class, COUNT(*), TOTAL(goldstein), TOTAL(goldstein * goldstein) FROM {Events} WHERE pair = @pair AND day >= @from AND day <= @to GROUP BY quad_class",
            r => ((int)r.GetInt64(0), (int)r.GetInt64(1), r.GetDouble(2), r.GetDouble(3)),
            ("@pair", pair), ("@from", DayText(from)), ("@to", DayText(to))), cancellationToken);
        return RelationBalance.Of(rows);
    }

    public async Task<bool> HasEarlierOfRootAsync(string pair, string root, DateOnly since, string storyId, CancellationToken cancellationToken)
    {
        var earlier = await database.ReadAsync(read => read.ScalarAsync($"""
            SELECT EXISTS (
                SELECT 1 FROM {Events} e, (SELECT MIN(recorded_at) AS at FROM {Events} WHERE pair = @pair AND root = @root AND story_id = @storyId) mine
                WHERE e.pair = @pair AND e.root = @root AND e.day >= @since AND e.story_id <> @storyId
                  AND (mine.at IS NULL OR e.recorded_at < mine.at OR (e.recorded_at = mine.at AND e.story_id < @storyId)))
            """, ("@pair", pair), ("@root", root), ("@since", DayText(since)), ("@storyId", storyId)), cancellationToken);
        return Convert.ToInt64(earlier, CultureInfo.InvariantCulture) == 1;
    }

    public async Task<IReadOnlyList<RelationEvent>> EventsAsync(
        string pair, DateOnly from, DateOnly to, IReadOnlyCollection<int> quadClasses, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var classes = quadClasses.Count == 0 ? "" : $"AND quad_class IN ({string.Join(',', quadClasses.Select(q => q.ToString(CultureInfo.InvariantCulture)))})";
        var rows = await connection.QueryAsync<EventRow>(
            $"SELECT {EventColumns} FROM {Events} WHERE pair = @pair AND day >= @from AND day <= @to {classes} ORDER BY day DESC, recorded_at DESC LIMIT @limit",
            new { pair, from = DayText(from), to = DayText(to), limit });
        return rows.Select(r => r.ToEvent()).ToList();
    }

    public async Task<IReadOnlyList<RelationEvent>> OfStoryAsync(string storyId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // The unique index (story_id, source, target, cameo) serves the lookup.
        var rows = await connection.QueryAsync<EventRow>(
            $"SELECT {EventColumns} FROM {Events} WHERE story_id = @storyId ORDER BY day, recorded_at, source, target, cameo", new { storyId });
        return rows.Select(r => r.ToEvent()).ToList();
    }

    public async Task<DateOnly?> ObservedSinceAsync(CancellationToken cancellationToken)
    {
        var first = (string?)await database.ReadAsync(read => read.ScalarAsync($"SELECT MIN(recorded_at) FROM {Events}"), cancellationToken);
        return first is null ? null : DateOnly.FromDateTime(Parse(first)!.Value.UtcDateTime);
    }

    public Task<bool> TryOpenAsync(RelationShift shift, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            var countries = shift.Pair.Split('-');
            return await write.ExecuteAsync($"""
                INSERT INTO {Shifts} (shift_id, open_key, pair, country_a, country_b, kind, article_id, opened_at, confirmed_at, closed_at, document)
                VALUES (@ShiftId, @OpenKey, @Pair, @A, @B, @Kind, @ArticleId, @OpenedAt, @ConfirmedAt, @ClosedAt, @Document)
                ON CONFLICT DO NOTHING
                """,
                ("@ShiftId", shift.ShiftId), ("@OpenKey", shift.OpenKey), ("@Pair", shift.Pair), ("@A", countries[0]), ("@B", countries[^1]), ("@Kind", shift.Kind),
                ("@ArticleId", shift.ArticleId), ("@OpenedAt", Instant(shift.OpenedAt)), ("@ConfirmedAt", Instant(shift.ConfirmedAt)),
                ("@ClosedAt", Instant(shift.ClosedAt)), ("@Document", JsonSerializer.Serialize(shift))) == 1;
        }, cancellationToken);

    public async Task<RelationShift?> OpenShiftAsync(string pair, string kind, CancellationToken cancellationToken) =>
        (await QueryShiftsAsync("WHERE pair = @pair AND kind = @kind AND closed_at IS NULL LIMIT 1", cancellationToken, ("@pair", pair), ("@kind", kind))) is [var open, ..]
            ? open
            : null;

    public Task ConfirmAsync(string shiftId, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync(write => write.ExecuteAsync(
            $"UPDATE {Shifts} SET confirmed_at = @at WHERE shift_id = @id AND closed_at IS NULL", ("@at", Instant(at)), ("@id", shiftId)), cancellationToken);

    public Task CloseAsync(string shiftId, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync(write => write.ExecuteAsync(
            $"UPDATE {Shifts} SET closed_at = @at, open_key = shift_id WHERE shift_id = @id AND closed_at IS NULL", ("@at", Instant(at)), ("@id", shiftId)), cancellationToken);

    public Task<IReadOnlyList<RelationShift>> FiredByAsync(string articleId, CancellationToken cancellationToken) =>
        QueryShiftsAsync("WHERE article_id = @articleId ORDER BY opened_at, shift_id", cancellationToken, ("@articleId", articleId));

    public Task<IReadOnlyList<RelationShift>> ListAsync(string? pair, string? country, DateTimeOffset since, int limit, CancellationToken cancellationToken) =>
        QueryShiftsAsync(
            "WHERE opened_at >= @since AND (@pair IS NULL OR pair = @pair) AND (@country IS NULL OR country_a = @country OR country_b = @country) ORDER BY opened_at DESC, shift_id LIMIT @limit",
            cancellationToken, ("@since", Instant(since)), ("@pair", pair), ("@country", country), ("@limit", limit));

    public Task PruneAsync(DateOnly before, CancellationToken cancellationToken) =>
        database.WriteAsync(write => write.ExecuteAsync($"DELETE FROM {Events} WHERE day < @before", ("@before", DayText(before))), cancellationToken);

    private async Task<IReadOnlyList<RelationShift>> QueryShiftsAsync(string where, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var rows = await database.ReadAsync(read => read.QueryAsync(
            $"SELECT document, confirmed_at, closed_at, open_key FROM {Shifts} {where}",
            r => (Document: r.GetString(0), ConfirmedAt: r.IsDBNull(1) ? null : r.GetString(1), ClosedAt: r.IsDBNull(2) ? null : r.GetString(2), OpenKey: r.GetString(3)),
            parameters), cancellationToken);
        return rows.Select(r => JsonSerializer.Deserialize<RelationShift>(r.Document)! with
        {
            ConfirmedAt = Parse(r.ConfirmedAt), ClosedAt = Parse(r.ClosedAt), OpenKey = r.OpenKey,
        }).ToList();
    }

    private static string DayText(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Instant(DateTimeOffset? at) => at?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Parse(string? at) => at is null ? null : DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private sealed class EventRow
    {
        public string Pair { get; init; } = "";
        public string StoryId { get; init; } = "";
        public string ArticleId { get; init; } = "";
        public string Source { get; init; } = "";
        public string Target { get; init; } = "";
        public string Cameo { get; init; } = "";
        public string Root { get; init; } = "";
        public long QuadClass { get; init; }
        public double Goldstein { get; init; }
        public string Day { get; init; } = "";
        public string RecordedAt { get; init; } = "";
        public string? Title { get; init; }
        public string? Url { get; init; }

        public RelationEvent ToEvent() => new()
        {
            Pair = Pair, StoryId = StoryId, ArticleId = ArticleId, Source = Source, Target = Target, Cameo = Cameo, Root = Root, QuadClass = (int)QuadClass,
            Goldstein = Goldstein, Day = DateOnly.ParseExact(Day, "yyyy-MM-dd", CultureInfo.InvariantCulture), RecordedAt = Parse(RecordedAt)!.Value,
            Title = Title, Url = Url,
        };
    }
}
