using MassTransit;
using Monitoring.Contracts;
using Monitoring.ServiceDefaults.Messaging;

namespace Monitoring.Alert.Matching;

public sealed class MatchSubscriptionsConsumer(AlertRaiser raiser) : IConsumer<ArticleClassified>
{
    public Task Consume(ConsumeContext<ArticleClassified> context) => raiser.RaiseAsync(context.Message, context.MessageJson(), context.CancellationToken);
}
