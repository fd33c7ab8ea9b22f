using Microsoft.Extensions.DependencyInjection;
using MongoDB.Driver;
using System.Runtime.CompilerServices;
using Monitoring.Storage;
using Monitoring.Storage.Outbox;
using Testcontainers.MongoDb;

namespace Monitoring.Testing;

/// <summary>Creates a store on a fresh, empty database and runs its schema set-up, as the service does at start.</summary>
public static class StoreFactory
{
    private static readonly ConditionalWeakTable<object, object> Databases = new();

    public static SqliteDatabase FreshSqlite() => new(Path.Combine(Path.GetTempPath(), "monitoring-tests", $"{Guid.NewGuid():N}.db"));

    /// <summary>A store on <paramref name="database"/> (a fresh one when null): stores of one service share their database.</summary>
    public static Task<TStore> CreateSqliteAsync<TStore>(SqliteDatabase? database = null) where TStore : IStoreInitializer =>
        CreateAsync<TStore, SqliteDatabase>(database ?? FreshSqlite());

    public static Task<TStore> CreateMongoAsync<TStore>(MongoServer mongo) where TStore : IStoreInitializer =>
        CreateAsync<TStore, IMongoDatabase>(mongo.FreshDatabase());

    /// <summary>Another store on the database <paramref name="store"/> was created on: what a store wrote into a neighbour's table.</summary>
    public static TStore SiblingOf<TStore>(object store) where TStore : IStoreInitializer
    {
        if (!Databases.TryGetValue(store, out var database)) throw new InvalidOperationException("The store was not created by StoreFactory.");
        var services = new ServiceCollection();
        services.AddSingleton(database.GetType() == typeof(SqliteDatabase) ? typeof(SqliteDatabase) : typeof(IMongoDatabase), database);
        return ActivatorUtilities.CreateInstance<TStore>(services.BuildServiceProvider());
    }

    /// <summary>The outbox <paramref name="name"/> in the database <paramref name="store"/> was created on: what it wrote with its records.</summary>
    public static IOutboxStore OutboxOf(object store, string name) => Databases.TryGetValue(store, out var database)
        ? database switch
        {
            SqliteDatabase sqlite => new SqliteOutboxStore(sqlite, name),
            IMongoDatabase mongo => new MongoOutboxStore(mongo, name),
            _ => throw new InvalidOperationException($"Unknown database {database.GetType()}"),
        }
        : throw new InvalidOperationException("The store was not created by StoreFactory.");

    private static async Task<TStore> CreateAsync<TStore, TDatabase>(TDatabase database) where TStore : IStoreInitializer where TDatabase : class
    {
        var services = new ServiceCollection().AddSingleton(database).BuildServiceProvider();
        var store = ActivatorUtilities.CreateInstance<TStore>(services);
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        Databases.AddOrUpdate(store, database);
        return store;
    }
}

/// <summary>
/// The real MongoDB the contract tests run against: <c>MONITORING_MONGO_URI</c> when set, otherwise a
/// <c>mongo:8</c> single-node replica set started with Testcontainers when a Docker engine answers. Without
/// either, the MongoDB cases are reported skipped with the reason; they are never run against an imitation.
/// </summary>
public sealed class MongoServer : IAsyncLifetime
{
    public const string UriVariable = "MONITORING_MONGO_URI";

    private MongoDbContainer? _container;
    private IMongoClient? _client;
    private string? _unavailable;

    public async ValueTask InitializeAsync()
    {
        var uri = Environment.GetEnvironmentVariable(UriVariable);
        try
        {
            if (string.IsNullOrWhiteSpace(uri))
            {
                _container = new MongoDbBuilder("mongo:8.0").WithReplicaSet("rs0").Build();
                using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
                await _container.StartAsync(timeout.Token);
                uri = _container.GetConnectionString();
            }

            _client = new MongoClient(uri);
            await _client.GetDatabase("admin").RunCommandAsync<MongoDB.Bson.BsonDocument>(new MongoDB.Bson.BsonDocument("ping", 1));
        }
        catch (Exception exception)
        {
            _client = null;
            _unavailable = string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(UriVariable))
                ? $"MongoDB contract tests skipped: {UriVariable} is not set and no Docker engine answers for Testcontainers ({exception.GetType().Name}: {FirstLine(exception.Message)})."
                : $"MongoDB contract tests skipped: {UriVariable} is set but the server does not answer ({FirstLine(exception.Message)}).";
        }
    }

    /// <summary>A fresh database for one test; skips the test, with the reason, when there is no MongoDB.</summary>
    public IMongoDatabase FreshDatabase()
    {
        if (_client is null) Assert.Skip(_unavailable ?? "MongoDB unavailable");
        return _client.GetDatabase($"monitoring-contract-{Guid.NewGuid():N}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null) await _container.DisposeAsync();
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
