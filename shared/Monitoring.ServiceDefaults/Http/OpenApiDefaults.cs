using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Monitoring.ServiceDefaults.Http;

/// <summary>An example shown in the OpenAPI document for every schema of <see cref="Type"/> (registered by the service that owns the type).</summary>
public sealed record OpenApiExample(Type Type, string Json);

public static class OpenApiDefaults
{
    public const string ApiKeyScheme = "ApiKey";

    /// <summary>The built-in generator, with the <c>X-Api-Key</c> scheme and the examples services register.</summary>
    public static IServiceCollection AddMonitoringOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, context, _) =>
            {
                document.Info.Title = $"Monitoring — {context.ApplicationServices.GetRequiredService<IHostEnvironment>().ApplicationName}";
                document.Info.Description = "Errors are RFC 9457 problem details (application/problem+json) with a detail. Keys go in the X-Api-Key header.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = "X-Api-Key",
                    Description = "An analyst's key (alert), a read or write key (ingest, classify), or an admin key (analysts, sources).",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any() || metadata.OfType<RequiresApiKeyMetadata>().Any())
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [] });
                }

                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                var example = context.ApplicationServices.GetServices<OpenApiExample>().FirstOrDefault(e => e.Type == context.JsonTypeInfo.Type);
                if (example is not null) schema.Examples = [JsonNode.Parse(example.Json)!];
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary><c>/openapi/v1.json</c> always; the Scalar reference at <c>/scalar</c> in development or when <c>OpenApi:Reference</c> is true (<c>monitor run</c>).</summary>
    public static WebApplication MapMonitoringOpenApi(this WebApplication app)
    {
        app.MapOpenApi().ExcludeFromDescription();
        if (app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("OpenApi:Reference"))
        {
            app.MapScalarApiReference(options => options.WithTitle("Monitoring API"));
        }

        return app;
    }

    /// <summary>Declares the error statuses an endpoint (or group) answers, each as problem details, for the OpenAPI document.</summary>
    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params int[] statusCodes) where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statusCodes)
        {
            var type = status == StatusCodes.Status422UnprocessableEntity ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails);
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, type, ["application/problem+json"]));
        }

        return builder;
    }
}

/// <summary>Marks endpoints that check an API key by other means than ASP.NET authorization, so the document shows the scheme on them.</summary>
public sealed class RequiresApiKeyMetadata;
