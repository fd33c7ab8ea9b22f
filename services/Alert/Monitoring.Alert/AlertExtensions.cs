using MassTransit;
using Microsoft.AspNetCore.Authentication;
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
using Monitoring.Alert.Storage;
using Monitoring.Alert.Subscriptions;
using Monitoring.ServiceDefaults.Messaging;
using Monitoring.Storage;

namespace Monitoring.Alert;

public static class AlertExtensions
{
    public const string AnalystPolicy = "analyst";
    public const string AdminPolicy = "admin";

    /// <summary>Everything the alert service is: analysts and their keys, subscriptions, matching, delivery. Call before <c>AddMonitoringBus</c>.</summary>
    public static IHostApplicationBuilder AddAlert(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<AlertOptions>(builder.Configuration.GetSection(AlertOptions.SectionName));
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.AddStore<IAnalystStore, SqliteAnalystStore, MongoAnalystStore>();
        builder.AddStore<ISubscriptionStore, SqliteSubscriptionStore, MongoSubscriptionStore>();
        builder.AddStore<IAlertStore, SqliteAlertStore, MongoAlertStore>();

        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AnalystPolicy, policy => policy.RequireRole(ApiKeyAuthenticationHandler.AnalystRole))
            .AddPolicy(AdminPolicy, policy => policy.RequireRole(ApiKeyAuthenticationHandler.AdminRole));

        builder.Services.AddScoped<AnalystRegistry>();
        builder.Services.AddScoped<AlertRaiser>();
        builder.Services.AddScoped<AlertDeliverer>();
        builder.Services.AddHttpClient(AlertDeliverer.HttpClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<AlertOptions>>().Value.WebhookTimeout);

        builder.AddMessageConsumers(bus =>
        {
            bus.AddConsumer<MatchSubscriptionsConsumer, MatchSubscriptionsConsumerDefinition>();
            bus.AddConsumer<DeliverAlertConsumer, DeliverAlertConsumerDefinition>();
            bus.AddConsumer<DeliveryFailedConsumer>();
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapAnalystEndpoints();
        app.MapSubscriptionEndpoints();
        app.MapAlertQueryEndpoints();
        return app;
    }
}
