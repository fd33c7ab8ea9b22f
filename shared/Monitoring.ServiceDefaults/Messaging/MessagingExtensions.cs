using System.Globalization;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
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
    /// A service's own choice of prefetch and concurrency for one of its endpoints, below every configuration source, so
    /// <c>Messaging:Endpoints:{endpoint}:…</c> in appsettings or the environment still wins.
    /// </summary>
    public static IHostApplicationBuilder SetEndpointDefaults(this IHostApplicationBuilder builder, string endpoint, int? prefetchCount = null, int? concurrentMessageLimit = null)
    {
        var prefix = $"{MessagingOptions.SectionName}:Endpoints:{endpoint}:";
        var defaults = new Dictionary<string, string?>();
        if (prefetchCount is { } prefetch) defaults[prefix + nameof(EndpointOptions.PrefetchCount)] = prefetch.ToString(CultureInfo.InvariantCulture);
        if (concurrentMessageLimit is { } limit) defaults[prefix + nameof(EndpointOptions.ConcurrentMessageLimit)] = limit.ToString(CultureInfo.InvariantCulture);
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = defaults });
        return builder;
    }

    /// <summary>
    /// An endpoint every instance of the service runs for itself, and only while something in it holds the endpoint (each
    /// instance needs every message then, e.g. to feed its own live listeners): the keyed <see cref="OnDemandEndpoint"/>
    /// <paramref name="name"/>. Its queues are this process's own, classic and auto-deleted; quorum queues are never applied to them.
    /// </summary>
    public static IHostApplicationBuilder AddOnDemandEndpoint(this IHostApplicationBuilder builder, string name)
    {
        BusRegistrations.From(builder.Services).InstanceQueuePrefixes.Add(name + "-");
        builder.Services.AddKeyedSingleton(name, (sp, _) => new OnDemandEndpoint(
            name, sp.GetRequiredService<IReceiveEndpointConnector>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<OnDemandEndpoint>>()));
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
        builder.Services.AddSingleton<Telemetry.StageTotals>();

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
            bus.AddConsumeObserver<Telemetry.StageMetricsObserver>();

            // Ready means the bus and every receive endpoint are connected: a degraded bus is not ready either.
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = "bus";
                health.MinimalFailureStatus = Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy;
                health.Tags.Add(ServiceDefaultsExtensions.ReadyTag);
            });

            bus.AddConfigureEndpointsCallback((_, name, endpoint) =>
            {
                endpoint.UseMessageRetry(retry =>
                {
                    retry.Exponential(options.Retry.Limit, options.Retry.MinInterval, options.Retry.MaxInterval, options.Retry.IntervalDelta);
                    retry.Ignore<InvalidMessageException>();
                });

                // Configuration wins over the bus-wide defaults and over what a consumer definition chose.
                if (options.Endpoints.TryGetValue(name, out var tuned))
                {
                    if (tuned.ConcurrentMessageLimit is { } limit) endpoint.ConcurrentMessageLimit = limit;
                    if (tuned.PrefetchCount is { } prefetch && endpoint is IRabbitMqReceiveEndpointConfigurator tunedRabbit) tunedRabbit.PrefetchCount = prefetch;
                }

                if (endpoint is not IRabbitMqReceiveEndpointConfigurator rabbit) return;
                if (!registrations.IsInstanceQueue(name) && options.RabbitMq.QuorumQueues)
                {
                    rabbit.SetQuorumQueue();
                }
            });

            // Bodies without indentation on every transport (MassTransit indents them by default).
            EnvelopeJsonSerializerFactory.UseCompactBodies();
            switch (options.Transport)
            {
                case MessagingTransport.InMemory:
                    bus.UsingInMemory((context, cfg) =>
                    {
                        // Messages never leave this process: the body alone, with message id, type and headers as transport
                        // headers, instead of MassTransit's envelope (addresses, host and headers written and parsed again on
                        // every hop: 5 % of what the pipeline allocates per article, docs/benchmarks.md). RabbitMQ keeps the envelope.
                        // Read by InMemoryJsonSerializerFactory: the body straight into the message, no JSON document first.
                        var json = new InMemoryJsonSerializerFactory(RawSerializerOptions.AddTransportHeaders | RawSerializerOptions.CopyHeaders);
                        cfg.AddSerializer(json, isSerializer: true);
                        cfg.AddDeserializer(json, isDefault: true);
                        cfg.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
                        cfg.ConfigureEndpoints(context);
                    });
                    break;
                case MessagingTransport.RabbitMq:
                    var rabbit = options.RabbitMq;
                    foreach (var (key, value) in new[] { ("Host", rabbit.Host), ("Username", rabbit.Username), ("Password", rabbit.Password) })
                    {
                        if (string.IsNullOrWhiteSpace(value))
                        {
                            throw new InvalidSettingException($"{MessagingOptions.SectionName}:RabbitMq:{key}",
                                "is not set: configure the broker (Messaging__RabbitMq__Host, __Username, __Password), or Messaging__Transport=InMemory for a single process");
                        }
                    }

                    bus.UsingRabbitMq((context, cfg) =>
                    {
                        cfg.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, host =>
                        {
                            host.Username(rabbit.Username!);
                            host.Password(rabbit.Password!);
                            if (rabbit.UseTls) host.UseSsl(ssl => ssl.ServerName = rabbit.Host);
                        });
                        ReconnectBackoff.Apply(cfg, rabbit.ReconnectInterval);
                        // MassTransit's envelope, read in one pass: the message straight from the body, no JSON document first.
                        cfg.AddDeserializer(new EnvelopeJsonSerializerFactory(), isDefault: true);
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

        /// <summary>Names of <see cref="AddOnDemandEndpoint"/>'s queues: this process's own, never quorum.</summary>
        public List<string> InstanceQueuePrefixes { get; } = [];

        public bool IsInstanceQueue(string queue) => InstanceQueuePrefixes.Exists(prefix => queue.StartsWith(prefix, StringComparison.Ordinal));

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
