using MassTransit;
using Monitoring.Contracts;

namespace Monitoring.Classify.Events;

public sealed class ClassifyArticleConsumer(EventRecorder recorder) : IConsumer<ArticleIngested>
{
    public Task Consume(ConsumeContext<ArticleIngested> context) => recorder.RecordAsync(context.Message, context.CancellationToken);
}
