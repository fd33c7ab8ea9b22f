using Dapper;
using Monitoring.Classify.Coding;
using Monitoring.Storage;
using Monitoring.Storage.Paging;

namespace Monitoring.Classify.Storage;

public sealed class SqliteCodedEventStore(SqliteDatabase database) : ICodedEventStore, IStoreInitializer
{
    private const string Columns = """
        event_id AS EventId, article_id AS ArticleId, story_id AS StoryId, source_name AS SourceName, source_url AS SourceUrl,
        published_at AS PublishedAt, date_added AS DateAdded, actor1_code AS Actor1Code, actor1_name AS Actor1Name,
        actor1_country_code AS Actor1CountryCode, actor1_type1_code AS Actor1Type1Code, actor2_code AS Actor2Code, actor2_name AS Actor2Name,
        actor2_country_code AS Actor2CountryCode, actor2_type1_code AS Actor2Type1Code, event_code AS EventCode, event_base_code AS EventBaseCode,
        event_root_code AS EventRootCode, quad_class AS QuadClass, goldstein_scale AS GoldsteinScale, is_root_event AS IsRootEvent,
        num_mentions AS NumMentions, sentence AS Sentence, sentence_start AS SentenceStart, trigger AS Trigger, trigger_start AS TriggerStart,
        action_geo_type AS ActionGeoType, action_geo_full_name AS ActionGeoFullName, action_geo_country_code AS ActionGeoCountryCode,
        action_geo_adm1_code AS ActionGeoAdm1Code, action_geo_lat AS ActionGeoLat, action_geo_long AS ActionGeoLong, action_geo_feature_id AS ActionGeoFeatureId
        """;

