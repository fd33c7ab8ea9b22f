using System.Collections.Concurrent;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.ServiceDefaults.Messaging;
using Monitoring.Contracts;

namespace Monitoring.Testing;

/// <summary>Records what a bus delivers on its own endpoint, so a test can see the messages that flowed.</summary>
public sealed class ArticleClassifiedRecorder(MessageLog log) : IConsumer<ArticleClassified>
{
    public Task Consume(ConsumeContext<ArticleClassified> context)
    {
        log.Classified.Enqueue(context.Message);
        return Task.CompletedTask;
    }
}

public sealed class ArticleIngestedRecorder(MessageLog log) : IConsumer<ArticleIngested>
{
    public Task Consume(ConsumeContext<ArticleIngested> context)
    {
        log.Ingested.Enqueue(context.Message);
        return Task.CompletedTask;
    }
}

public sealed class MessageLog
{
    public ConcurrentQueue<ArticleIngested> Ingested { get; } = new();
    public ConcurrentQueue<ArticleClassified> Classified { get; } = new();
}

public static class RecorderRegistration
{
    /// <summary>Adds consumers, on endpoints of their own, that write what the bus delivers to <paramref name="log"/>.</summary>
    public static WebApplicationBuilder AddRecorders(this WebApplicationBuilder builder, MessageLog log)
    {
        builder.Services.AddSingleton(log);
        builder.AddMessageConsumers(bus =>
        {
            bus.AddConsumer<ArticleIngestedRecorder>();
            bus.AddConsumer<ArticleClassifiedRecorder>();
        });
        return builder;
    }
}
