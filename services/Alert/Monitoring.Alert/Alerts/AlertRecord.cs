using System.Text.Json.Serialization;
using Monitoring.Contracts;

namespace Monitoring.Alert.Alerts;

[JsonConverter(typeof(JsonStringEnumConverter<DeliveryStatus>))]
public enum DeliveryStatus
{
    Pending,
    Delivered,

    /// <summary>Every retry failed; the error is in <see cref="AlertRecord.LastError"/>.</summary>
    Failed,

    /// <summary>The subscription has no delivery channel; the alert is only listed through the API and the live stream.</summary>
    NotRequired,

    /// <summary>Waits until <see cref="AlertRecord.DueAt"/>: the end of quiet hours, or the subscription's next digest.</summary>
    Scheduled,
}

/// <summary>
/// One alert per subscription and story; its id is derived from both, so a redelivery or another outlet's copy finds
/// it. Further articles of the story update it (<see cref="ArticleCount"/>, <see cref="Outlets"/>, the latest article).
/// </summary>
public sealed record AlertRecord
{
    public required string AlertId { get; init; }
    public required string SubscriptionId { get; init; }
    public required string AnalystId { get; init; }
    public required string StoryId { get; init; }

    /// <summary>The article that raised the alert.</summary>
    public required string ArticleId { get; init; }
    public string? Title { get; init; }
    public string? Url { get; init; }
    public required IReadOnlyList<string> Topics { get; init; }
    public required IReadOnlyList<string> Countries { get; init; }

    /// <summary>Every article of the story counted so far, the first included.</summary>
    public int ArticleCount { get; init; } = 1;

    /// <summary>Distinct sources (outlets) that carried the story.</summary>
    public IReadOnlyList<string> Outlets { get; init; } = [];

    public string? LatestArticleId { get; init; }
    public string? LatestTitle { get; init; }
    public string? LatestUrl { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Matched the subscription's urgent expression: delivered at once, quiet hours or not.</summary>
    public bool Urgent { get; init; }

    public required DateTimeOffset ArticleIngestedAt { get; init; }
    public required DateTimeOffset RaisedAt { get; init; }
    public DeliveryStatus DeliveryStatus { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public int DeliveryAttempts { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }
    public string? LastError { get; init; }

    /// <summary>Channels (<c>type:target</c>) already reached in the current delivery, so a retry sends only to the rest.</summary>
    public IReadOnlyList<string> DeliveredChannels { get; init; } = [];

    /// <summary>Set when the analyst said the story is not relevant: nothing more is raised for it on this subscription.</summary>
    public DateTimeOffset? NotRelevantAt { get; init; }

    /// <summary>Set when the analyst said the story is relevant (which also undoes an earlier "not relevant").</summary>
    public DateTimeOffset? RelevantAt { get; init; }

    public string? FeedbackComment { get; init; }

    /// <summary>When the analyst marked the alert read in the desk; null while unread.</summary>
    public DateTimeOffset? ReadAt { get; init; }

    /// <summary>For a <c>corroborated:N</c> subscription (story <c>event:{eventId}</c>): the event and its provenance when it crossed N.</summary>
    public EventCorroboration? Corroboration { get; init; }
    /// <summary>The relation shifts the article fired that the subscription asks for (<c>shift:</c>), with the events that moved them; null otherwise.</summary>
    public IReadOnlyList<Shifts.RelationShift>? Shifts { get; init; }

    /// <summary>The story's breaking record, with its growth curve, when the subscription asks for it (<c>is:breaking</c>); null otherwise.</summary>
    public Breaking.BreakingStory? Breaking { get; init; }
}
