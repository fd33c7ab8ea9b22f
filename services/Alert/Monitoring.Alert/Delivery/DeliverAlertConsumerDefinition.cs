using MassTransit;

namespace Monitoring.Alert.Delivery;

public sealed class DeliverAlertConsumerDefinition : ConsumerDefinition<DeliverAlertConsumer>
{
    public DeliverAlertConsumerDefinition()
    {
        // Webhook calls wait on the network, not the CPU: several in flight at once.
        ConcurrentMessageLimit = 16;
    }
}
