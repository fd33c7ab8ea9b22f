using MassTransit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Monitoring.Alert.Alerts;
using Monitoring.Alert.Analysts;
using Monitoring.Alert.Corroboration;
using Monitoring.Alert.Delivery;
using Monitoring.Alert.Desk;
using Monitoring.Alert.Matching;
using Monitoring.Alert.Preview;
using Monitoring.Alert.Scheduling;
using Monitoring.Alert.Shifts;
using Monitoring.Alert.Sides;
using Monitoring.Alert.Signals;
using Monitoring.Alert.Storage;
using Monitoring.Alert.Streaming;
using Monitoring.Alert.Subscriptions;
using Monitoring.ServiceDefaults.Access;
using Monitoring.ServiceDefaults.Http;
using Monitoring.ServiceDefaults.Messaging;
using Monitoring.ServiceDefaults.Messaging.Outbox;
using Monitoring.ServiceDefaults.Safety;
using Monitoring.Storage;

namespace Monitoring.Alert;

public static class AlertExtensions
{
    /// <summary>The name of this service's database: its own SQLite file where one host runs all three (<c>Storage:Sqlite:Databases:alert</c>).</summary>
    public const string Database = "alert";

    public const string AnalystPolicy = "analyst";
    public const string AdminPolicy = "admin";

    /// <summary>Everything the alert service is: analysts and their keys, subscriptions, matching, delivery. Call before <c>AddMonitoringBus</c>.</summary>
    public static IHostApplicationBuilder AddAlert(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<AlertOptions>(builder.Configuration.GetSection(AlertOptions.SectionName));

        // Checked now, so a service without the key stops at start-up naming the setting, not at the first subscription.
        SigningSecrets.KeyFrom(builder.Configuration[SigningSecrets.SettingKey]);
        builder.Services.AddSingleton<SigningSecrets>();
        builder.Services.AddSingleton<ChannelTransports>();
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.AddStore<IAnalystStore, SqliteAnalystStore, MongoAnalystStore>(Database);
        builder.AddStore<ISubscriptionStore, SqliteSubscriptionStore, MongoSubscriptionStore>(Database);
        builder.AddStore<IAlertStore, SqliteAlertStore, MongoAlertStore>(Database);
        builder.AddOutbox(AlertOutbox.Name, Database);
        builder.AddStore<IRecentArticleStore, SqliteRecentArticleStore, MongoRecentArticleStore>(Database);
        builder.AddStore<ICorroborationStore, SqliteCorroborationStore, MongoCorroborationStore>(Database);
        builder.Services.Configure<CorroborationOptions>(builder.Configuration.GetSection(CorroborationOptions.SectionName));
        builder.Services.AddSingleton(_ => OutletDirectory.LoadShipped());
        builder.Services.AddScoped<CorroborationRaiser>();
        builder.Services.AddScoped<SubscriptionPreview>();
        builder.AddSignals();

        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AnalystPolicy, policy => policy.RequireRole(ApiKeyAuthenticationHandler.AnalystRole))
            .AddPolicy(AdminPolicy, policy => policy.RequireRole(ApiKeyAuthenticationHandler.AdminRole));
        builder.Services.AddSingleton<IApiKeyCheck, AnalystApiKeys>();
        builder.AddUpstreamForwarding();
        builder.Services.AddSingleton(new OpenApiExample(typeof(SubscriptionRequest), """
            {"name":"China–Russia security","query":"(topic:security-cooperation OR topic:law-enforcement) AND country:CHN AND country:RUS",
             "channels":[{"type":"email","target":"ana@example.org"},{"type":"slack","target":"https://hooks.slack.com/services/T000/B000/XXXX","minOutlets":3}],"schedule":{"kind":"daily","at":"08:00","timeZone":"Europe/Paris"},
             "quietHours":{"from":"22:00","to":"07:00","timeZone":"Europe/Paris"},"urgentQuery":"quad:material-conflict","paused":false}
            """));
        builder.Services.AddSingleton(new OpenApiExample(typeof(AlertFeedback), """{"relevant":false,"comment":"A football match, not a security meeting."}"""));
        builder.Services.AddSingleton(new OpenApiExample(typeof(CreateAnalystRequest), """{"name":"Ana Analyst"}"""));

        builder.Services.AddSingleton(_ => SubscriptionVocabulary.LoadShipped());
        builder.Services.AddSingleton(sp => new Matching.Language.TermVocabulary(sp.GetRequiredService<SubscriptionVocabulary>()));
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
        });

        // Matching is CPU work plus one store transaction per article, so a few at once keep both cores busy while one
        // waits on SQLite (8), with twice that prefetched so the next articles are already here when one finishes (16).
        // Chosen here, not left to the bus-wide values, so tuning other endpoints does not move this one; from
        // Alert:MatchPrefetchCount / Alert:MatchConcurrentMessageLimit, and Messaging:Endpoints:match-subscriptions still wins.
        var alert = builder.Configuration.GetSection(AlertOptions.SectionName).Get<AlertOptions>() ?? new AlertOptions();
        builder.SetEndpointDefaults("match-subscriptions", prefetchCount: alert.MatchPrefetchCount, concurrentMessageLimit: alert.MatchConcurrentMessageLimit);

        // Webhook, Slack, Teams and SMTP calls wait on the network, not the CPU: many in flight at once.
        builder.SetEndpointDefaults("deliver-alert", prefetchCount: 64, concurrentMessageLimit: 32);

        // Every instance keeps its own live listeners, so each needs every alert while it has one: a queue of its own,
        // there only while a listener listens.
        builder.AddOnDemandEndpoint(AlertStream.Feed);
        return builder;
    }

    /// <summary>The analyst API, every call counted against its caller's rate limit (<c>Access:RateLimitPermits</c> per key).</summary>
    public static IEndpointRouteBuilder MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("").RequireRateLimiting(AccessExtensions.RateLimitPolicy);
        api.MapAnalystEndpoints();
        api.MapSubscriptionEndpoints();
        api.MapVocabularyEndpoints();
        api.MapAlertQueryEndpoints();
        api.MapFeedbackEndpoints();
        api.MapShiftEndpoints();
        api.MapSidesEndpoints();
        api.MapUpstreamForwarding();
        app.MapDesk();
        return app;
    }
}
