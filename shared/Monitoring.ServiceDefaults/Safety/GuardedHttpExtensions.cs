using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Monitoring.ServiceDefaults.Safety;

public static class GuardedHttpExtensions
{
    /// <summary>
    /// A named <see cref="HttpClient"/> for URLs that come from outside (feeds, pages, webhooks): http(s) only, public
    /// addresses only unless allowed by <c>Safety:AllowedHosts</c>, checked again on every redirect, connections pinned to
    /// the checked address, no proxy, the <c>Safety</c> time limit. Read bodies with <see cref="ReadLimitedAsync"/>.
    /// </summary>
    public static IHttpClientBuilder AddGuardedHttpClient(this IHostApplicationBuilder builder, string name)
    {
        var section = builder.Configuration.GetSection(OutboundSafetyOptions.SectionName);
        if (!builder.Services.Any(d => d.ServiceType == typeof(OutboundUrlGuard) && !d.IsKeyedService))
        {
            builder.Services.Configure<OutboundSafetyOptions>(section);
            builder.Services.TryAddSingleton<IHostResolver, DnsHostResolver>();
            builder.Services.AddSingleton<OutboundUrlGuard>();
        }

        // The client's own guard: the shared rules plus the URLs allowed to this client alone (Safety:Clients:{name}).
        builder.Services.AddOptions<OutboundSafetyOptions>(name).Configure(options =>
        {
            section.Bind(options);
            options.AllowedUrls = section.GetSection($"Clients:{name}:AllowedUrls").Get<List<string>>() ?? [];
        });
        builder.Services.AddKeyedSingleton(name, (services, _) => new OutboundUrlGuard(
            services.GetRequiredService<IHostResolver>(), services.GetRequiredService<IOptionsMonitor<OutboundSafetyOptions>>().Get(name)));

        return builder.Services.AddHttpClient(name, (services, client) =>
            {
                var options = services.GetRequiredService<IOptions<OutboundSafetyOptions>>().Value;
                client.Timeout = options.Timeout;
                client.MaxResponseContentBufferSize = options.MaxResponseBytes;
                client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
            })
            .ConfigurePrimaryHttpMessageHandler(services => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.All,
                ConnectCallback = services.GetRequiredKeyedService<OutboundUrlGuard>(name).ConnectAsync,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            })
            .AddHttpMessageHandler(services => new GuardedRedirectHandler(services.GetRequiredKeyedService<OutboundUrlGuard>(name)));
    }

    /// <summary>Reads the body, refusing it as soon as it passes <paramref name="maxBytes"/> (whatever Content-Length claimed).</summary>
    public static async Task<byte[]> ReadLimitedAsync(this HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        var uri = response.RequestMessage?.RequestUri;
        if (response.Content.Headers.ContentLength > maxBytes) throw new OutboundResponseTooLargeException(uri, maxBytes);

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) throw new OutboundResponseTooLargeException(uri, maxBytes);
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
