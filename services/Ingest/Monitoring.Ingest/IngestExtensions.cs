using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Monitoring.Ingest.Articles;
using Monitoring.Ingest.DropFolder;
using Monitoring.Ingest.Extraction;
using Monitoring.Ingest.Fetching;
using Monitoring.Ingest.Http;
using Monitoring.Ingest.Sources;
using Monitoring.Ingest.Storage;
using Monitoring.Ingest.Stories;
using Monitoring.ServiceDefaults.Messaging;
using Monitoring.ServiceDefaults.Messaging.Outbox;
using Monitoring.ServiceDefaults.Access;
using Monitoring.ServiceDefaults.Safety;
using Monitoring.Storage;

namespace Monitoring.Ingest;

public static class IngestExtensions
{
    /// <summary>
    /// Everything the ingest service is: extraction, stories, the article store, feeds and fetch-by-URL through the
    /// outbound guard, the drop folder. Call before <c>AddMonitoringBus</c>.
    /// </summary>
    public static IHostApplicationBuilder AddIngest(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(IngestOptions.SectionName);
        builder.Services.Configure<IngestOptions>(section);
        builder.Services.Configure<FeedOptions>(builder.Configuration.GetSection(FeedOptions.SectionName));
        builder.Services.Configure<StoryOptions>(builder.Configuration.GetSection(StoryOptions.SectionName));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => new SourceBoilerplate { RecordsNewDocuments = true });
        builder.Services.AddSingleton<ArticleExtractor>();
        builder.Services.AddSingleton<SourceTemplates>();
        builder.Services.AddScoped<ArticleIngestor>();
        builder.AddIngestAdmission();
        builder.Services.AddSingleton<StoryAssigner>();
        builder.AddStore<IArticleStore, SqliteArticleStore, MongoArticleStore>();
        builder.AddStore<IStoryStore, SqliteStoryStore, MongoStoryStore>();
        builder.AddStore<ISourceStore, SqliteSourceStore, MongoSourceStore>();
        builder.AddOutbox(IngestOutbox.Name);
        builder.Services.TryAddSingleton<BrokerAvailability>();
        builder.AddStore<ITemplateStore, SqliteTemplateStore, MongoTemplateStore>();

        builder.AddGuardedHttpClient(PageFetcher.ClientName);
        builder.Services.AddSingleton<PageFetcher>();
        builder.Services.AddSingleton<HostPoliteness>();
        builder.Services.AddSingleton<ChannelActivity>();
        builder.Services.AddSingleton<SourceCatalog>();
        builder.Services.AddSingleton<FeedPoller>();
        builder.Services.AddSingleton<FeedScheduler>();
        if (builder.Configuration.GetSection(FeedOptions.SectionName).Get<FeedOptions>()?.SchedulerEnabled ?? true)
        {
            builder.Services.AddHostedService(services => services.GetRequiredService<FeedScheduler>());
        }

        if (!string.IsNullOrWhiteSpace(section.Get<IngestOptions>()?.DropFolder))
        {
            builder.Services.AddHostedService<DropFolderWatcher>();
        }

        return builder;
    }

    /// <summary>
    /// Articles and stories behind API keys (a write key posts, a read key reads) with admission control on posting and the
    /// caller's rate limit on reading; sources and channels behind the admin key.
    /// </summary>
    public static IEndpointRouteBuilder MapIngestEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("").RequireApiKey().WithIngestAdmission().MapArticleEndpoints();
        return app.MapSourceEndpoints();
    }
}
