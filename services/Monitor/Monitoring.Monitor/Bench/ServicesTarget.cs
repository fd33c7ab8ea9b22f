using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Monitoring.Monitor.Bench;

/// <summary>
/// The three services as the processes compose runs (their own build output, <c>dotnet Monitoring.X.Service.dll</c>),
/// each with its own SQLite file, over the given RabbitMQ vhost; the bench's webhook in this process.
/// </summary>
public sealed class ServicesTarget : IBenchTarget
{
    private const string AdminKey = "bench-admin-key";
    private const string BenchWriteKey = "bench-write-key";

    private static readonly string[] Services = ["Ingest", "Classify", "Alert"];
    private readonly List<Process> _processes;
    private readonly WebApplication _webhook;
    private readonly AlertTap _tap;
    private readonly DirectoryInfo _data;

    private readonly HttpClient _stagesHttp = new() { Timeout = TimeSpan.FromSeconds(10) };

    private ServicesTarget(List<Process> processes, WebApplication webhook, AlertTap tap, DirectoryInfo data, Uri ingest, Uri classify, Uri alert)
    {
        Stages = new StageTotalsReader(_stagesHttp, classify, alert);
        _processes = processes;
        _webhook = webhook;
        _tap = tap;
        _data = data;
        IngestAddress = ingest;
        AlertAddress = alert;
    }

    public string Description => $"services: ingest, classify and alert as three processes over RabbitMQ ({_data.FullName})";
    public Uri IngestAddress { get; }
    public Uri AlertAddress { get; }
    public string WriteKey => BenchWriteKey;

    /// <summary>Articles classified and matched as the services count them (<c>/health/stages</c>).</summary>
    public StageTotalsReader Stages { get; }
    public string WebhookUrl => new Uri(new Uri(_webhook.Urls.First()), BenchWebhook.Path).AbsoluteUri;

