using MassTransit;
using Monitoring.Contracts;

namespace Monitoring.Alert.Matching;

public sealed class MatchSubscriptionsConsumer(AlertRaiser raiser) : IConsumer<ArticleClassified>
{
    public Task Consume(ConsumeContext<ArticleClassified> context) => raiser.RaiseAsync(context.Message, context.CancellationToken);
}
