using Monitoring.Alert.Alerts;
using Monitoring.Alert.Subscriptions;

namespace Monitoring.Alert.Delivery;

/// <summary>
/// Which alerts a channel is sent. A channel with <see cref="DeliveryChannel.MinOutlets"/> ("only when corroborated")
/// gets no story alert, only the subscription's event alert once the event has that many independent outlets. A channel
/// without one gets story alerts, and event alerts only when the query itself asks for them (<c>corroborated:N</c>):
/// an event alert raised only for the gated channels is not sent again to the channels that had the story.
/// </summary>
public static class ChannelGate
{
    /// <summary>The smallest gate: one outlet is no corroboration. The same bounds as the query's <c>corroborated:N</c>.</summary>
    public const int MinOutlets = Matching.Language.CorroboratedNode.MinOutlets;

    public const int MaxOutlets = Matching.Language.CorroboratedNode.MaxOutlets;

    public static bool Admits(DeliveryChannel channel, AlertRecord alert) => (channel.MinOutlets, alert.Corroboration) switch
    {
        (null, null) => true,
        (null, { } corroboration) => corroboration.Required is not null,
        (_, null) => false,
        ({ } gate, { } corroboration) => corroboration.IndependentOutlets >= gate,
    };

    /// <summary>The subscription's gates, smallest first: the outlet counts at which its event alerts reach another channel.</summary>
    public static IReadOnlyList<int> Of(Subscription subscription) =>
        subscription.Channels.Select(c => c.MinOutlets).OfType<int>().Distinct().Order().ToList();
}
