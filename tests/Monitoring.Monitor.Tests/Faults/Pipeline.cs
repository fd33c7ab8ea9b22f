using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Monitoring.Monitor.Tests.Faults;

/// <summary>
/// Ingest, classify and alert as three processes on the real broker (through a relay the suite can cut, so the broker
/// other test runs share is never touched by that fault), each with its own SQLite file, an analyst, and a webhook
/// receiver in the test process. Short leases, sweeps and outbox polls, so recovery shows within seconds.
/// </summary>
public class Pipeline : IAsyncLifetime
{
    public const string AdminKey = "fault-suite-admin-key";
    public const string WriteKey = "fault-suite-write-key";
    public const string ReadKey = "fault-suite-read-key";

    /// <summary>How long a delivery holds an alert: longer than a restart here, so a redelivery after a kill finds it held.</summary>
    public static readonly TimeSpan DeliveryLease = TimeSpan.FromSeconds(8);

    /// <summary>Deliveries the alert service makes at once: what a kill of it may have sent and not yet recorded.</summary>
    public const int DeliveriesInFlight = 4;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "monitoring-faults", Guid.NewGuid().ToString("N")[..8]);

    public TcpProxy Broker { get; private set; } = null!;
    public ServiceProcess Ingest { get; private set; } = null!;
    public ServiceProcess Classify { get; private set; } = null!;
    public ServiceProcess Alert { get; private set; } = null!;
    public WebhookReceiver Webhook { get; private set; } = null!;
    public HttpClient Analyst { get; private set; } = null!;
    public string AnalystId { get; private set; } = "";

    public IEnumerable<ServiceProcess> Services => [Ingest, Classify, Alert];

    public bool BrokerCut { get; private set; }

    public BrokerEndpoint BrokerEndpoint { get; private set; } = null!;

    private string? _ownVhost;

    /// <summary>
    /// The broker the services use, unless a subclass brings one: a vhost of the suite's own on the run's broker. The
    /// run's vhost would not do: the in-process hosts of the other integration tests consume from the same queue names
    /// there, and would take the suite's articles (and the suite theirs) as competing consumers.
    /// </summary>
    protected virtual async Task<BrokerEndpoint> StartBrokerAsync()
    {
        if (RabbitMqCtl.Unavailable is not null) return BrokerEndpoint.Shared;
        _ownVhost = $"{RabbitMqBroker.VirtualHost}-faults-{Guid.NewGuid().ToString("N")[..8]}";
        await RabbitMqCtl.AddVhostAsync(_ownVhost, CancellationToken.None);
        return BrokerEndpoint.Shared with { VirtualHost = _ownVhost };
    }

    protected virtual async ValueTask StopBrokerAsync()
    {
        if (_ownVhost is not null) await RabbitMqCtl.DeleteVhostAsync(_ownVhost, CancellationToken.None);
    }

    /// <summary>Every service loses its broker connections at once, as when the network or the broker drops; the broker itself runs on.</summary>
    public void CutBroker()
    {
        Broker.Stop();
        BrokerCut = true;
    }

    public void RestoreBroker()
    {
        Broker.Start();
        BrokerCut = false;
    }

    public string StorePath(ServiceProcess service) => Path.Combine(_folder, service.Name + ".db");

    public virtual async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        BrokerEndpoint = await StartBrokerAsync();
        Broker = new TcpProxy(BrokerEndpoint.Host, BrokerEndpoint.Port);
        Broker.Start();
        Webhook = await WebhookReceiver.StartAsync();
        Ingest = new ServiceProcess("Ingest", Settings("ingest"));
        Classify = new ServiceProcess("Classify", Settings("classify"));
        Alert = new ServiceProcess("Alert", Settings("alert"));

        // Classify first: its queue and bindings exist before ingest publishes; alert's before classify publishes.
        await Task.WhenAll(Classify.StartAsync(), Alert.StartAsync(), Ingest.StartAsync());
        (Analyst, AnalystId) = await CreateAnalystAsync();
    }

    /// <summary>Every service running again (a previous test may have left one dead).</summary>
    public async Task EnsureRunningAsync()
    {
        if (Ingest is null) return;
        if (BrokerCut) RestoreBroker();
        foreach (var service in Services.Where(s => !s.IsRunning)) await service.StartAsync();
    }

    /// <summary>A subscription of its own for one scenario: it matches exactly the articles carrying <paramref name="marker"/>.</summary>
    public async Task<string> SubscribeAsync(string marker)
    {
        using var response = await Analyst.PostAsJsonAsync("/api/subscriptions", new { name = "fault " + marker, keywords = new[] { marker }, webhookUrl = Webhook.Url.ToString() },
            TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("subscriptionId").GetString()!;
    }

    public HttpClient Client(ServiceProcess service) => new() { BaseAddress = service.Address, Timeout = TimeSpan.FromSeconds(30), DefaultRequestHeaders = { { "X-Api-Key", WriteKey } } };

    /// <summary>The logs of all three, for a failure message.</summary>
    public string Logs() => $"{OutboxBacklog()}\n" + string.Join("\n", Services.Select(s => $"==== {s.Name}\n{s.Tail(150)}"));

    /// <summary>What each service's outbox still holds, read from its SQLite file: where a message that never arrived is waiting, if anywhere.</summary>
    public string OutboxBacklog()
    {
        var lines = new List<string>();
        foreach (var service in Services)
        {
            var path = StorePath(service);
            if (!File.Exists(path)) continue;
            try
            {
                using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Mode=ReadOnly");
                connection.Open();
                using var tables = connection.CreateCommand();
                tables.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%outbox'";
                var names = new List<string>();
                using (var reader = tables.ExecuteReader()) while (reader.Read()) names.Add(reader.GetString(0));
                foreach (var name in names)
                {
                    using var count = connection.CreateCommand();
                    count.CommandText = $"SELECT COUNT(*), MIN(created_at) FROM {name}";
                    using var reader = count.ExecuteReader();
                    reader.Read();
                    lines.Add($"{service.Name} {name}: {reader.GetInt64(0)} unpublished{(reader.IsDBNull(1) ? "" : ", oldest " + reader.GetString(1))}");
                }
            }
            catch (Microsoft.Data.Sqlite.SqliteException exception)
            {
                lines.Add($"{service.Name}: outbox not readable ({exception.Message})");
            }
        }

        return "==== outboxes\n" + string.Join("\n", lines);
    }

    private Dictionary<string, string> Settings(string name) => new()
    {
        ["Storage__Provider"] = "Sqlite",
        ["Storage__Sqlite__Path"] = Path.Combine(_folder, name + ".db"),
        ["Messaging__Transport"] = "RabbitMq",
        ["Messaging__RabbitMq__Host"] = "127.0.0.1",
        ["Messaging__RabbitMq__Port"] = Broker.Port.ToString(CultureInfo.InvariantCulture),
        ["Messaging__RabbitMq__VirtualHost"] = BrokerEndpoint.VirtualHost,
        ["Messaging__RabbitMq__Username"] = BrokerEndpoint.User,
        ["Messaging__RabbitMq__Password"] = BrokerEndpoint.Password,
        ["Messaging__RabbitMq__ReconnectInterval"] = "00:00:02",
        ["Messaging__Retry__Limit"] = "3",
        ["Messaging__Retry__MinInterval"] = "00:00:00.200",
        ["Messaging__Retry__MaxInterval"] = "00:00:01",
        ["Messaging__Retry__IntervalDelta"] = "00:00:00.200",
        ["Messaging__Endpoints__deliver-alert__ConcurrentMessageLimit"] = DeliveriesInFlight.ToString(CultureInfo.InvariantCulture),
        ["Messaging__Outbox__Grace"] = "00:00:02",
        ["Messaging__Outbox__PollInterval"] = "00:00:00.500",
        ["Messaging__Outbox__PublishTimeout"] = "00:00:03",
        ["Alert__AdminApiKey"] = AdminKey,
        ["Alert__DeliveryLease"] = DeliveryLease.ToString("c", CultureInfo.InvariantCulture),
        ["Alert__SweepInterval"] = "00:00:01",
        ["Alert__StalledAfter"] = "00:00:30",
        ["Alert__WebhookTimeout"] = "00:00:05",
        ["Alert__SecretKey"] = "fault-suite-secret-key-for-signing-secrets",
        ["Alert__RateLimitPermits"] = "100000",
        ["Access__WriteKeys__0"] = WriteKey,
        ["Access__ReadKeys__0"] = ReadKey,
        ["Access__RateLimitPermits"] = "100000",
        ["Safety__AllowedHosts__0"] = "127.0.0.1",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Monitoring"] = "Information",
        ["Logging__Console__FormatterName"] = "simple",
        ["OTEL_SERVICE_NAME"] = name,
    };

    private async Task<(HttpClient Analyst, string AnalystId)> CreateAnalystAsync()
    {
        using var admin = new HttpClient { BaseAddress = Alert.Address };
        admin.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        using var created = await admin.PostAsJsonAsync("/api/analysts", new { name = "Fault suite" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var analyst = new HttpClient { BaseAddress = Alert.Address, Timeout = TimeSpan.FromSeconds(30) };
        analyst.DefaultRequestHeaders.Add("X-Api-Key", body.GetProperty("apiKey").GetString());
        return (analyst, body.GetProperty("analystId").GetString()!);
    }

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var service in new[] { Ingest, Classify, Alert })
        {
            if (service is not null) await service.DisposeAsync();
        }

        Analyst?.Dispose();
        if (Webhook is not null) await Webhook.DisposeAsync();
        if (Broker is not null) await Broker.DisposeAsync();
        await StopBrokerAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The pipeline on a RabbitMQ node of its own (<see cref="OwnBroker"/>), which its tests restart and kill.</summary>
public sealed class OwnBrokerPipeline : Pipeline
{
    public OwnBroker? Node { get; private set; }

    /// <summary>Nothing is started where no own node can run: its tests skip with <see cref="OwnBroker.Unavailable"/>.</summary>
    public override async ValueTask InitializeAsync()
    {
        if (OwnBroker.Unavailable is null) await base.InitializeAsync();
    }

    protected override async Task<BrokerEndpoint> StartBrokerAsync()
    {
        Node = new OwnBroker();
        await Node.StartAsync();
        return Node.Endpoint;
    }

    protected override async ValueTask StopBrokerAsync()
    {
        if (Node is not null) await Node.DisposeAsync();
    }
}
