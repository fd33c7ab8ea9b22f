using Dapper;
using Monitoring.Ingest.Stories;
using Monitoring.Storage;

namespace Monitoring.Ingest.Storage;

public sealed class SqliteStoryStore(SqliteDatabase database) : IStoryStore, IStoreInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("""
            CREATE TABLE IF NOT EXISTS ingest_story_members (
                article_id TEXT NOT NULL PRIMARY KEY,
                story_id   TEXT NOT NULL,
                outlet     TEXT NOT NULL,
                seen_at    TEXT NOT NULL,
                signature  BLOB NOT NULL);
            CREATE INDEX IF NOT EXISTS ingest_story_members_story ON ingest_story_members (story_id);
            CREATE INDEX IF NOT EXISTS ingest_story_members_seen ON ingest_story_members (seen_at);
            """);
    }

    public async Task AddMemberAsync(StoryMember member, CancellationToken cancellationToken)
    {
        using var activity = SqliteDatabase.StartActivity("INSERT", "ingest_story_members");
        await database.WriteAsync(write => AddMemberAsync(write, member), cancellationToken);
    }

    /// <summary>The member's insert inside a write of the ingest file: the article store adds it in the article's transaction.</summary>
    internal static Task<int> AddMemberAsync(SqliteWrite write, StoryMember member) => write.ExecuteAsync("""
        INSERT INTO ingest_story_members (article_id, story_id, outlet, seen_at, signature)
        VALUES (@ArticleId, @StoryId, @Outlet, @SeenAt, @Signature)
        ON CONFLICT DO NOTHING
        """,
        ("@ArticleId", member.ArticleId), ("@StoryId", member.StoryId), ("@Outlet", member.Outlet), ("@SeenAt", member.SeenAt), ("@Signature", member.Signature));

    /// <summary>Read for every article of a story: on a prepared statement (<see cref="SqliteDatabase.ReadAsync{T}"/>).</summary>
    public async Task<StorySummary?> GetStoryAsync(string storyId, CancellationToken cancellationToken)
    {
        var rows = await database.ReadAsync(read => read.QueryAsync(
            "SELECT outlet AS Outlet, seen_at AS SeenAt FROM ingest_story_members WHERE story_id = @storyId",
            r => (Outlet: r.GetString(0), SeenAt: DateTimeOffset.Parse(r.GetString(1), System.Globalization.CultureInfo.InvariantCulture)), ("@storyId", storyId)), cancellationToken);
        return StorySummary.Of(storyId, rows);
    }

    public async Task<IReadOnlyList<StoryMember>> MembersSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string ArticleId, string StoryId, string Outlet, DateTimeOffset SeenAt, byte[] Signature)>(
            "SELECT article_id, story_id, outlet, seen_at, signature FROM ingest_story_members WHERE seen_at >= @since ORDER BY seen_at",
            new { since });
        return rows.Select(r => new StoryMember(r.ArticleId, r.StoryId, r.Outlet, r.SeenAt, r.Signature)).ToList();
    }
}
