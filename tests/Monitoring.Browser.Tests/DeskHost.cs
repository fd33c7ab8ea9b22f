using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Monitoring.Monitor;
using Monitoring.ServiceDefaults.Messaging;

namespace Monitoring.Browser.Tests;

/// <summary>
/// The three services in one process on a loopback port, composed by <c>monitor run</c>'s own code (in-memory bus, one
/// SQLite file), serving the desk at <c>/</c>; with an analyst and helpers to feed it real articles.
/// </summary>
public sealed class DeskHost : IAsyncDisposable
{
    public const string AdminKey = "browser-admin-key";
    public const string IngestAdminKey = "browser-ingest-admin";
    public const string WriteKey = "browser-write-key";

    private DeskHost(WebApplication app)
    {
        App = app;
        Address = new Uri(app.Urls.First());
    }

    public WebApplication App { get; }
    public Uri Address { get; }
    public IServiceProvider Services => App.Services;

    /// <summary><c>monitor run</c>'s own composition (<see cref="MonitorHost.CreateBuilder"/>) with the test's keys and a fresh SQLite file.</summary>
    public static async Task<DeskHost> StartAsync(string name)
    {
        var data = new FileInfo(Path.Combine(Path.GetTempPath(), "monitoring-browser", $"{name}-{Guid.NewGuid():N}", "monitor.db"));
        var builder = MonitorHost.CreateBuilder(data, "http://127.0.0.1:0", "/demo/webhook");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Alert:AdminApiKey"] = AdminKey,
            ["Ingest:AdminApiKey"] = IngestAdminKey,
            ["Access:WriteKeys:0"] = WriteKey,
            ["Access:RateLimitPermits"] = "10000",
        });
        builder.AddMonitoringBus();
        var app = builder.Build();
        MonitorHost.MapServices(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new DeskHost(app);
    }

    public HttpClient Client(string? key)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>A new analyst; returns its key.</summary>
    public async Task<string> CreateAnalystAsync(string name)
    {
        using var admin = Client(AdminKey);
        using var response = await admin.PostAsJsonAsync("/api/analysts", new { name }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("apiKey").GetString()!;
    }

    public static async Task<JsonElement> SubscribeAsync(HttpClient analyst, object request)
    {
        using var response = await analyst.PostAsJsonAsync("/api/subscriptions", request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body;
    }

    /// <summary>Posts an article through ingest (the whole pipeline runs: extraction, story, classification, coding, matching).</summary>
    public async Task<string> IngestAsync(string text, string source, string? title = null)
    {
        using var writer = Client(WriteKey);
        using var response = await writer.PostAsJsonAsync("/api/articles", new { text, source, title, url = $"https://{source}.example/{Guid.NewGuid():N}" },
            TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body.GetProperty("articleId").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }
}
