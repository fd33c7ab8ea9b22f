using MassTransit;
using Monitoring.Alert.Delivery;

namespace Monitoring.Alert.Scheduling;

public sealed class DigestDueConsumer(AlertDeliverer deliverer) : IConsumer<DigestDue>
{
    public Task Consume(ConsumeContext<DigestDue> context) =>
        deliverer.DeliverDigestAsync(context.Message.AlertIds, context.Message.PeriodEnd, context.CancellationToken);
}
