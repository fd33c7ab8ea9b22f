using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Monitoring.ServiceDefaults.Access;
using Monitoring.ServiceDefaults.Http;
using Monitoring.ServiceDefaults.Telemetry;
using Monitoring.Storage;

namespace Monitoring.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>What <c>/health/ready</c> checks: the tag the store and the bus health checks carry.</summary>
    public const string ReadyTag = StorageExtensions.ReadyTag;

    /// <summary>What <c>.env.example</c> holds in place of every secret: a service must never run with one.</summary>
    public const string Placeholder = "change-me";

    private static int _exitOnInvalidSetting;

    /// <summary>
    /// OpenTelemetry, health checks and problem details: what every Monitoring service starts with. Refuses to start on a
    /// setting that still holds a <c>change-me</c> placeholder, and makes a missing setting end the process with one line
    /// naming its key rather than a stack trace.
    /// </summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ExitOnInvalidSetting();
        RefusePlaceholders(builder.Configuration);
        builder.AddMonitoringTelemetry();
        builder.AddApiAccess();
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), tags: ["live"]);
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDefaults.Fill);
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();

        // A body or parameter the framework cannot read throws, so the handler can say what was wrong with it.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddMonitoringOpenApi();
        return builder;
    }

    /// <summary>
    /// Problem details for every error, <c>/openapi/v1.json</c> (and its reference page), <c>/health/live</c>: the process
    /// answers. <c>/health/ready</c>: every dependency tagged "ready" (bus, store) answers; degraded is not ready.
    /// <c>/health/stages</c>: messages consumed and faulted per receive endpoint since start (<see cref="StageTotals"/>).
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Errors, and the framework's empty-bodied 4xx (unknown route, wrong method), become problem details.
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        // Before any endpoint of the services: per-endpoint policies (callers' rate limits, ingest admission) apply from here on.
        app.UseRateLimiter();
        app.MapMonitoringOpenApi();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        MapStageTotals(app);
        return app;
    }

    /// <summary>
    /// <c>GET /health/stages</c>, read-only and without a key like the other health endpoints: counts, no content. A host
    /// without a bus (no <see cref="StageTotals"/>) answers an empty object.
    /// </summary>
    private static void MapStageTotals(WebApplication app)
    {
        var totals = app.Services.GetService<StageTotals>();
        app.MapGet("/health/stages", () => Results.Json(totals?.Snapshot() ?? new Dictionary<string, StageTotal>()))
            .ExcludeFromDescription();
    }

    /// <summary>Throws <see cref="InvalidSettingException"/> for the first setting whose value is a <c>change-me</c> placeholder.</summary>
    public static void RefusePlaceholders(IConfiguration configuration)
    {
        var placeholder = configuration.AsEnumerable()
            .Where(setting => setting.Value?.Contains(Placeholder, StringComparison.OrdinalIgnoreCase) == true)
            .OrderBy(setting => setting.Key, StringComparer.Ordinal)
            .FirstOrDefault();
        if (placeholder.Key is not null)
        {
            throw new InvalidSettingException(placeholder.Key, $"still holds the placeholder '{placeholder.Value}' from .env.example: set a real secret");
        }
    }

    /// <summary>A missing or placeholder setting, unhandled at start-up: one line on stderr naming the key, exit code 78 (EX_CONFIG).</summary>
    private static void ExitOnInvalidSetting()
    {
        if (Interlocked.Exchange(ref _exitOnInvalidSetting, 1) == 1) return;
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            if (Unwrap(e.ExceptionObject as Exception) is not { } invalid) return;
            var key = (string)invalid.Data[InvalidSettingException.DataKey]!;
            Console.Error.WriteLine($"{AppDomain.CurrentDomain.FriendlyName}: {invalid.Message} (environment variable {InvalidSettingException.EnvironmentVariable(key)})");
            Console.Error.Flush();
            Environment.Exit(78);
        };
    }

    private static Exception? Unwrap(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current.Data[InvalidSettingException.DataKey] is string) return current;
            if (current is AggregateException { InnerExceptions.Count: 1 } aggregate) return Unwrap(aggregate.InnerExceptions[0]);
        }

        return null;
    }
}
