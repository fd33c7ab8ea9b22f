namespace Monitoring.Alert.Subscriptions;

/// <summary>
/// What an analyst wants to hear about. An article matches when it has any of the topics, any of the
/// countries and any of the keywords; an empty list places no condition.
/// </summary>
public sealed record Subscription
{
    public required string SubscriptionId { get; init; }
    public required string AnalystId { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyList<string> Topics { get; init; }
    public required IReadOnlyList<string> Countries { get; init; }
    public required IReadOnlyList<string> Keywords { get; init; }
    public string? WebhookUrl { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}
