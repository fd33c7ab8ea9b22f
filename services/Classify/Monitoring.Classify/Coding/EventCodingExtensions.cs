using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Monitoring.Classify.Storage;
using Monitoring.Storage;

namespace Monitoring.Classify.Coding;

public static class EventCodingExtensions
{
    /// <summary>The event coder over the actor layer's recognizer, and the coded-event store.</summary>
    public static IHostApplicationBuilder AddEventCoding(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<EventCodingOptions>(builder.Configuration.GetSection(EventCodingOptions.SectionName));
        builder.Services.AddSingleton<IActorFinder>(sp => new RecognizedActorFinder(sp.GetRequiredService<Actors.ActorRecognizer>()));
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EventCodingOptions>>().Value;
            return new EventCoder(
                CameoVerbDictionary.Load(options.VerbPaths.Select(DataFiles.Resolve).ToArray()),
                CameoCodebook.Load(DataFiles.Resolve(options.CodesPath)),
                sp.GetRequiredService<IActorFinder>(),
                CodingLanguages.Load(DataFiles.Resolve(options.LanguagesPath)));
        });
        builder.AddStore<ICodedEventStore, SqliteCodedEventStore, MongoCodedEventStore>(ClassifyExtensions.Database);
        return builder;
    }
}
