using MassTransit;
using Monitoring.Contracts;

namespace Monitoring.Classify.Articles;

public sealed class ClassifyArticleConsumer(ClassifiedArticleRecorder recorder) : IConsumer<ArticleIngested>
{
    public Task Consume(ConsumeContext<ArticleIngested> context) => recorder.RecordAsync(context.Message, context.CancellationToken);
}
