using MassTransit;

namespace Monitoring.Classify.Articles;

public sealed class ClassifyArticleConsumerDefinition : ConsumerDefinition<ClassifyArticleConsumer>
{
    public ClassifyArticleConsumerDefinition()
    {
        // Classification is CPU-bound: more than a few at once only queues work on the cores.
        ConcurrentMessageLimit = Math.Max(2, Environment.ProcessorCount);
    }

    // No in-memory outbox: ArticleClassified is written to the store's outbox with the article and published from there.
}
