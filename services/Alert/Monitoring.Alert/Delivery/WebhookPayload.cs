using Monitoring.Alert.Alerts;
using Monitoring.Contracts;

namespace Monitoring.Alert.Delivery;

/// <summary>The JSON body POSTed to a subscription's generic webhook for one alert.</summary>
public sealed record WebhookPayload(
    string AlertId,
    string SubscriptionId,
    string ArticleId,
    string StoryId,
    string? Title,
    string? Url,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Countries,
    DateTimeOffset RaisedAt)
{
    public string Kind { get; init; } = "alert";
    public int ArticleCount { get; init; } = 1;
    public IReadOnlyList<string> Outlets { get; init; } = [];
    public bool Urgent { get; init; }

    /// <summary>True when this is a further article of a story already alerted.</summary>
    public bool IsUpdate { get; init; }

    /// <summary>A corroborated event's provenance (first outlet and time, later ones, syndicated copies, denials); absent for a story alert.</summary>
    public EventCorroboration? Corroboration { get; init; }
    /// <summary>The relation shifts the article fired that the subscription asked for (<c>shift:</c>), with the events that moved them.</summary>
    public IReadOnlyList<Shifts.RelationShift>? Shifts { get; init; }

    /// <summary>The story's breaking record and growth curve, when the subscription asked for it (<c>is:breaking</c>).</summary>
    public Breaking.BreakingStory? Breaking { get; init; }

    public static WebhookPayload From(AlertRecord alert) =>
        new(alert.AlertId, alert.SubscriptionId, alert.LatestArticleId ?? alert.ArticleId, alert.StoryId, alert.LatestTitle ?? alert.Title,
            alert.LatestUrl ?? alert.Url, alert.Topics, alert.Countries, alert.RaisedAt)
        {
            ArticleCount = alert.ArticleCount, Outlets = alert.Outlets, Urgent = alert.Urgent, IsUpdate = alert.ArticleCount > 1,
            Corroboration = alert.Corroboration,
            Shifts = alert.Shifts, Breaking = alert.Breaking,
        };
}

/// <summary>The JSON body POSTed to a generic webhook for a digest: each story once.</summary>
public sealed record DigestPayload(string SubscriptionId, string SubscriptionName, DateTimeOffset PeriodEnd, IReadOnlyList<WebhookPayload> Alerts)
{
    public string Kind { get; init; } = "digest";
}
