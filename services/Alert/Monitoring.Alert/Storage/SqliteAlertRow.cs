using System.Text.Json;
using Monitoring.Alert.Alerts;

namespace Monitoring.Alert.Storage;

/// <summary>One row of <c>alert_story_alerts</c> as Dapper reads it (lists are JSON), and the alert it stores.</summary>
internal sealed class SqliteAlertRow
{
    public string AlertId { get; init; } = "";
    public string SubscriptionId { get; init; } = "";
    public string AnalystId { get; init; } = "";
    public string StoryId { get; init; } = "";
    public string ArticleId { get; init; } = "";
    public string? Title { get; init; }
    public string? Url { get; init; }
    public string Topics { get; init; } = "[]";
    public string Countries { get; init; } = "[]";
    public long ArticleCount { get; init; }
    public string Outlets { get; init; } = "[]";
    public string? LatestArticleId { get; init; }
    public string? LatestTitle { get; init; }
    public string? LatestUrl { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public bool Urgent { get; init; }
    public DateTimeOffset ArticleIngestedAt { get; init; }
    public DateTimeOffset RaisedAt { get; init; }
    public string DeliveryStatus { get; init; } = "";
    public DateTimeOffset? DueAt { get; init; }
    public long DeliveryAttempts { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }
    public string? LastError { get; init; }
    public string DeliveredChannels { get; init; } = "[]";
    public DateTimeOffset? NotRelevantAt { get; init; }
    public DateTimeOffset? RelevantAt { get; init; }
    public string? FeedbackComment { get; init; }
    public DateTimeOffset? ReadAt { get; init; }
    public string? Corroboration { get; init; }
    public string? Shifts { get; init; }
    public string? Breaking { get; init; }

    public AlertRecord ToAlert() => new()
    {
        AlertId = AlertId, SubscriptionId = SubscriptionId, AnalystId = AnalystId, StoryId = StoryId, ArticleId = ArticleId,
        Title = Title, Url = Url, Topics = JsonSerializer.Deserialize<List<string>>(Topics)!, Countries = JsonSerializer.Deserialize<List<string>>(Countries)!,
        ArticleCount = (int)ArticleCount, Outlets = JsonSerializer.Deserialize<List<string>>(Outlets)!, LatestArticleId = LatestArticleId,
        LatestTitle = LatestTitle, LatestUrl = LatestUrl, UpdatedAt = UpdatedAt, Urgent = Urgent, ArticleIngestedAt = ArticleIngestedAt, RaisedAt = RaisedAt,
        DeliveryStatus = Enum.Parse<DeliveryStatus>(DeliveryStatus), DueAt = DueAt, DeliveryAttempts = (int)DeliveryAttempts, DeliveredAt = DeliveredAt,
        LastError = LastError, DeliveredChannels = JsonSerializer.Deserialize<List<string>>(DeliveredChannels)!, NotRelevantAt = NotRelevantAt,
        RelevantAt = RelevantAt, FeedbackComment = FeedbackComment, ReadAt = ReadAt,
        Corroboration = Corroboration is { } corroboration ? JsonSerializer.Deserialize<Contracts.EventCorroboration>(corroboration) : null,
        Shifts = Shifts is null ? null : JsonSerializer.Deserialize<List<Alert.Shifts.RelationShift>>(Shifts),
        Breaking = Breaking is null ? null : JsonSerializer.Deserialize<Alert.Breaking.BreakingStory>(Breaking),
    };
}
