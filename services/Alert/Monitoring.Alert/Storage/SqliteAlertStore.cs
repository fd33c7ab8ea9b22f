using System.Text.Json;
using Dapper;
using Monitoring.Alert.Alerts;
using Monitoring.Storage;

namespace Monitoring.Alert.Storage;

public sealed class SqliteAlertStore(SqliteDatabase database) : IAlertStore, IStoreInitializer
{
    private const string Columns = """
        alert_id AS AlertId, subscription_id AS SubscriptionId, analyst_id AS AnalystId, article_id AS ArticleId, story_id AS StoryId,
        title AS Title, url AS Url, topics AS Topics, countries AS Countries, webhook_url AS WebhookUrl,
        article_ingested_at AS ArticleIngestedAt, raised_at AS RaisedAt, delivery_status AS DeliveryStatus,
        delivery_attempts AS DeliveryAttempts, delivered_at AS DeliveredAt, last_error AS LastError
        """;

    private const string Select = "SELECT " + Columns + " FROM alert_alerts";

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("""
            CREATE TABLE IF NOT EXISTS alert_alerts (
                alert_id            TEXT NOT NULL PRIMARY KEY,
                subscription_id     TEXT NOT NULL,
                analyst_id          TEXT NOT NULL,
                article_id          TEXT NOT NULL,
                story_id            TEXT NOT NULL,
                title               TEXT NULL,
                url                 TEXT NULL,
                topics              TEXT NOT NULL,
                countries           TEXT NOT NULL,
                webhook_url         TEXT NULL,
                article_ingested_at TEXT NOT NULL,
                raised_at           TEXT NOT NULL,
                delivery_status     TEXT NOT NULL,
                delivery_attempts   INTEGER NOT NULL DEFAULT 0,
                delivered_at        TEXT NULL,
                last_error          TEXT NULL,
                lease_until         TEXT NULL,
                UNIQUE (subscription_id, article_id));
            CREATE INDEX IF NOT EXISTS alert_alerts_analyst ON alert_alerts (analyst_id, raised_at DESC);
            """);
    }

    public async Task<(bool Inserted, AlertRecord Alert)> TryInsertAsync(AlertRecord alert, CancellationToken cancellationToken)
    {
        using var activity = SqliteDatabase.StartActivity("INSERT", "alert_alerts");
        await using var connection = await database.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync("""
            INSERT INTO alert_alerts (alert_id, subscription_id, analyst_id, article_id, story_id, title, url, topics, countries, webhook_url,
                                      article_ingested_at, raised_at, delivery_status, delivery_attempts, delivered_at, last_error)
            VALUES (@AlertId, @SubscriptionId, @AnalystId, @ArticleId, @StoryId, @Title, @Url, @Topics, @Countries, @WebhookUrl,
                    @ArticleIngestedAt, @RaisedAt, @DeliveryStatus, @DeliveryAttempts, @DeliveredAt, @LastError)
            ON CONFLICT DO NOTHING
            """, new
        {
            alert.AlertId, alert.SubscriptionId, alert.AnalystId, alert.ArticleId, alert.StoryId, alert.Title, alert.Url,
            Topics = JsonSerializer.Serialize(alert.Topics), Countries = JsonSerializer.Serialize(alert.Countries), alert.WebhookUrl,
            alert.ArticleIngestedAt, alert.RaisedAt, DeliveryStatus = alert.DeliveryStatus.ToString(), alert.DeliveryAttempts, alert.DeliveredAt, alert.LastError,
        });
        if (inserted == 1) return (true, alert);

        var existing = await connection.QuerySingleAsync<Row>(
            $"{Select} WHERE alert_id = @AlertId OR (subscription_id = @SubscriptionId AND article_id = @ArticleId) LIMIT 1", alert);
        return (false, existing.ToAlert());
    }

    public async Task<AlertRecord?> GetAsync(string analystId, string alertId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>($"{Select} WHERE analyst_id = @analystId AND alert_id = @alertId", new { analystId, alertId });
        return row?.ToAlert();
    }

    public async Task<IReadOnlyList<AlertRecord>> ListAsync(string analystId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>($"{Select} WHERE analyst_id = @analystId ORDER BY raised_at DESC LIMIT @limit", new { analystId, limit });
        return rows.Select(r => r.ToAlert()).ToList();
    }

    public async Task<AlertRecord?> TryClaimDeliveryAsync(string alertId, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        using var activity = SqliteDatabase.StartActivity("UPDATE", "alert_alerts");
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>($"""
            UPDATE alert_alerts SET lease_until = @leaseUntil, delivery_attempts = delivery_attempts + 1
            WHERE alert_id = @alertId AND delivery_status = 'Pending' AND (lease_until IS NULL OR lease_until < @now)
            RETURNING {Columns}
            """, new { alertId, now, leaseUntil });
        return row?.ToAlert();
    }

    public async Task CompleteDeliveryAsync(string alertId, DeliveryStatus status, DateTimeOffset at, string? error, CancellationToken cancellationToken)
    {
        using var activity = SqliteDatabase.StartActivity("UPDATE", "alert_alerts");
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("""
            UPDATE alert_alerts
            SET delivery_status = @status, lease_until = NULL, last_error = @error,
                delivered_at = CASE WHEN @status = 'Delivered' THEN @at ELSE delivered_at END
            WHERE alert_id = @alertId
            """, new { alertId, status = status.ToString(), at, error });
    }

    public async Task MarkFailedAsync(string alertId, string error, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE alert_alerts SET delivery_status = 'Failed', lease_until = NULL, last_error = @error WHERE alert_id = @alertId AND delivery_status = 'Pending'",
            new { alertId, error });
    }

    private sealed class Row
    {
        public string AlertId { get; init; } = "";
        public string SubscriptionId { get; init; } = "";
        public string AnalystId { get; init; } = "";
        public string ArticleId { get; init; } = "";
        public string StoryId { get; init; } = "";
        public string? Title { get; init; }
        public string? Url { get; init; }
        public string Topics { get; init; } = "[]";
        public string Countries { get; init; } = "[]";
        public string? WebhookUrl { get; init; }
        public DateTimeOffset ArticleIngestedAt { get; init; }
        public DateTimeOffset RaisedAt { get; init; }
        public string DeliveryStatus { get; init; } = "";
        public long DeliveryAttempts { get; init; }
        public DateTimeOffset? DeliveredAt { get; init; }
        public string? LastError { get; init; }

        public AlertRecord ToAlert() => new()
        {
            AlertId = AlertId, SubscriptionId = SubscriptionId, AnalystId = AnalystId, ArticleId = ArticleId, StoryId = StoryId,
            Title = Title, Url = Url, Topics = JsonSerializer.Deserialize<List<string>>(Topics)!, Countries = JsonSerializer.Deserialize<List<string>>(Countries)!,
            WebhookUrl = WebhookUrl, ArticleIngestedAt = ArticleIngestedAt, RaisedAt = RaisedAt,
            DeliveryStatus = Enum.Parse<DeliveryStatus>(DeliveryStatus), DeliveryAttempts = (int)DeliveryAttempts, DeliveredAt = DeliveredAt, LastError = LastError,
        };
    }
}
