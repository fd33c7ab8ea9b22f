namespace Monitoring.Alert;

public sealed class AlertOptions
{
    public const string SectionName = "Alert";

    /// <summary>The key that authenticates as admin (creates analysts). Unset means no admin access over HTTP.</summary>
    public string? AdminApiKey { get; set; }

    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one delivery attempt owns an alert before another consumer may try it.</summary>
    public TimeSpan DeliveryLease { get; set; } = TimeSpan.FromMinutes(1);
}
