using System.Globalization;
using System.Threading.RateLimiting;
using MassTransit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Monitoring.Alert.Alerts;
using Monitoring.Alert.Analysts;
using Monitoring.Alert.Delivery;
using Monitoring.Alert.Matching;
using Monitoring.Alert.Scheduling;
using Monitoring.Alert.Storage;
using Monitoring.Alert.Streaming;
using Monitoring.Alert.Subscriptions;
using Monitoring.ServiceDefaults.Messaging;
using Monitoring.ServiceDefaults.Messaging.Outbox;
using Monitoring.ServiceDefaults.Safety;
using Monitoring.Storage;

namespace Monitoring.Alert;

public static class AlertExtensions
{
    public const string AnalystPolicy = "analyst";
    public const string AdminPolicy = "admin";
    public const string RateLimitPolicy = "per-api-key";

    /// <summary>Everything the alert service is: analysts and their keys, subscriptions, matching, delivery. Call before <c>AddMonitoringBus</c>.</summary>
    public static IHostApplicationBuilder AddAlert(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<AlertOptions>(builder.Configuration.GetSection(AlertOptions.SectionName));
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.AddStore<IAnalystStore, SqliteAnalystStore, MongoAnalystStore>();
        builder.AddStore<ISubscriptionStore, SqliteSubscriptionStore, MongoSubscriptionStore>();
        builder.AddStore<IAlertStore, SqliteAlertStore, MongoAlertStore>();
        builder.AddOutbox(AlertOutbox.Name);

        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AnalystPolicy, policy => policy.RequireRole(ApiKeyAuthenticationHandler.AnalystRole))
            .AddPolicy(AdminPolicy, policy => policy.RequireRole(ApiKeyAuthenticationHandler.AdminRole));
        builder.Services.AddRateLimiter(ConfigureRateLimits);

        builder.Services.AddScoped<AnalystRegistry>();
        builder.Services.AddSingleton<SubscriptionCatalog>();
        builder.Services.AddHostedService<SubscriptionIndexRefresher>();
        builder.Services.AddSingleton<ScheduledDeliveryService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ScheduledDeliveryService>());
        builder.Services.AddSingleton<DeliverySweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DeliverySweeper>());
        builder.Services.AddSingleton<AlertStream>();
        builder.Services.TryAddSingleton<IWebhookUrlPolicy, GuardedWebhookUrlPolicy>();
        builder.Services.AddScoped<AlertRaiser>();
        builder.Services.AddScoped<AlertDeliverer>();
        builder.Services.AddScoped<ChannelSender>();
        builder.AddGuardedHttpClient(ChannelSender.HttpClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<AlertOptions>>().Value.WebhookTimeout);

        builder.AddMessageConsumers(bus =>
        {
            bus.AddConsumer<MatchSubscriptionsConsumer, MatchSubscriptionsConsumerDefinition>();
            bus.AddConsumer<DeliverAlertConsumer, DeliverAlertConsumerDefinition>();
            bus.AddConsumer<DeliveryFailedConsumer>();
            bus.AddConsumer<DigestDueConsumer>();
            bus.AddConsumer<DigestFailedConsumer>();

            // Every instance keeps its own live listeners, so each needs every alert: a temporary queue per instance.
            bus.AddConsumer<StreamAlertConsumer>().Endpoint(endpoint =>
            {
                endpoint.Temporary = true;
                endpoint.InstanceId = Guid.NewGuid().ToString("N")[..8];
            });
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        if (app is IApplicationBuilder pipeline) pipeline.UseRateLimiter();
        app.MapAnalystEndpoints();
        app.MapSubscriptionEndpoints();
        app.MapAlertQueryEndpoints();
        return app;
    }

    /// <summary>A fixed window per API key (by its hash), or per client address for requests without one: 429 with Retry-After beyond it.</summary>
    private static void ConfigureRateLimits(RateLimiterOptions limiter)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = async (context, cancellationToken) =>
        {
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
            context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await Results.Problem(title: "Too many requests", detail: $"Rate limit reached; retry after {retryAfter.TotalSeconds:0} s.", statusCode: StatusCodes.Status429TooManyRequests)
                .ExecuteAsync(context.HttpContext);
        };
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)) return RateLimitPartition.GetNoLimiter("unlimited");
            var options = context.RequestServices.GetRequiredService<IOptions<AlertOptions>>().Value;
            var key = context.Request.Headers[ApiKeys.Header].ToString();
            var partition = key.Length > 0 ? "key:" + ApiKeys.Hash(key) : "ip:" + context.Connection.RemoteIpAddress;
            return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.RateLimitPermits,
                Window = options.RateLimitWindow,
                QueueLimit = 0,
            });
        });
    }
}
