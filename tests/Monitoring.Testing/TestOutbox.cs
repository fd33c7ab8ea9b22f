using Microsoft.Extensions.DependencyInjection;
using Monitoring.ServiceDefaults.Messaging.Outbox;
using Monitoring.Storage;
using Monitoring.Storage.Outbox;

namespace Monitoring.Testing;

/// <summary>A service's outbox for a test that composes its services by hand (no host): the relay and the keyed outbox on a SQLite file.</summary>
public static class TestOutbox
{
    public static IServiceCollection AddSqliteOutbox(this IServiceCollection services, string name, SqliteDatabase database) => services
        .AddOptions()
        .AddScoped<OutboxRelay>()
        .AddKeyedSingleton(name, (_, _) => new Outbox(name, new SqliteOutboxStore(database, name)));
}
