using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitoring.Alert.Analysts;
using Yarp.ReverseProxy.Transforms;

namespace Monitoring.Alert.Desk;

/// <summary>Where the desk's story, event and source pages are read from when ingest and classify run as their own services.</summary>
public sealed class UpstreamOptions
{
    public Upstream? Ingest { get; set; }
    public Upstream? Classify { get; set; }
}

/// <summary>A service's base address and the read key (<c>Access:ReadKeys</c> there) the alert service reads it with.</summary>
public sealed class Upstream
{
    public Uri? Url { get; set; }
    public string? ReadKey { get; set; }
}

/// <summary>
/// In the three-service deployment the desk is served by the alert service, but stories (ingest) and coded events
/// and classified articles (classify) belong to their services. The alert service forwards the desk's reads of them
/// (YARP direct forwarding): an analyst's key is checked here, then replaced by this service's read key, so
/// analysts' keys never leave the alert service and ingest and classify need not know analysts. Feed administration
/// (<c>/api/sources</c>) is forwarded with the caller's own key, which ingest checks (its admin key). In
/// <c>monitor run</c> the three services share one host and none of this is mapped. See docs/desk.md.
/// </summary>
public static class UpstreamForwarding
{
    public static IHostApplicationBuilder AddUpstreamForwarding(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpForwarder();
        return builder;
    }

    public static IEndpointRouteBuilder MapUpstreamForwarding(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IConfiguration>().GetSection(AlertOptions.SectionName).Get<AlertOptions>()?.Upstreams;
        if (options?.Ingest is { Url: { } ingest } ingestUpstream)
        {
            ForwardReads(app, "/api/stories/{**rest}", ingest, ingestUpstream.ReadKey);
            app.MapForwarder("/api/sources/{**rest}", ingest.ToString(), _ => { }).ExcludeFromDescription();
            app.MapForwarder("/api/sources", ingest.ToString(), _ => { }).ExcludeFromDescription();
        }

        if (options?.Classify is { Url: { } classify } classifyUpstream)
        {
            ForwardReads(app, "/api/events/{**rest}", classify, classifyUpstream.ReadKey);
            ForwardReads(app, "/api/classified-articles/{**rest}", classify, classifyUpstream.ReadKey);
        }

        return app;
    }

    private static void ForwardReads(IEndpointRouteBuilder app, string pattern, Uri upstream, string? readKey) =>
        app.MapForwarder(pattern, upstream.ToString(), transforms =>
            {
                transforms.AddRequestHeaderRemove(ApiKeys.Header);
                if (!string.IsNullOrEmpty(readKey)) transforms.AddRequestHeader(ApiKeys.Header, readKey, append: false);
            })
            .RequireAuthorization(AlertExtensions.AnalystPolicy)
            .ExcludeFromDescription();
}
