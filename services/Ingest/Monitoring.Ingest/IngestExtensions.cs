using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Monitoring.Ingest.DropFolder;
using Monitoring.Ingest.Extraction;
using Monitoring.Ingest.Http;
using Monitoring.Ingest.Storage;
using Monitoring.Storage;

namespace Monitoring.Ingest;

public static class IngestExtensions
{
    /// <summary>Everything the ingest service is: extraction, the article store, the drop folder. Call before <c>AddMonitoringBus</c>.</summary>
    public static IHostApplicationBuilder AddIngest(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(IngestOptions.SectionName);
        builder.Services.Configure<IngestOptions>(section);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => new SourceBoilerplate());
        builder.Services.AddSingleton<ArticleExtractor>();
        builder.Services.AddScoped<ArticleIngestor>();
        builder.AddStore<IArticleStore, SqliteArticleStore, MongoArticleStore>();

        if (!string.IsNullOrWhiteSpace(section.Get<IngestOptions>()?.DropFolder))
        {
            builder.Services.AddHostedService<DropFolderWatcher>();
        }

        return builder;
    }

    public static IEndpointRouteBuilder MapIngestEndpoints(this IEndpointRouteBuilder app) => app.MapArticleEndpoints();
}
