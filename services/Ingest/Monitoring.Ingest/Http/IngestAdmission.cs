using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Monitoring.ServiceDefaults.Access;

namespace Monitoring.Ingest.Http;

/// <summary>
/// Admission control on the ingest write path: one concurrency limiter shared by every post, whoever sends it
/// (<see cref="IngestOptions.MaxConcurrentRequests"/> at once, <see cref="IngestOptions.MaxQueuedRequests"/> waiting,
/// then 503 with Retry-After). Reads get the caller's own rate limit instead. No per-caller limit applies to posting,
/// so the one-process host's own seeding, or a publisher with a folder of thousands of articles, is never refused for
/// its pace, only slowed when the service is saturated.
/// </summary>
public static class IngestAdmission
{
    public const string PolicyName = "ingest-admission";

    public static IHostApplicationBuilder AddIngestAdmission(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<RateLimiterOptions>(limiter => limiter.AddPolicy(PolicyName, context =>
        {
            var options = context.RequestServices.GetRequiredService<IOptions<IngestOptions>>().Value;
            return RateLimitPartition.GetConcurrencyLimiter(PolicyName, _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = Math.Max(1, options.MaxConcurrentRequests),
                QueueLimit = Math.Max(0, options.MaxQueuedRequests),
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
        }));
        return builder;
    }

    /// <summary>Posting endpoints of the group take the admission policy (503 when refused), reading ones the caller's rate limit (429).</summary>
    public static TBuilder WithIngestAdmission<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint =>
        {
            var reading = endpoint.Metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods).All(m => HttpMethods.IsGet(m) || HttpMethods.IsHead(m));
            endpoint.Metadata.Add(new EnableRateLimitingAttribute(reading ? AccessExtensions.RateLimitPolicy : PolicyName));
            if (!reading) endpoint.Metadata.Add(new LoadSheddingMetadata());
        });
        return builder;
    }
}
