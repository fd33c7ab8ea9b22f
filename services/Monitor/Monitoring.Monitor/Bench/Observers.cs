using MassTransit;
using Monitoring.Contracts;

namespace Monitoring.Monitor.Bench;

/// <summary>The embedded pipeline's own stage markers: consumers beside the services' on the in-memory bus.</summary>
public sealed class IngestedObserver(StageClock clock) : IConsumer<ArticleIngested>
{
    public Task Consume(ConsumeContext<ArticleIngested> context)
    {
        clock.Passed(Stage.Ingested, context.Message.ArticleId);
        return Task.CompletedTask;
    }
}

public sealed class ClassifiedObserver(StageClock clock) : IConsumer<ArticleClassified>
{
    public Task Consume(ConsumeContext<ArticleClassified> context)
    {
        clock.Passed(Stage.Classified, context.Message.ArticleId);
        return Task.CompletedTask;
    }
}

public sealed class AlertedObserver(StageClock clock) : IConsumer<AlertRaised>
{
    public Task Consume(ConsumeContext<AlertRaised> context)
    {
        clock.Passed(Stage.Alerted, context.Message.ArticleId);
        return Task.CompletedTask;
    }
}
