using MassTransit;

namespace Monitoring.Alert.Matching;

public sealed class MatchSubscriptionsConsumerDefinition : ConsumerDefinition<MatchSubscriptionsConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<MatchSubscriptionsConsumer> consumerConfigurator, IRegistrationContext context)
    {
        // AlertRaised leaves only after every matching alert is stored.
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
