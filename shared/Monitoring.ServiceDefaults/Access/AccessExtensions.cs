using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Monitoring.ServiceDefaults.Access;

public static class AccessExtensions
{
    /// <summary>A fixed window per API key (by hash), or per client address without one: for callers of the reading and analyst APIs.</summary>
    public const string RateLimitPolicy = "per-api-key";

    /// <summary>API keys and the per-caller rate limit; once per process, whichever services it hosts.</summary>
    public static IHostApplicationBuilder AddApiAccess(this IHostApplicationBuilder builder)
    {
        if (builder.Services.Any(d => d.ServiceType == typeof(ConfiguredApiKeys))) return builder;
        builder.Services.Configure<AccessOptions>(builder.Configuration.GetSection(AccessOptions.SectionName));
        builder.Services.AddSingleton<ConfiguredApiKeys>();
        builder.Services.AddSingleton<IApiKeyCheck>(sp => sp.GetRequiredService<ConfiguredApiKeys>());
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.OnRejected = RejectAsync;
            limiter.AddPolicy(RateLimitPolicy, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<AccessOptions>>().Value;
                var key = context.Request.Headers[ApiKeyFilter.Header].ToString();
                var partition = key.Length > 0
                    ? "key:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))
                    : "ip:" + context.Connection.RemoteIpAddress;
                return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.RateLimitPermits,
                    Window = options.RateLimitWindow,
                    QueueLimit = 0,
                });
            });
        });
        return builder;
    }

    /// <summary>Every endpoint of the group checks <c>X-Api-Key</c> (<see cref="ApiKeyFilter"/>).</summary>
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, ApiKeyFilter>();

    /// <summary>
    /// A refused request: 503 with Retry-After when a policy flagged as load shedding refused it (the service is
    /// saturated, every caller should back off), 429 with Retry-After when a caller's own rate limit did.
    /// </summary>
    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var shedding = http.GetEndpoint()?.Metadata.GetMetadata<LoadSheddingMetadata>() is not null;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var result = shedding
            ? Results.Problem(title: "Busy", detail: $"Too much work in flight; retry after {seconds} s.", statusCode: StatusCodes.Status503ServiceUnavailable)
            : Results.Problem(title: "Too many requests", detail: $"Rate limit reached; retry after {seconds} s.", statusCode: StatusCodes.Status429TooManyRequests);
        await result.ExecuteAsync(http);
    }
}

/// <summary>Marks endpoints whose rate-limit policy sheds load (admission control): refusals there are 503, not 429.</summary>
public sealed class LoadSheddingMetadata;
