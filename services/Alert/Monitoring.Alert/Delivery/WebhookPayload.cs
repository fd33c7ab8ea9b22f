namespace Monitoring.Alert.Delivery;

/// <summary>The JSON body POSTed to a subscription's webhook.</summary>
public sealed record WebhookPayload(
    string AlertId,
    string SubscriptionId,
    string ArticleId,
    string StoryId,
    string? Title,
    string? Url,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Countries,
    DateTimeOffset RaisedAt);
