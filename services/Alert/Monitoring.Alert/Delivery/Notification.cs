using System.Globalization;
using System.Text;
using Monitoring.Alert.Alerts;
using Monitoring.Alert.Subscriptions;

namespace Monitoring.Alert.Delivery;

/// <summary>What one delivery carries: one alert, or a digest of the period's alerts (each story once), and its human-readable rendering.</summary>
public sealed record Notification(Subscription Subscription, IReadOnlyList<AlertRecord> Alerts, DateTimeOffset? DigestPeriodEnd)
{
    public bool IsDigest => DigestPeriodEnd is not null;

    /// <summary>The same for every attempt at this delivery, different for an update or another digest: the receivers' idempotency key.</summary>
    public string DeliveryId => DigestPeriodEnd is { } periodEnd
        ? DeliveryIds.Digest(Subscription.SubscriptionId, periodEnd)
        : DeliveryIds.Of(Alerts[0].AlertId, Alerts[0].ArticleCount);

    public string Subject => IsDigest
        ? $"[Monitoring] {Subscription.Name}: digest, {Alerts.Count} {(Alerts.Count == 1 ? "story" : "stories")} until {DigestPeriodEnd:yyyy-MM-dd HH:mm} UTC"
        : $"[Monitoring] {Subscription.Name}: {TitleOf(Alerts[0])}";

    /// <summary>Plain text: one block per story with its link, tags and outlets.</summary>
    public string Text
    {
        get
        {
            var text = new StringBuilder();
            if (IsDigest) text.Append(CultureInfo.InvariantCulture, $"{Alerts.Count} {(Alerts.Count == 1 ? "story" : "stories")} for \"{Subscription.Name}\"\n\n");
            foreach (var alert in Alerts)
            {
                text.Append(CultureInfo.InvariantCulture, $"{(alert.Urgent ? "URGENT: " : "")}{TitleOf(alert)}\n");
                foreach (var shift in alert.Shifts ?? []) text.Append("Relation shift: ").Append(shift.Summary).Append('\n');
                if (alert.Breaking is { } breaking) text.Append("Breaking: ").Append(breaking.Summary).Append('\n');
                if ((alert.LatestUrl ?? alert.Url) is { } url) text.Append(url).Append('\n');
                if (alert.Topics.Count > 0) text.Append("Topics: ").AppendJoin(", ", alert.Topics).Append('\n');
                if (alert.Countries.Count > 0) text.Append("Countries: ").AppendJoin(", ", alert.Countries).Append('\n');
                if (alert.Corroboration is { } corroboration) text.Append(Corroboration.ProvenanceText.Of(corroboration));
                if (alert.ArticleCount > 1)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{alert.ArticleCount} articles");
                    if (alert.Outlets.Count > 0) text.Append(" from ").AppendJoin(", ", alert.Outlets);
                    text.Append('\n');
                }

                text.Append('\n');
            }

            return text.ToString().TrimEnd() + "\n";
        }
    }

    public static string TitleOf(AlertRecord alert) => alert.LatestTitle ?? alert.Title ?? "(untitled article)";
}
