using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Alert.Analysts;
using Monitoring.ServiceDefaults.Messaging;
using Monitoring.Storage;

namespace Monitoring.Monitor.Bench;

/// <summary>The one-process host as <c>monitor run</c> composes it, with the bench's stage markers on its bus and its webhook on its API.</summary>
public sealed class EmbeddedTarget : IBenchTarget
{
    private readonly WebApplication _app;
    private readonly DirectoryInfo _data;

    private EmbeddedTarget(WebApplication app, DirectoryInfo data)
    {
        _app = app;
        _data = data;
        IngestAddress = new Uri(app.Urls.First());
    }

    public string Description => "embedded: ingest, classify and alert in this process, in-memory bus, a SQLite file per service";
    public Uri IngestAddress { get; }
    public Uri AlertAddress => IngestAddress;
    public string WriteKey => MonitorHost.DemoWriteKey;
    public string WebhookUrl => new Uri(IngestAddress, BenchWebhook.Path).AbsoluteUri;

    public static async Task<EmbeddedTarget> StartAsync(StageClock clock, CancellationToken cancellationToken)
    {
        var data = Directory.CreateTempSubdirectory("monitor-bench-");
        var builder = MonitorHost.CreateBuilder(new FileInfo(Path.Combine(data.FullName, "monitoring.db")), "http://127.0.0.1:0", BenchWebhook.Path);
        builder.Services.AddSingleton(clock);
        builder.AddMessageConsumers(bus =>
        {
            bus.AddPublishObserver<StageMarkers>();
            bus.AddConsumeObserver<MatchMarkers>();
        });
        builder.AddMonitoringBus();
        var app = builder.Build();
        MonitorHost.MapServices(app);
        app.MapBenchWebhook(clock);
        await app.StartAsync(cancellationToken);
        return new EmbeddedTarget(app, data);
    }

    public async Task<string> CreateAnalystAsync(CancellationToken cancellationToken)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<AnalystRegistry>().CreateAsync("Bench analyst", null, cancellationToken)).ApiKey;
    }

    public IReadOnlyDictionary<string, TimeSpan> CpuTimes() => new Dictionary<string, TimeSpan> { ["monitor (all three, and the bench)"] = Environment.CpuUsage.TotalTime };

    /// <summary>Writes committed so far by the services' SQLite files, and the commits that held them.</summary>
    public (long Writes, long Commits) SqliteWrites()
    {
        var counts = _app.Services.GetRequiredService<SqliteDatabases>().Opened.Select(database => database.WriteCounts).ToList();
        return (counts.Sum(c => c.Writes), counts.Sum(c => c.Commits));
    }

    public Task<IReadOnlyDictionary<string, long>> QueueDepthsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, long>>(new Dictionary<string, long>());

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        try
        {
            _data.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
