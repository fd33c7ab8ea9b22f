using MassTransit;

namespace Monitoring.Classify.Articles;

public sealed class ClassifyArticleConsumerDefinition : ConsumerDefinition<ClassifyArticleConsumer>
{
    // No in-memory outbox: ArticleClassified is written to the store's outbox with the article and published from there.
}
