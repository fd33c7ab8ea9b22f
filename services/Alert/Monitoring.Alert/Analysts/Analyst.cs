namespace Monitoring.Alert.Analysts;

public sealed record Analyst
{
    public required string AnalystId { get; init; }
    public required string Name { get; init; }

    /// <summary>SHA-256 of the API key; the key itself is shown once, at creation, and never stored.</summary>
    public required string ApiKeyHash { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
