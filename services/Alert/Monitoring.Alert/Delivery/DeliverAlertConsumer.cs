using MassTransit;
using Monitoring.Contracts;

namespace Monitoring.Alert.Delivery;

public sealed class DeliverAlertConsumer(AlertDeliverer deliverer) : IConsumer<AlertRaised>
{
    public Task Consume(ConsumeContext<AlertRaised> context) => deliverer.DeliverAsync(context.Message, context.CancellationToken);
}
