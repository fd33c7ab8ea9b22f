using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitoring.Alert.Breaking;
using Monitoring.Alert.Shifts;
using Monitoring.Alert.Sides;
using Monitoring.Alert.Storage;
using Monitoring.Storage;

namespace Monitoring.Alert.Signals;

public static class SignalExtensions
{
    /// <summary>Relation shifts and breaking stories: their stores, the codebook, the detectors matching runs first; both sides of a meeting, read from the relation events.</summary>
    public static IHostApplicationBuilder AddSignals(this IHostApplicationBuilder builder)
    {
        builder.AddStore<IRelationStore, SqliteRelationStore, MongoRelationStore>(AlertExtensions.Database);
        builder.AddStore<IStoryGrowthStore, SqliteStoryGrowthStore, MongoStoryGrowthStore>(AlertExtensions.Database);
        builder.Services.AddSingleton(_ => CameoScale.LoadShipped());
        builder.Services.AddSingleton<RelationEvents>();
        builder.Services.AddSingleton<ShiftDetector>();
        builder.Services.AddSingleton<BreakingDetector>();
        builder.Services.AddSingleton<SignalDetector>();
        builder.Services.AddSingleton<SidesReader>();
        return builder;
    }
}
