using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Classify.Coding;
using Monitoring.Classify.Articles;
using Monitoring.Classify.Actors;
using Monitoring.Classify.Http;
using Monitoring.Classify.Places;
using Monitoring.Classify.Storage;
using Monitoring.Classify.Taxonomy;
using Monitoring.ServiceDefaults.Access;
using Monitoring.ServiceDefaults.Http;
using Monitoring.ServiceDefaults.Messaging;
using Monitoring.ServiceDefaults.Messaging.Outbox;
using Monitoring.Storage;

namespace Monitoring.Classify;

public static class ClassifyExtensions
{
    /// <summary>The name of this service's database: its own SQLite file where one host runs all three (<c>Storage:Sqlite:Databases:classify</c>).</summary>
    public const string Database = "classify";

    /// <summary>Everything the classify service is: taxonomy, gazetteer, the event store and its consumer. Call before <c>AddMonitoringBus</c>.</summary>
    public static IHostApplicationBuilder AddClassify(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<ClassifyOptions>(builder.Configuration.GetSection(ClassifyOptions.SectionName));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new TaxonomyProvider(
            DataFiles.Resolve(sp.GetRequiredService<IOptions<ClassifyOptions>>().Value.TaxonomyPath), sp.GetRequiredService<ILogger<TaxonomyProvider>>()));
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ClassifyOptions>>().Value;
            return ActorRecognizer.Load(DataFiles.Resolve(options.GazetteerPath), DataFiles.Resolve(options.ActorsPath));
        });
        builder.Services.AddSingleton(sp => new ArticleClassifier(sp.GetRequiredService<TaxonomyProvider>(), sp.GetRequiredService<ActorRecognizer>()));
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ClassifyOptions>>().Value;
            return new PlaceRecognizer(PlaceGazetteer.Load(DataFiles.Resolve(options.PlacesPath), DataFiles.Resolve(options.CountryNamesPath), DataFiles.Resolve(options.NotPlacesPath)));
        });
        builder.AddEventCoding();
        builder.Services.AddScoped<ClassifiedArticleRecorder>();
        builder.AddStore<IClassifiedArticleStore, SqliteClassifiedArticleStore, MongoClassifiedArticleStore>(Database);
        builder.AddOutbox(ClassifyOutbox.Name, Database);
        builder.AddMessageConsumers(bus => bus.AddConsumer<ClassifyArticleConsumer, ClassifyArticleConsumerDefinition>());
        return builder;
    }

    /// <summary>The classify APIs, read with a read or write key (or, in the one-process host, an analyst's), at the caller's rate limit.</summary>
    public static IEndpointRouteBuilder MapClassifyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("").RequireApiKey().RequireRateLimiting(AccessExtensions.RateLimitPolicy).ProducesProblems(429).MapCodedEventEndpoints().MapClassifiedArticleEndpoints();
        return app;
    }
}
