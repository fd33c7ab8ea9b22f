using MassTransit;

namespace Monitoring.Classify.Articles;

public sealed class ClassifyArticleConsumerDefinition : ConsumerDefinition<ClassifyArticleConsumer>
{
    public ClassifyArticleConsumerDefinition()
    {
        // Classification is CPU-bound: more than a few at once only queues work on the cores.
        ConcurrentMessageLimit = Math.Max(2, Environment.ProcessorCount);
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ClassifyArticleConsumer> consumerConfigurator, IRegistrationContext context)
    {
        // ArticleClassified leaves only once the classified article is stored and the consumer has succeeded.
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
