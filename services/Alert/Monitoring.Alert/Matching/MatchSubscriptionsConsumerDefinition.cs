using MassTransit;

namespace Monitoring.Alert.Matching;

public sealed class MatchSubscriptionsConsumerDefinition : ConsumerDefinition<MatchSubscriptionsConsumer>
{
    // No in-memory outbox: AlertRaised is written to the store's outbox with each alert and published from there.
}
