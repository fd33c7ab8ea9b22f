using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;
using Monitoring.Storage.Outbox;

namespace Monitoring.Storage;

public static class StorageExtensions
{
    /// <summary>The health-check tag of dependencies a service needs before it takes traffic; <c>/health/ready</c> checks exactly these (the bus carries it too).</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Registers <typeparamref name="TService"/> with the implementation for the configured provider
    /// (<c>Storage:Provider</c>), and makes it create its schema at start-up.
    /// </summary>
    public static IHostApplicationBuilder AddStore<TService, TSqlite, TMongo>(this IHostApplicationBuilder builder)
        where TService : class
        where TSqlite : class, TService, IStoreInitializer
        where TMongo : class, TService, IStoreInitializer
    {
        var provider = builder.AddMonitoringStorage();
        if (provider == StorageProvider.MongoDb)
        {
            builder.Services.TryAddSingleton<TMongo>();
            builder.Services.AddSingleton<TService>(sp => sp.GetRequiredService<TMongo>());
            builder.Services.AddSingleton<IStoreInitializer>(sp => sp.GetRequiredService<TMongo>());
        }
        else
        {
            builder.Services.TryAddSingleton<TSqlite>();
            builder.Services.AddSingleton<TService>(sp => sp.GetRequiredService<TSqlite>());
            builder.Services.AddSingleton<IStoreInitializer>(sp => sp.GetRequiredService<TSqlite>());
        }

        return builder;
    }

    /// <summary>
    /// Registers the outbox <paramref name="name"/> (a table or collection of the configured store) as a keyed
    /// <see cref="IOutboxStore"/>, created at start-up. The service's stores write to it; a dispatcher empties it.
    /// </summary>
    public static IHostApplicationBuilder AddOutboxStore(this IHostApplicationBuilder builder, string name)
    {
        var provider = builder.AddMonitoringStorage();
        if (provider == StorageProvider.MongoDb)
        {
            builder.Services.AddKeyedSingleton<IOutboxStore>(name, (sp, _) => new MongoOutboxStore(sp.GetRequiredService<IMongoDatabase>(), name));
        }
        else
        {
            builder.Services.AddKeyedSingleton<IOutboxStore>(name, (sp, _) => new SqliteOutboxStore(sp.GetRequiredService<SqliteDatabase>(), name));
        }

        builder.Services.AddSingleton(sp => (IStoreInitializer)sp.GetRequiredKeyedService<IOutboxStore>(name));
        return builder;
    }

    private static StorageProvider AddMonitoringStorage(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(StorageOptions.SectionName);
        var options = section.Get<StorageOptions>() ?? new StorageOptions();
        if (builder.Services.Any(d => d.ServiceType == typeof(StorageMarker))) return options.Provider;

        builder.Services.AddSingleton<StorageMarker>();
        builder.Services.Configure<StorageOptions>(section);
        if (options.Provider == StorageProvider.MongoDb)
        {
            if (string.IsNullOrWhiteSpace(options.MongoDb.ConnectionString))
            {
                // Marked with the key, so the service exits with one line naming it (ServiceDefaults' InvalidSettingException).
                throw new InvalidOperationException("Storage:MongoDb:ConnectionString is not set: give the MongoDB connection string, or Storage:Provider=Sqlite.")
                {
                    Data = { ["setting"] = "Storage:MongoDb:ConnectionString" },
                };
            }

            builder.Services.AddSingleton<IMongoClient>(_ => new MongoClient(options.MongoDb.ConnectionString));
            builder.Services.AddSingleton(sp => sp.GetRequiredService<IMongoClient>().GetDatabase(options.MongoDb.Database));
        }
        else
        {
            builder.Services.AddSingleton(_ => new SqliteDatabase(options.Sqlite.Path));
        }

        builder.Services.AddHostedService<StoreInitializerService>();
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: [ReadyTag]);
        return options.Provider;
    }

    private sealed class StorageMarker;
}
