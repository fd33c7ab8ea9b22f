using MassTransit;

namespace Monitoring.Alert.Matching;

public sealed class MatchSubscriptionsConsumerDefinition : ConsumerDefinition<MatchSubscriptionsConsumer>
{
    public MatchSubscriptionsConsumerDefinition()
    {
        ConcurrentMessageLimit = Math.Max(2, Environment.ProcessorCount);
    }

    // No in-memory outbox: AlertRaised is written to the store's outbox with each alert and published from there.
}
