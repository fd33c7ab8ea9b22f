using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Monitoring.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// Registers a service's consumers with the bus that <see cref="AddMonitoringBus"/> builds later, so that one
    /// process can host several services on one bus.
    /// </summary>
    public static IHostApplicationBuilder AddMessageConsumers(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator> register)
    {
        BusRegistrations.From(builder.Services).Add(register);
        return builder;
    }

    /// <summary>
    /// One MassTransit bus from the <c>Messaging</c> section: kebab-case endpoints, explicit prefetch and
    /// concurrency, exponential retry then the <c>_error</c> queue, quorum queues on RabbitMQ, usage telemetry off.
    /// </summary>
    public static IHostApplicationBuilder AddMonitoringBus(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(MessagingOptions.SectionName);
        builder.Services.Configure<MessagingOptions>(section);
        var options = section.Get<MessagingOptions>() ?? new MessagingOptions();
        var registrations = BusRegistrations.From(builder.Services);

        builder.Services.AddOptions<MassTransitHostOptions>().Configure(host =>
        {
            host.WaitUntilStarted = true;
            host.StopTimeout = TimeSpan.FromSeconds(30);
        });

        builder.Services.AddMassTransit(bus =>
        {
            bus.DisableUsageTelemetry();
            bus.SetKebabCaseEndpointNameFormatter();
            registrations.ApplyTo(bus);

            bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                endpoint.UseMessageRetry(retry =>
                {
                    retry.Exponential(options.Retry.Limit, options.Retry.MinInterval, options.Retry.MaxInterval, options.Retry.IntervalDelta);
                    retry.Ignore<InvalidMessageException>();
                });
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit && options.RabbitMq.QuorumQueues)
                {
                    rabbit.SetQuorumQueue();
                }
            });

            switch (options.Transport)
            {
                case MessagingTransport.InMemory:
                    bus.UsingInMemory((context, cfg) =>
                    {
                        cfg.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
                        cfg.ConfigureEndpoints(context);
                    });
                    break;
                case MessagingTransport.RabbitMq:
                    var rabbit = options.RabbitMq;
                    if (string.IsNullOrWhiteSpace(rabbit.Host))
                    {
                        throw new InvalidOperationException(
                            $"{MessagingOptions.SectionName}:RabbitMq:Host is not set. Configure the broker (Messaging__RabbitMq__Host, __Username, __Password) or set Messaging__Transport=InMemory for a single process.");
                    }

                    bus.UsingRabbitMq((context, cfg) =>
                    {
                        cfg.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, host =>
                        {
                            if (rabbit.Username is not null) host.Username(rabbit.Username);
                            if (rabbit.Password is not null) host.Password(rabbit.Password);
                            if (rabbit.UseTls) host.UseSsl(ssl => ssl.ServerName = rabbit.Host);
                        });
                        cfg.PrefetchCount = options.PrefetchCount;
                        cfg.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
                        cfg.ConfigureEndpoints(context);
                    });
                    break;
                default:
                    throw new InvalidOperationException($"Unknown messaging transport '{options.Transport}'.");
            }
        });
        return builder;
    }

    private sealed class BusRegistrations
    {
        private readonly List<Action<IBusRegistrationConfigurator>> _registrations = [];

        public static BusRegistrations From(IServiceCollection services)
        {
            var existing = services.FirstOrDefault(d => d.ServiceType == typeof(BusRegistrations))?.ImplementationInstance;
            if (existing is BusRegistrations registrations) return registrations;
            registrations = new BusRegistrations();
            services.AddSingleton(registrations);
            return registrations;
        }

        public void Add(Action<IBusRegistrationConfigurator> register) => _registrations.Add(register);

        public void ApplyTo(IBusRegistrationConfigurator bus)
        {
            foreach (var register in _registrations) register(bus);
        }
    }
}
