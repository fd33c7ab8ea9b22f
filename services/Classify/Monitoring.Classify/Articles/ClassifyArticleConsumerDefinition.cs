using MassTransit;

namespace Monitoring.Classify.Articles;

public sealed class ClassifyArticleConsumerDefinition : ConsumerDefinition<ClassifyArticleConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ClassifyArticleConsumer> consumerConfigurator, IRegistrationContext context)
    {
        // ArticleClassified leaves only once the classified article is stored and the consumer has succeeded.
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