    public static async Task<ServicesTarget> StartAsync(BrokerAddress broker, IReadOnlyList<string> extraSettings, DirectoryInfo? servicesDirectory, StageClock clock, TextWriter log, CancellationToken cancellationToken)
    {
        var dlls = Services.ToDictionary(s => s, s => servicesDirectory is null ? ServiceAssembly(s) : PublishedAssembly(servicesDirectory, s));
        var data = Directory.CreateTempSubdirectory("monitor-bench-services-");
        var webhook = await StartWebhookAsync(clock, cancellationToken);
        var webhookUrl = new Uri(new Uri(webhook.Urls.First()), BenchWebhook.Path).AbsoluteUri;
        var ports = dlls.Keys.ToDictionary(s => s, _ => FreePort());
        var processes = new List<Process>();
        foreach (var (service, dll) in dlls)
        {
            var settings = new Dictionary<string, string>(broker.Settings())
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{ports[service]}",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Storage__Provider"] = "Sqlite",
                ["Storage__Sqlite__Path"] = Path.Combine(data.FullName, service.ToLowerInvariant() + ".db"),
                ["Logging__LogLevel__Default"] = "Warning",
                ["Access__WriteKeys__0"] = BenchWriteKey,
                ["Ingest__Feeds__SchedulerEnabled"] = "false",
                ["Alert__AdminApiKey"] = AdminKey,
                ["Alert__SecretKey"] = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
                ["Safety__Clients__webhooks__AllowedUrls__0"] = webhookUrl,
            };
            foreach (var pair in extraSettings.Select(s => s.Split('=', 2)).Where(p => p.Length == 2)) settings[pair[0].Replace(":", "__", StringComparison.Ordinal)] = pair[1];
            processes.Add(Launch(dll, settings, Path.Combine(data.FullName, service.ToLowerInvariant() + ".log")));
        }

        using var http = new HttpClient();
        foreach (var (service, port) in ports)
        {
            await WaitReadyAsync(http, service, new Uri($"http://127.0.0.1:{port}/health/ready"), processes, data, cancellationToken);
        }

        await log.WriteLineAsync($"services ready: ingest :{ports["Ingest"]}, classify :{ports["Classify"]}, alert :{ports["Alert"]}; logs in {data.FullName}");
        var tap = await AlertTap.StartAsync(broker, clock, cancellationToken);
        return new ServicesTarget(processes, webhook, tap, data, new Uri($"http://127.0.0.1:{ports["Ingest"]}/"), new Uri($"http://127.0.0.1:{ports["Classify"]}/"), new Uri($"http://127.0.0.1:{ports["Alert"]}/"));
    }

    public async Task<string> CreateAnalystAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = AlertAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/analysts") { Content = JsonContent.Create(new { name = "Bench analyst" }), Headers = { { "X-Api-Key", AdminKey } } };
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("apiKey").GetString()!;
    }

    public IReadOnlyDictionary<string, TimeSpan> CpuTimes()
    {
        var times = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        for (var i = 0; i < _processes.Count; i++)
        {
            _processes[i].Refresh();
            times[Services[i].ToLowerInvariant()] = _processes[i].HasExited ? TimeSpan.Zero : _processes[i].TotalProcessorTime;
        }

        if (LocalBroker.CpuTime() is { } broker) times["broker (local)"] = broker;
        return times;
    }

    public Task<IReadOnlyDictionary<string, long>> QueueDepthsAsync(CancellationToken cancellationToken) => _tap.DepthsAsync(cancellationToken);

    /// <summary>The service's own build output, Release preferred: <c>dotnet build -c Release Monitoring.sln</c> makes it.</summary>
    private static string ServiceAssembly(string service)
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Monitoring.sln"))) continue;
            var bin = Path.Combine(dir.FullName, "services", service, $"Monitoring.{service}.Service", "bin");
            var found = new[] { "Release", "Debug" }
                .Select(configuration => Path.Combine(bin, configuration, "net10.0", $"Monitoring.{service}.Service.dll"))
                .FirstOrDefault(File.Exists);
            return found ?? throw new FileNotFoundException($"Monitoring.{service}.Service is not built under {bin}: run dotnet build -c Release Monitoring.sln first.");
        }

        throw new DirectoryNotFoundException("Run monitor bench --target services from the repository (it starts the services from their build output).");
    }

    /// <summary>A published service (e.g. <c>dotnet publish -p:PublishReadyToRun=true -o DIR/Ingest</c>), as the container image holds it.</summary>
    private static string PublishedAssembly(DirectoryInfo directory, string service) =>
        new[] { Path.Combine(directory.FullName, service, $"Monitoring.{service}.Service.dll"), Path.Combine(directory.FullName, $"Monitoring.{service}.Service.dll") }
            .FirstOrDefault(File.Exists) ?? throw new FileNotFoundException($"Monitoring.{service}.Service.dll is not in {directory.FullName} or {directory.FullName}/{service}.");

    private static Process Launch(string dll, Dictionary<string, string> settings, string logPath)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in settings) start.Environment[key] = value;
        var process = Process.Start(start)!;
        var log = new StreamWriter(logPath) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitReadyAsync(HttpClient http, string service, Uri ready, List<Process> processes, DirectoryInfo data, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (processes.FirstOrDefault(p => p.HasExited) is { } exited)
            {
                throw new InvalidOperationException($"a service exited with code {exited.ExitCode} while starting; see the logs in {data.FullName}");
            }

            try
            {
                using var response = await http.GetAsync(ready, cancellationToken);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException($"{service} was not ready after 90 s; see the logs in {data.FullName}");
    }

    private static async Task<WebApplication> StartWebhookAsync(StageClock clock, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapBenchWebhook(clock);
        await app.StartAsync(cancellationToken);
        return app;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _tap.DisposeAsync();
        foreach (var process in _processes)
        {
            // SIGTERM, as compose stops a container; the services shut down in a few seconds.
            if (!process.HasExited) Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])?.WaitForExit();
        }

        foreach (var process in _processes)
        {
            if (!process.WaitForExit(TimeSpan.FromSeconds(15))) process.Kill(entireProcessTree: true);
            process.Dispose();
        }

        _stagesHttp.Dispose();
        await _webhook.StopAsync(CancellationToken.None);
        await _webhook.DisposeAsync();
    }
}
