namespace Monitoring.Alert;

/// <summary>Alert's outbox: <c>AlertRaised</c> and <c>DigestDue</c> written with the alert change they announce.</summary>
public static class AlertOutbox
{
    public const string Name = "alert_outbox";
}
