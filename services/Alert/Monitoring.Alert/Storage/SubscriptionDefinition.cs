using System.Text.Json;
using System.Text.Json.Serialization;
using Monitoring.Alert.Subscriptions;

namespace Monitoring.Alert.Storage;

/// <summary>
/// The parts of a subscription no query filters on, stored by both stores as one JSON document. Rows written before
/// it existed have none: their single webhook URL column becomes the one channel.
/// </summary>
internal sealed record SubscriptionDefinition(
    string? Query,
    double? MinScore,
    IReadOnlyList<DeliveryChannel> Channels,
    DeliverySchedule Schedule,
    QuietHours? QuietHours,
    string? UrgentQuery,
    bool NotifyOnUpdates,
    // Written only when set, so an active subscription is stored exactly as before pausing existed.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Paused = false)
{
    public static string Serialize(Subscription s) =>
        JsonSerializer.Serialize(new SubscriptionDefinition(s.Query, s.MinScore, s.Channels, s.Schedule, s.QuietHours, s.UrgentQuery, s.NotifyOnUpdates, s.Paused), JsonSerializerOptions.Web);

    public static Subscription Apply(Subscription subscription, string? json, string? legacyWebhookUrl)
    {
        if (json is null)
        {
            return subscription with { Channels = legacyWebhookUrl is null ? [] : [new DeliveryChannel(ChannelType.Webhook, legacyWebhookUrl)] };
        }

        var d = JsonSerializer.Deserialize<SubscriptionDefinition>(json, JsonSerializerOptions.Web)!;
        return subscription with
        {
            Query = d.Query, MinScore = d.MinScore, Channels = d.Channels, Schedule = d.Schedule, QuietHours = d.QuietHours,
            UrgentQuery = d.UrgentQuery, NotifyOnUpdates = d.NotifyOnUpdates, Paused = d.Paused,
        };
    }
}
