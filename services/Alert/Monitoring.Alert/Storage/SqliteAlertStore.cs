using System.Text.Json;
using Dapper;
using Monitoring.Alert.Alerts;
using Monitoring.Storage;
using Monitoring.Storage.Outbox;
using Monitoring.Storage.Paging;

namespace Monitoring.Alert.Storage;

/// <summary>Alerts in <c>alert_story_alerts</c>: one row per subscription and story (the per-article table of the first version is left alone).</summary>
public sealed class SqliteAlertStore(SqliteDatabase database) : IAlertStore, IStoreInitializer
{
    private const string Table = SqliteAlertTable.Name;

    private const string Select = SqliteAlertTable.Select;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await SqliteAlertTable.CreateAsync(connection);
        await SqliteOutboxStore.CreateAsync(connection, AlertOutbox.Name);
    }

    public async Task<(bool Inserted, AlertRecord Alert)> TryInsertAsync(AlertRecord alert, OutboxMessage? announcement, CancellationToken cancellationToken)
    {
        using var activity = SqliteDatabase.StartActivity("INSERT", Table);
        return await database.WriteAsync(async write =>
        {
            var inserted = await write.ExecuteAsync($"""
                INSERT INTO {Table} (alert_id, subscription_id, analyst_id, story_id, article_id, title, url, topics, countries, article_count, outlets,
                                     article_ids, latest_article_id, latest_title, latest_url, updated_at, urgent, article_ingested_at, raised_at,
                                     delivery_status, due_at, delivery_attempts, delivered_at, last_error, delivered_channels, not_relevant_at, relevant_at, feedback_comment,
                                     pending_since, corroboration, shifts, breaking)
                VALUES (@AlertId, @SubscriptionId, @AnalystId, @StoryId, @ArticleId, @Title, @Url, @Topics, @Countries, @ArticleCount, @Outlets,
                        @ArticleIds, @LatestArticleId, @LatestTitle, @LatestUrl, @UpdatedAt, @Urgent, @ArticleIngestedAt, @RaisedAt,
                        @DeliveryStatus, @DueAt, @DeliveryAttempts, @DeliveredAt, @LastError, @DeliveredChannels, @NotRelevantAt, @RelevantAt, @FeedbackComment,
                        @RaisedAt, @Corroboration, @Shifts, @Breaking)
                ON CONFLICT DO NOTHING
                """,
                ("@AlertId", alert.AlertId), ("@SubscriptionId", alert.SubscriptionId), ("@AnalystId", alert.AnalystId), ("@StoryId", alert.StoryId),
                ("@ArticleId", alert.ArticleId), ("@Title", alert.Title), ("@Url", alert.Url), ("@Topics", JsonSerializer.Serialize(alert.Topics)),
                ("@Countries", JsonSerializer.Serialize(alert.Countries)), ("@ArticleCount", alert.ArticleCount), ("@Outlets", JsonSerializer.Serialize(alert.Outlets)),
                ("@ArticleIds", JsonSerializer.Serialize(new[] { alert.ArticleId })), ("@LatestArticleId", alert.LatestArticleId), ("@LatestTitle", alert.LatestTitle),
                ("@LatestUrl", alert.LatestUrl), ("@UpdatedAt", alert.UpdatedAt), ("@Urgent", alert.Urgent), ("@ArticleIngestedAt", alert.ArticleIngestedAt),
                ("@RaisedAt", alert.RaisedAt), ("@DeliveryStatus", alert.DeliveryStatus), ("@DueAt", alert.DueAt), ("@DeliveryAttempts", alert.DeliveryAttempts),
                ("@DeliveredAt", alert.DeliveredAt), ("@LastError", alert.LastError), ("@DeliveredChannels", JsonSerializer.Serialize(alert.DeliveredChannels)),
                ("@NotRelevantAt", alert.NotRelevantAt), ("@RelevantAt", alert.RelevantAt), ("@FeedbackComment", alert.FeedbackComment),
                ("@Corroboration", alert.Corroboration is { } corroboration ? JsonSerializer.Serialize(corroboration) : null),
                ("@Shifts", alert.Shifts is null ? null : JsonSerializer.Serialize(alert.Shifts)), ("@Breaking", alert.Breaking is null ? null : JsonSerializer.Serialize(alert.Breaking)));
            if (inserted == 1)
            {
                if (announcement is not null) await SqliteOutboxStore.AddAsync(write, AlertOutbox.Name, announcement);
                return (true, alert);
            }

            var existing = await write.QueryAsync(
                $"{Select} WHERE alert_id = @AlertId OR (subscription_id = @SubscriptionId AND story_id = @StoryId) LIMIT 1", AlertOf,
                ("@AlertId", alert.AlertId), ("@SubscriptionId", alert.SubscriptionId), ("@StoryId", alert.StoryId));
            return (false, existing.Single());
        }, cancellationToken);
    }

    public async Task<AlertRecord?> AddArticleAsync(string alertId, StoryArticle article, AlertRequeue? requeue, CancellationToken cancellationToken)
    {
        using var activity = SqliteDatabase.StartActivity("UPDATE", Table);
        return await database.WriteAsync(async write =>
        {
            var row = (await write.QueryAsync($"""
            UPDATE {Table}
            SET article_ids = json_insert(article_ids, '$[#]', @ArticleId),
                article_count = article_count + 1,
                outlets = CASE WHEN @Source IS NULL OR EXISTS (SELECT 1 FROM json_each({Table}.outlets) WHERE value = @Source)
                               THEN outlets ELSE json_insert(outlets, '$[#]', @Source) END,
                latest_article_id = @ArticleId, latest_title = @Title, latest_url = @Url, updated_at = @At
            WHERE alert_id = @alertId AND not_relevant_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM json_each({Table}.article_ids) WHERE value = @ArticleId)
            RETURNING {SqliteAlertTable.Columns}
            """, AlertOf, ("@ArticleId", article.ArticleId), ("@Source", article.Source), ("@Title", article.Title), ("@Url", article.Url),
                ("@At", Instant(article.At)), ("@alertId", alertId))).SingleOrDefault();
            if (row is null || requeue is null) return row;
            return await RequeueAsync(write, alertId, requeue, cancellationToken) ?? row;
        }, cancellationToken);
    }

    private static async Task<AlertRecord?> RequeueAsync(SqliteWrite write, string alertId, AlertRequeue requeue, CancellationToken cancellationToken)
    {
        var row = await write.Connection.QuerySingleOrDefaultAsync<SqliteAlertRow>($"""
            UPDATE {Table}
            SET delivery_status = @status, due_at = @dueAt, delivered_channels = '[]', last_error = NULL, delivery_attempts = 0, lease_until = NULL,
                pending_since = @now
            WHERE alert_id = @alertId AND not_relevant_at IS NULL AND delivery_status IN ('Delivered', 'Failed', 'NotRequired')
            RETURNING {SqliteAlertTable.Columns}
            """, new { alertId, status = requeue.Status.ToString(), dueAt = requeue.DueAt, now = requeue.Now }, write.Transaction);
        if (row is null) return null;
        var alert = row.ToAlert();
        await AddAllAsync(write, await requeue.Announce([alert], cancellationToken));
        return alert;
    }

    public async Task<AlertRecord?> UpdateCorroborationAsync(
        string alertId, Contracts.EventCorroboration corroboration, IReadOnlyList<string> outlets, AlertRequeue requeue, CancellationToken cancellationToken)
    {
        using var activity = SqliteDatabase.StartActivity("UPDATE", Table);
        return await database.WriteAsync(async write =>
        {
            var row = await write.Connection.QuerySingleOrDefaultAsync<SqliteAlertRow>($"""
                UPDATE {Table} SET corroboration = @corroboration, outlets = @outlets
                WHERE alert_id = @alertId AND not_relevant_at IS NULL
                RETURNING {SqliteAlertTable.Columns}
                """, new { alertId, corroboration = JsonSerializer.Serialize(corroboration), outlets = JsonSerializer.Serialize(outlets) }, write.Transaction);
            if (row is null) return null;
            var requeued = await write.Connection.QuerySingleOrDefaultAsync<SqliteAlertRow>($"""
                UPDATE {Table}
                SET delivery_status = @status, due_at = @dueAt, last_error = NULL, delivery_attempts = 0, lease_until = NULL, pending_since = @now
                WHERE alert_id = @alertId AND delivery_status IN ('Delivered', 'Failed', 'NotRequired')
                RETURNING {SqliteAlertTable.Columns}
                """, new { alertId, status = requeue.Status.ToString(), dueAt = requeue.DueAt, now = requeue.Now }, write.Transaction);
            if (requeued is null) return row.ToAlert();
            var alert = requeued.ToAlert();
            await AddAllAsync(write, await requeue.Announce([alert], cancellationToken));
            return alert;
        }, cancellationToken);
    }

    public async Task<AlertRecord?> GetAsync(string analystId, string alertId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SqliteAlertRow>($"{Select} WHERE analyst_id = @analystId AND alert_id = @alertId", new { analystId, alertId });
        return row?.ToAlert();
    }

    public async Task<Page<AlertRecord>> ListAsync(string analystId, PageRequest page, CancellationToken cancellationToken)
    {
        var after = page.AfterKeys(2);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SqliteAlertRow>($"""
            {Select} WHERE analyst_id = @analystId
              AND (@raisedAt IS NULL OR raised_at < @raisedAt OR (raised_at = @raisedAt AND alert_id < @alertId))
            ORDER BY raised_at DESC, alert_id DESC LIMIT @limit
            """, new { analystId, raisedAt = after?[0], alertId = after?[1], limit = page.Limit + 1 });
        return Page.From(rows.Select(r => r.ToAlert()).ToList(), page.Limit, a => [PageCursor.Key(a.RaisedAt), a.AlertId]);
    }

    public async Task<bool> MarkNotRelevantAsync(string analystId, string alertId, string? comment, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync($"""
            UPDATE {Table}
            SET not_relevant_at = COALESCE(not_relevant_at, @at), relevant_at = NULL, feedback_comment = @comment,
                delivery_status = CASE WHEN delivery_status = 'Scheduled' THEN 'NotRequired' ELSE delivery_status END
            WHERE analyst_id = @analystId AND alert_id = @alertId
            """, new { analystId, alertId, comment, at }) == 1;
    }

    public async Task<bool> MarkRelevantAsync(string analystId, string alertId, string? comment, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            $"UPDATE {Table} SET relevant_at = COALESCE(relevant_at, @at), not_relevant_at = NULL, feedback_comment = @comment WHERE analyst_id = @analystId AND alert_id = @alertId",
            new { analystId, alertId, comment, at }) == 1;
    }

    public async Task<bool> ClearFeedbackAsync(string analystId, string alertId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            $"UPDATE {Table} SET relevant_at = NULL, not_relevant_at = NULL, feedback_comment = NULL WHERE analyst_id = @analystId AND alert_id = @alertId",
            new { analystId, alertId }) == 1;
    }

    public async Task<bool> MarkReadAsync(string analystId, string alertId, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);

        // The first reading is kept: marking read again does not move it.
        return await connection.ExecuteAsync(
            $"UPDATE {Table} SET read_at = CASE WHEN @at IS NULL THEN NULL ELSE COALESCE(read_at, @at) END WHERE analyst_id = @analystId AND alert_id = @alertId",
            new { analystId, alertId, at }) == 1;
    }

    public async Task<Page<AlertRecord>> ListFeedbackAsync(string analystId, string? topic, PageRequest page, CancellationToken cancellationToken)
    {
        var after = page.AfterKeys(2);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SqliteAlertRow>($"""
            {Select} WHERE analyst_id = @analystId AND (relevant_at IS NOT NULL OR not_relevant_at IS NOT NULL)
              AND (@topic IS NULL OR EXISTS (SELECT 1 FROM json_each({Table}.topics) WHERE value = @topic))
              AND (@raisedAt IS NULL OR raised_at < @raisedAt OR (raised_at = @raisedAt AND alert_id < @alertId))
            ORDER BY raised_at DESC, alert_id DESC LIMIT @limit
            """, new { analystId, topic, raisedAt = after?[0], alertId = after?[1], limit = page.Limit + 1 });
        return Page.From(rows.Select(r => r.ToAlert()).ToList(), page.Limit, a => [PageCursor.Key(a.RaisedAt), a.AlertId]);
    }

    public async Task<AlertRecord?> TryClaimDeliveryAsync(string alertId, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        using var activity = SqliteDatabase.StartActivity("UPDATE", Table);
        // Once per delivery: on the writer's prepared statement. The instants go to the provider as they did through Dapper
        // (its handler formats read values, not parameters), so the lease compares with ListStalledAsync's as before.
        var rows = await database.WriteAsync(write => write.QueryAsync($"""
            UPDATE {Table} SET lease_until = @leaseUntil, delivery_attempts = delivery_attempts + 1
            WHERE alert_id = @alertId AND delivery_status = 'Pending' AND (lease_until IS NULL OR lease_until < @now)
            RETURNING {SqliteAlertTable.Columns}
            """, AlertOf, ("@leaseUntil", leaseUntil), ("@alertId", alertId), ("@now", now)), cancellationToken);
        return rows.SingleOrDefault();
    }

    public Task MarkChannelDeliveredAsync(string alertId, string channel, CancellationToken cancellationToken) =>
        database.WriteAsync(write => MarkChannelAsync(write, alertId, channel), cancellationToken);

    private static Task<int> MarkChannelAsync(SqliteWrite write, string alertId, string channel) => write.ExecuteAsync($"""
        UPDATE {Table} SET delivered_channels = json_insert(delivered_channels, '$[#]', @channel)
        WHERE alert_id = @alertId AND NOT EXISTS (SELECT 1 FROM json_each({Table}.delivered_channels) WHERE value = @channel)
        """, ("@alertId", alertId), ("@channel", channel));

    public Task UnmarkChannelDeliveredAsync(string alertId, string channel, CancellationToken cancellationToken) =>
        database.WriteAsync(write => write.ExecuteAsync($"""
            UPDATE {Table} SET delivered_channels = (SELECT json_group_array(value) FROM json_each({Table}.delivered_channels) WHERE value <> @channel)
            WHERE alert_id = @alertId
            """, ("@alertId", alertId), ("@channel", channel)), cancellationToken);

    public async Task CompleteDeliveryAsync(string alertId, DeliveryStatus status, DateTimeOffset at, string? error, CancellationToken cancellationToken, string? deliveredChannel = null)
    {
        using var activity = SqliteDatabase.StartActivity("UPDATE", Table);
        await database.WriteAsync(async write =>
        {
            if (deliveredChannel is not null) await MarkChannelAsync(write, alertId, deliveredChannel);
            await write.ExecuteAsync($"""
                UPDATE {Table}
                SET delivery_status = @status, lease_until = NULL, last_error = @error,
                    delivered_at = CASE WHEN @status = 'Delivered' THEN @at ELSE delivered_at END,
                    pending_since = CASE WHEN @status = 'Pending' THEN @at ELSE pending_since END
                WHERE alert_id = @alertId
                """, ("@alertId", alertId), ("@status", status), ("@at", at), ("@error", error));
        }, cancellationToken);
    }

    public Task MarkFailedAsync(string alertId, string error, CancellationToken cancellationToken) =>
        database.WriteAsync(write => write.ExecuteAsync(
            $"UPDATE {Table} SET delivery_status = 'Failed', lease_until = NULL, last_error = @error WHERE alert_id = @alertId AND delivery_status = 'Pending'",
            ("@alertId", alertId), ("@error", error)), cancellationToken);

    public Task<IReadOnlyList<AlertRecord>> ReleaseDueAsync(DateTimeOffset now, int limit, AnnounceAlerts announce, CancellationToken cancellationToken) =>
        database.WriteAsync<IReadOnlyList<AlertRecord>>(async write =>
        {
            var rows = await write.Connection.QueryAsync<SqliteAlertRow>($"""
                UPDATE {Table} SET delivery_status = 'Pending', pending_since = @now
                WHERE alert_id IN (SELECT alert_id FROM {Table} WHERE delivery_status = 'Scheduled' AND due_at <= @now ORDER BY due_at LIMIT @limit)
                RETURNING {SqliteAlertTable.Columns}
                """, new { now, limit }, write.Transaction);
            var released = rows.Select(r => r.ToAlert()).OrderBy(a => a.DueAt).ToList();
            if (released.Count > 0) await AddAllAsync(write, await announce(released, cancellationToken));
            return released;
        }, cancellationToken);

    public async Task<IReadOnlyList<AlertRecord>> ListStalledAsync(DateTimeOffset now, DateTimeOffset unclaimedBefore, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SqliteAlertRow>($"""
            {Select}
            WHERE delivery_status = 'Pending'
              AND ((lease_until IS NOT NULL AND lease_until < @now)
                OR (lease_until IS NULL AND COALESCE(pending_since, raised_at) < @unclaimedBefore))
            ORDER BY COALESCE(lease_until, pending_since, raised_at) LIMIT @limit
            """, new { now, unclaimedBefore, limit });
        return rows.Select(r => r.ToAlert()).ToList();
    }

    /// <summary>A row read on the writer's prepared statements, mapped as Dapper maps <see cref="SqliteAlertRow"/> everywhere else.</summary>
    private static AlertRecord AlertOf(Microsoft.Data.Sqlite.SqliteDataReader reader) => reader.GetRowParser<SqliteAlertRow>()(reader).ToAlert();

    /// <summary>An instant as Dapper's handler writes it (<see cref="SqliteDatabase"/>), for statements bound on <see cref="SqliteWrite"/>.</summary>
    private static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("O");

    private static async Task AddAllAsync(SqliteWrite write, IReadOnlyList<OutboxMessage> messages)
    {
        foreach (var message in messages) await SqliteOutboxStore.AddAsync(write, AlertOutbox.Name, message);
    }
}
