using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitoring.ServiceDefaults.Safety;

namespace Monitoring.Shared.Tests.Safety;

/// <summary>The guarded client as a service registers it, with the test's settings and a scripted resolver.</summary>
public sealed class GuardedClient : IDisposable
{
    private readonly IHost _host;

    public GuardedClient(FakeResolver resolver, IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddSingleton<IHostResolver>(resolver);
        builder.AddGuardedHttpClient("test");
        _host = builder.Build();
        Http = _host.Services.GetRequiredService<IHttpClientFactory>().CreateClient("test");
        Guard = _host.Services.GetRequiredService<OutboundUrlGuard>();
        ClientGuard = _host.Services.GetRequiredKeyedService<OutboundUrlGuard>("test");
    }

    public HttpClient Http { get; }

    /// <summary>The shared rules, as feed validation uses them.</summary>
    public OutboundUrlGuard Guard { get; }

    /// <summary>The guard of the client named "test": the shared rules plus <c>Safety:Clients:test:AllowedUrls</c>.</summary>
    public OutboundUrlGuard ClientGuard { get; }

    public void Dispose()
    {
        Http.Dispose();
        _host.Dispose();
    }
}
