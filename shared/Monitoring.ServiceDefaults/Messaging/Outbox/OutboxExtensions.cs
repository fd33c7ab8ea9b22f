using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Storage;
using Monitoring.Storage.Outbox;

namespace Monitoring.ServiceDefaults.Messaging.Outbox;

public static class OutboxExtensions
{
    /// <summary>
    /// The outbox <paramref name="name"/>: its table or collection in the configured store, the keyed <see cref="Outbox"/>
    /// that <see cref="OutboxRelay"/> publishes through, and the <see cref="OutboxDispatcher"/> that publishes what is left.
    /// </summary>
    public static IHostApplicationBuilder AddOutbox(this IHostApplicationBuilder builder, string name)
    {
        builder.AddOutboxStore(name);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<OutboxOptions>().Bind(builder.Configuration.GetSection(OutboxOptions.SectionName));
        builder.Services.TryAddScoped<OutboxRelay>();
        builder.Services.TryAddSingleton<BrokerAvailability>();
        builder.Services.AddKeyedSingleton(name, (sp, _) => new Outbox(name, sp.GetRequiredKeyedService<IOutboxStore>(name), sp.GetRequiredService<BrokerAvailability>()));
        builder.Services.AddSingleton<IHostedService>(sp => new OutboxDispatcher(
            sp.GetRequiredKeyedService<Outbox>(name), sp.GetRequiredService<MassTransit.IBus>(), sp.GetRequiredService<IHostApplicationLifetime>(),
            sp.GetRequiredService<IOptions<OutboxOptions>>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<OutboxDispatcher>>()));
        return builder;
    }
}
