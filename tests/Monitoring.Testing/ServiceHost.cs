using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Alert;
using Monitoring.Classify;
using Monitoring.Ingest;
using Monitoring.ServiceDefaults;
using Monitoring.ServiceDefaults.Messaging;

namespace Monitoring.Testing;

/// <summary>
/// One service composed exactly as its <c>Program.cs</c> composes it, on a real loopback listener
/// (port chosen by the OS), with test settings layered on top of the defaults.
/// </summary>
public sealed class ServiceHost : IAsyncDisposable
{
    private ServiceHost(WebApplication app, string? apiKey)
    {
        App = app;
        Address = new Uri(app.Urls.First());
        Http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null) Http.DefaultRequestHeaders.Add(TestSettings.ApiKeyHeader, apiKey);
    }

    public WebApplication App { get; }
    public Uri Address { get; }
    public HttpClient Http { get; }
    public IServiceProvider Services => App.Services;

    /// <summary>Ingest; <see cref="Http"/> sends the test write key.</summary>
    public static Task<ServiceHost> IngestAsync(IDictionary<string, string?> settings, Action<WebApplicationBuilder>? configure = null) =>
        StartAsync(settings, builder => builder.AddIngest(), app => app.MapIngestEndpoints(), configure, TestSettings.WriteKey);

    /// <summary>Classify; <see cref="Http"/> sends the test read key.</summary>
    public static Task<ServiceHost> ClassifyAsync(IDictionary<string, string?> settings, Action<WebApplicationBuilder>? configure = null) =>
        StartAsync(settings, builder => builder.AddClassify(), app => app.MapClassifyEndpoints(), configure, TestSettings.ReadKey);

    /// <summary>Alert; <see cref="Http"/> sends no key (each test authenticates as the admin or an analyst).</summary>
    public static Task<ServiceHost> AlertAsync(IDictionary<string, string?> settings, Action<WebApplicationBuilder>? configure = null) =>
        StartAsync(settings, builder => builder.AddAlert(), app => app.MapAlertEndpoints(), configure, apiKey: null);

    private static async Task<ServiceHost> StartAsync(
        IDictionary<string, string?> settings,
        Action<WebApplicationBuilder> addService,
        Action<WebApplication> mapService,
        Action<WebApplicationBuilder>? configure,
        string? apiKey)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");

        builder.AddServiceDefaults();
        addService(builder);
        configure?.Invoke(builder);
        builder.AddMonitoringBus();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        mapService(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new ServiceHost(app, apiKey);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }
}

/// <summary>Settings for a host on MassTransit's in-memory transport with its own SQLite file.</summary>
public static class TestSettings
{
    public const string ApiKeyHeader = "X-Api-Key";
    public const string WriteKey = "test-write-key";
    public const string ReadKey = "test-read-key";

    public static Dictionary<string, string?> InMemory(string name) => new()
    {
        ["Access:WriteKeys:0"] = WriteKey,
        ["Access:ReadKeys:0"] = ReadKey,
        ["Alert:SecretKey"] = "test-secret-key-that-encrypts-signing-secrets",
        ["Messaging:Transport"] = "InMemory",
        ["Messaging:Retry:Limit"] = "2",
        ["Messaging:Retry:MinInterval"] = "00:00:00.050",
        ["Messaging:Retry:MaxInterval"] = "00:00:00.200",
        ["Messaging:Retry:IntervalDelta"] = "00:00:00.050",
        ["Storage:Provider"] = "Sqlite",
        ["Storage:Sqlite:Path"] = Path.Combine(Path.GetTempPath(), "monitoring-tests", $"{name}-{Guid.NewGuid():N}.db"),
        ["Logging:LogLevel:Default"] = "Warning",
    };
}