    private static readonly string[] ActionGeoColumns =
    [
        "action_geo_type INTEGER NULL", "action_geo_full_name TEXT NULL", "action_geo_country_code TEXT NULL", "action_geo_adm1_code TEXT NULL",
        "action_geo_lat REAL NULL", "action_geo_long REAL NULL", "action_geo_feature_id TEXT NULL",
    ];

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await CreateAsync(connection);
    }

    /// <summary>The table and its indexes; the classified-article store, which writes events with their article, calls it too.</summary>
    internal static async Task CreateAsync(Microsoft.Data.Sqlite.SqliteConnection connection)
    {
        await connection.ExecuteAsync("""
            CREATE TABLE IF NOT EXISTS classify_coded_events (
                event_id            TEXT NOT NULL PRIMARY KEY,
                article_id          TEXT NOT NULL,
                story_id            TEXT NOT NULL,
                source_name         TEXT NULL,
                source_url          TEXT NULL,
                published_at        TEXT NULL,
                date_added          TEXT NOT NULL,
                actor1_code         TEXT NOT NULL,
                actor1_name         TEXT NOT NULL,
                actor1_country_code TEXT NOT NULL,
                actor1_type1_code   TEXT NULL,
                actor2_code         TEXT NOT NULL,
                actor2_name         TEXT NOT NULL,
                actor2_country_code TEXT NOT NULL,
                actor2_type1_code   TEXT NULL,
                event_code          TEXT NOT NULL,
                event_base_code     TEXT NOT NULL,
                event_root_code     TEXT NOT NULL,
                quad_class          INTEGER NOT NULL,
                goldstein_scale     REAL NOT NULL,
                is_root_event       INTEGER NOT NULL,
                num_mentions        INTEGER NOT NULL,
                sentence            TEXT NOT NULL,
                sentence_start      INTEGER NOT NULL,
                trigger             TEXT NOT NULL,
                trigger_start       INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS classify_coded_events_date ON classify_coded_events (date_added DESC);
            CREATE INDEX IF NOT EXISTS classify_coded_events_story ON classify_coded_events (story_id);
            """);

        // Only the date (paging) and story indexes serve a query: every filter is written "(@X IS NULL OR ...)", which SQLite's
        // planner cannot match to an index, so EXPLAIN QUERY PLAN never chose the root, pair, target or geo index, while each
        // was rewritten for every event inserted (docs/benchmarks.md). Files that have them lose them.
        await connection.ExecuteAsync("""
            DROP INDEX IF EXISTS classify_coded_events_root_date;
            DROP INDEX IF EXISTS classify_coded_events_pair_date;
            DROP INDEX IF EXISTS classify_coded_events_target_date;
            DROP INDEX IF EXISTS classify_coded_events_geo;
            """);

        // Files created before events were placed gain the ActionGeo columns; their events stay unplaced.
        var columns = (await connection.QueryAsync<string>("SELECT name FROM pragma_table_info('classify_coded_events')")).ToHashSet(StringComparer.Ordinal);
        foreach (var column in ActionGeoColumns.Where(c => !columns.Contains(c.Split(' ')[0])))
        {
            await connection.ExecuteAsync($"ALTER TABLE classify_coded_events ADD COLUMN {column}");
        }
    }

    public async Task InsertAsync(IReadOnlyList<CodedEventDocument> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0) return;
        await database.WriteAsync(write => InsertAsync(write, events), cancellationToken);
    }

    /// <summary>Inserts inside the caller's write transaction: classify stores an article and its events together.</summary>
    internal static async Task InsertAsync(SqliteWrite write, IReadOnlyList<CodedEventDocument> events)
    {
        if (events.Count == 0) return;
        using var activity = SqliteDatabase.StartActivity("INSERT", "classify_coded_events");
        foreach (var e in events)
        {
            // The prepared statement with $-named parameters: Dapper's unprefixed names made the provider build three prefixed copies of each of 33 names per row.
            // Instants go to the provider as they did through Dapper, so the date filters and paging keys compare as before.
            await write.ExecuteAsync(InsertSql,
                ("$EventId", e.EventId), ("$ArticleId", e.ArticleId), ("$StoryId", e.StoryId), ("$SourceName", e.SourceName), ("$SourceUrl", e.SourceUrl),
                ("$PublishedAt", e.PublishedAt), ("$DateAdded", e.DateAdded),
                ("$Actor1Code", e.Actor1Code), ("$Actor1Name", e.Actor1Name), ("$Actor1CountryCode", e.Actor1CountryCode), ("$Actor1Type1Code", e.Actor1Type1Code),
                ("$Actor2Code", e.Actor2Code), ("$Actor2Name", e.Actor2Name), ("$Actor2CountryCode", e.Actor2CountryCode), ("$Actor2Type1Code", e.Actor2Type1Code),
                ("$EventCode", e.EventCode), ("$EventBaseCode", e.EventBaseCode), ("$EventRootCode", e.EventRootCode), ("$QuadClass", e.QuadClass),
                ("$GoldsteinScale", e.GoldsteinScale), ("$IsRootEvent", e.IsRootEvent), ("$NumMentions", e.NumMentions),
                ("$Sentence", e.Sentence), ("$SentenceStart", e.SentenceStart), ("$Trigger", e.Trigger), ("$TriggerStart", e.TriggerStart),
                ("$ActionGeoType", e.ActionGeoType), ("$ActionGeoFullName", e.ActionGeoFullName), ("$ActionGeoCountryCode", e.ActionGeoCountryCode),
                ("$ActionGeoAdm1Code", e.ActionGeoAdm1Code), ("$ActionGeoLat", e.ActionGeoLat), ("$ActionGeoLong", e.ActionGeoLong), ("$ActionGeoFeatureId", e.ActionGeoFeatureId));
        }
    }

    private const string InsertSql = """
        INSERT INTO classify_coded_events (event_id, article_id, story_id, source_name, source_url, published_at, date_added,
            actor1_code, actor1_name, actor1_country_code, actor1_type1_code, actor2_code, actor2_name, actor2_country_code, actor2_type1_code,
            event_code, event_base_code, event_root_code, quad_class, goldstein_scale, is_root_event, num_mentions,
            sentence, sentence_start, trigger, trigger_start,
            action_geo_type, action_geo_full_name, action_geo_country_code, action_geo_adm1_code, action_geo_lat, action_geo_long, action_geo_feature_id)
        VALUES ($EventId, $ArticleId, $StoryId, $SourceName, $SourceUrl, $PublishedAt, $DateAdded,
            $Actor1Code, $Actor1Name, $Actor1CountryCode, $Actor1Type1Code, $Actor2Code, $Actor2Name, $Actor2CountryCode, $Actor2Type1Code,
            $EventCode, $EventBaseCode, $EventRootCode, $QuadClass, $GoldsteinScale, $IsRootEvent, $NumMentions,
            $Sentence, $SentenceStart, $Trigger, $TriggerStart,
            $ActionGeoType, $ActionGeoFullName, $ActionGeoCountryCode, $ActionGeoAdm1Code, $ActionGeoLat, $ActionGeoLong, $ActionGeoFeatureId)
        ON CONFLICT (event_id) DO NOTHING
        """;

    public async Task<Page<CodedEventDocument>> ListAsync(CodedEventQuery query, CancellationToken cancellationToken)
    {
        var after = query.Page.AfterKeys(2);
        using var activity = SqliteDatabase.StartActivity("SELECT", "classify_coded_events");
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CodedEventDocument>($"""
            SELECT {Columns} FROM classify_coded_events
            {Filter}
              AND (@DateAdded IS NULL OR date_added < @DateAdded OR (date_added = @DateAdded AND event_id > @EventId))
            ORDER BY date_added DESC, event_id
            LIMIT @Limit
            """, new
        {
            query.Root, query.EventCode, query.QuadClass, query.Country, query.Pair?.A, query.Pair?.B, query.Since, query.Until, query.StoryId,
            DateAdded = after?[0], EventId = after?[1], Limit = query.Limit + 1,
            query.Box?.West, query.Box?.South, query.Box?.East, query.Box?.North,
        });
        return Page.From(rows.ToList(), query.Limit, e => [PageCursor.Key(e.DateAdded), e.EventId]);
    }

    public async Task<IReadOnlyList<DailyEventCount>> CountByDayAsync(CodedEventQuery query, CancellationToken cancellationToken)
    {
        using var activity = SqliteDatabase.StartActivity("SELECT", "classify_coded_events");
        await using var connection = await database.OpenAsync(cancellationToken);

        // date_added is written as UTC ISO-8601 text, so its first ten characters are the UTC day.
        var rows = await connection.QueryAsync<(string Day, long QuadClass, long Count, double MeanGoldstein)>($"""
            SELECT substr(date_added, 1, 10) AS Day, quad_class AS QuadClass, COUNT(*) AS Count, AVG(goldstein_scale) AS MeanGoldstein
            FROM classify_coded_events
            {Filter}
            GROUP BY Day, quad_class
            ORDER BY Day, quad_class
            """, Parameters(query));
        return rows.Select(r => new DailyEventCount(DateOnly.ParseExact(r.Day, "yyyy-MM-dd"), (int)r.QuadClass, (int)r.Count, Math.Round(r.MeanGoldstein, 2))).ToList();
    }

    /// <summary>The WHERE clause of a <see cref="CodedEventQuery"/>, over <see cref="Parameters"/>; an absent field filters nothing.</summary>
    private const string Filter = """
        WHERE (@Root IS NULL OR event_root_code = @Root)
          AND (@EventCode IS NULL OR event_code LIKE @EventCode || '%')
          AND (@QuadClass IS NULL OR quad_class = @QuadClass)
          AND (@Country IS NULL OR actor1_country_code = @Country OR actor2_country_code = @Country)
          AND (@A IS NULL OR (actor1_country_code = @A AND actor2_country_code = @B) OR (actor1_country_code = @B AND actor2_country_code = @A))
          AND (@Since IS NULL OR date_added >= @Since)
          AND (@Until IS NULL OR date_added < @Until)
          AND (@StoryId IS NULL OR story_id = @StoryId)
          AND (@South IS NULL OR (action_geo_lat BETWEEN @South AND @North
               AND (CASE WHEN @West <= @East THEN action_geo_long BETWEEN @West AND @East ELSE action_geo_long >= @West OR action_geo_long <= @East END)))
        """;

    private static object Parameters(CodedEventQuery query) => new
    {
        query.Root, query.EventCode, query.QuadClass, query.Country, query.Pair?.A, query.Pair?.B, query.Since, query.Until, query.StoryId, query.Limit,
        query.Box?.West, query.Box?.South, query.Box?.East, query.Box?.North,
    };

    public async Task<IReadOnlyList<CodedEventDocument>> ListByStoriesAsync(IReadOnlyCollection<string> storyIds, CancellationToken cancellationToken)
    {
        if (storyIds.Count == 0) return [];
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CodedEventDocument>($"SELECT {Columns} FROM classify_coded_events WHERE story_id IN @storyIds", new { storyIds });
        return rows.ToList();
    }
}
