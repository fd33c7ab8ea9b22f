using System.Text.Json;
using Dapper;
using Monitoring.Alert.Subscriptions;
using Monitoring.Storage;
using Monitoring.Storage.Paging;

namespace Monitoring.Alert.Storage;

public sealed class SqliteSubscriptionStore(SqliteDatabase database) : ISubscriptionStore, IStoreInitializer
{
    private const string Select = """
        SELECT subscription_id AS SubscriptionId, analyst_id AS AnalystId, name AS Name, topics AS Topics, countries AS Countries,
               keywords AS Keywords, webhook_url AS WebhookUrl, definition AS Definition, signing_secret AS SigningSecret, created_at AS CreatedAt
        FROM alert_subscriptions
        """;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("""
            CREATE TABLE IF NOT EXISTS alert_subscriptions (
                subscription_id TEXT NOT NULL PRIMARY KEY,
                analyst_id      TEXT NOT NULL,
                name            TEXT NOT NULL,
                topics          TEXT NOT NULL,
                countries       TEXT NOT NULL,
                keywords        TEXT NOT NULL,
                webhook_url     TEXT NULL,
                created_at      TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS alert_subscriptions_analyst ON alert_subscriptions (analyst_id, created_at);
            """);

        // Databases created before the subscription language gain its columns.
        var columns = (await connection.QueryAsync<string>("SELECT name FROM pragma_table_info('alert_subscriptions')")).ToHashSet();
        if (!columns.Contains("definition")) await connection.ExecuteAsync("ALTER TABLE alert_subscriptions ADD COLUMN definition TEXT NULL");
        if (!columns.Contains("signing_secret")) await connection.ExecuteAsync("ALTER TABLE alert_subscriptions ADD COLUMN signing_secret TEXT NULL");
    }

    public async Task InsertAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("""
            INSERT INTO alert_subscriptions (subscription_id, analyst_id, name, topics, countries, keywords, webhook_url, definition, signing_secret, created_at)
            VALUES (@SubscriptionId, @AnalystId, @Name, @Topics, @Countries, @Keywords, @WebhookUrl, @Definition, @SigningSecret, @CreatedAt)
            """, Parameters(subscription));
    }

    public async Task<bool> UpdateAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("""
            UPDATE alert_subscriptions
            SET name = @Name, topics = @Topics, countries = @Countries, keywords = @Keywords, webhook_url = @WebhookUrl, definition = @Definition
            WHERE subscription_id = @SubscriptionId AND analyst_id = @AnalystId
            """, Parameters(subscription)) == 1;
    }

    public async Task<Subscription?> GetAsync(string analystId, string subscriptionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>($"{Select} WHERE analyst_id = @analystId AND subscription_id = @subscriptionId", new { analystId, subscriptionId });
        return row?.ToSubscription();
    }

    /// <summary>Read for every delivery: on a prepared statement (<see cref="SqliteDatabase.ReadAsync{T}"/>).</summary>
    public async Task<Subscription?> FindAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        var rows = await database.ReadAsync(read => read.QueryAsync(
            $"{Select} WHERE subscription_id = @subscriptionId", r => r.GetRowParser<Row>()(r), ("@subscriptionId", subscriptionId)), cancellationToken);
        return rows.SingleOrDefault()?.ToSubscription();
    }

    public async Task<Page<Subscription>> ListAsync(string analystId, PageRequest page, CancellationToken cancellationToken)
    {
        var after = page.AfterKeys(2);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>($"""
            {Select} WHERE analyst_id = @analystId
              AND (@createdAt IS NULL OR created_at > @createdAt OR (created_at = @createdAt AND subscription_id > @subscriptionId))
            ORDER BY created_at, subscription_id LIMIT @limit
            """, new { analystId, createdAt = after?[0], subscriptionId = after?[1], limit = page.Limit + 1 });
        return Page.From(rows.Select(r => r.ToSubscription()).ToList(), page.Limit, s => [PageCursor.Key(s.CreatedAt), s.SubscriptionId]);
    }

    public async Task<int> CountAsync(string analystId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM alert_subscriptions WHERE analyst_id = @analystId", new { analystId });
    }

    public async Task<bool> DeleteAsync(string analystId, string subscriptionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "DELETE FROM alert_subscriptions WHERE analyst_id = @analystId AND subscription_id = @subscriptionId", new { analystId, subscriptionId }) == 1;
    }

    public async Task<IReadOnlyList<Subscription>> ListAllAsync(CancellationToken cancellationToken)
    {
        using var activity = SqliteDatabase.StartActivity("SELECT", "alert_subscriptions");
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(Select);
        return rows.Select(r => r.ToSubscription()).ToList();
    }

    private static object Parameters(Subscription subscription) => new
    {
        subscription.SubscriptionId, subscription.AnalystId, subscription.Name,
        Topics = JsonSerializer.Serialize(subscription.Topics), Countries = JsonSerializer.Serialize(subscription.Countries),
        Keywords = JsonSerializer.Serialize(subscription.Keywords), subscription.WebhookUrl,
        Definition = SubscriptionDefinition.Serialize(subscription), subscription.SigningSecret, subscription.CreatedAt,
    };

    private sealed class Row
    {
        public string SubscriptionId { get; init; } = "";
        public string AnalystId { get; init; } = "";
        public string Name { get; init; } = "";
        public string Topics { get; init; } = "[]";
        public string Countries { get; init; } = "[]";
        public string Keywords { get; init; } = "[]";
        public string? WebhookUrl { get; init; }
        public string? Definition { get; init; }
        public string? SigningSecret { get; init; }
        public DateTimeOffset CreatedAt { get; init; }

        public Subscription ToSubscription() => SubscriptionDefinition.Apply(new Subscription
        {
            SubscriptionId = SubscriptionId, AnalystId = AnalystId, Name = Name,
            Topics = JsonSerializer.Deserialize<List<string>>(Topics)!, Countries = JsonSerializer.Deserialize<List<string>>(Countries)!,
            Keywords = JsonSerializer.Deserialize<List<string>>(Keywords)!, SigningSecret = SigningSecret, CreatedAt = CreatedAt,
        }, Definition, WebhookUrl);
    }
}
