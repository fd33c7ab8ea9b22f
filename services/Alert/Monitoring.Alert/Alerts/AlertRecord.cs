using System.Text.Json.Serialization;

namespace Monitoring.Alert.Alerts;

[JsonConverter(typeof(JsonStringEnumConverter<DeliveryStatus>))]
public enum DeliveryStatus
{
    Pending,
    Delivered,

    /// <summary>Every retry failed; the error is in <see cref="AlertRecord.LastError"/>.</summary>
    Failed,

    /// <summary>The subscription has no delivery channel; the alert is only listed through the API.</summary>
    NotRequired,
}

/// <summary>One alert per subscription and article; its id is derived from both, so a redelivery finds it.</summary>
public sealed record AlertRecord
{
    public required string AlertId { get; init; }
    public required string SubscriptionId { get; init; }
    public required string AnalystId { get; init; }
    public required string ArticleId { get; init; }
    public required string StoryId { get; init; }
    public string? Title { get; init; }
    public string? Url { get; init; }
    public required IReadOnlyList<string> Topics { get; init; }
    public required IReadOnlyList<string> Countries { get; init; }
    public string? WebhookUrl { get; init; }
    public required DateTimeOffset ArticleIngestedAt { get; init; }
    public required DateTimeOffset RaisedAt { get; init; }
    public DeliveryStatus DeliveryStatus { get; init; }
    public int DeliveryAttempts { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }
    public string? LastError { get; init; }
}
