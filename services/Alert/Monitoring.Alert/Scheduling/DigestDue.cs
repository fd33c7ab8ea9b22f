namespace Monitoring.Alert.Scheduling;

/// <summary>
/// A subscription's digest for the period ending at <see cref="PeriodEnd"/> is due, listing these alerts (one per
/// story). Business key: subscription and period. Internal to the alert service.
/// </summary>
public sealed record DigestDue
{
    public required string SubscriptionId { get; init; }
    public required DateTimeOffset PeriodEnd { get; init; }
    public required IReadOnlyList<string> AlertIds { get; init; }
}
