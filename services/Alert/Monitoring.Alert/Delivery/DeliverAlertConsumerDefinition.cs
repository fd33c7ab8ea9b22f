using MassTransit;

namespace Monitoring.Alert.Delivery;

/// <summary>
/// Nothing but the consumer's endpoint: prefetch and concurrency come from configuration (<c>Messaging:Endpoints:deliver-alert</c>),
/// with the alert service's default set in <see cref="AlertExtensions.AddAlert"/>.
/// </summary>
public sealed class DeliverAlertConsumerDefinition : ConsumerDefinition<DeliverAlertConsumer>;
