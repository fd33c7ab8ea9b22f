using MassTransit;
using Monitoring.Contracts;

namespace Monitoring.Monitor.Bench;

/// <summary>
/// The embedded pipeline's stage markers: what the services publish, seen on the bus's publish pipe. An observer reads the
/// message object as it is published; consumers on endpoints of their own would deserialise every message a second
/// time in the pipeline's process (three extra endpoints per article), work <c>monitor run</c> never does.
/// </summary>
public sealed class StageMarkers(StageClock clock) : IPublishObserver
{
    public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context) where T : class
    {
        switch (context.Message)
        {
            case ArticleIngested ingested:
                clock.Passed(Stage.Ingested, ingested.ArticleId);
                break;
            case ArticleClassified classified:
                clock.Passed(Stage.Classified, classified.ArticleId);
                break;
            case AlertRaised alerted:
                clock.Passed(Stage.Alerted, alerted.ArticleId);
                break;
        }

        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}

/// <summary>
/// The end of an article's journey: alert has consumed its <c>ArticleClassified</c> (matched it against every
/// subscription). Most articles raise no alert of their own — they match nobody, or join a story already alerted — so
/// articles through the pipeline are counted here, not by their alerts.
/// </summary>
public sealed class MatchMarkers(StageClock clock) : IConsumeObserver
{
    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.Message is ArticleClassified classified) clock.Passed(Stage.Matched, classified.ArticleId);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
