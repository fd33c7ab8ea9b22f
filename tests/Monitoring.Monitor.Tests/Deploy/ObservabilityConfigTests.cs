using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;

namespace Monitoring.Monitor.Tests.Deploy;

/// <summary>
/// The collector, Prometheus, Grafana and the dashboard are configuration, and there is no Docker engine in CI: they are
/// parsed here and checked against each other and against the metrics the services really emit, so a renamed metric or
/// a moved port fails here rather than as an empty panel.
/// </summary>
public sealed partial class ObservabilityConfigTests
{
    private static readonly string[] RequiredSignals =
    [
        "monitoring_ingest_articles_published_total", "monitoring_stage_messages_total", "monitoring_stage_lag_seconds_bucket",
        "rabbitmq_detailed_queue_messages", "monitoring_outbox_pending", "monitoring_alert_alerts_raised_total",
        "monitoring_alert_channel_attempts_total",
    ];

    private readonly Dictionary<object, object> _collector = Yaml("deploy", "otel-collector.yaml");
    private readonly Dictionary<object, object> _prometheus = Yaml("deploy", "prometheus", "prometheus.yml");
    private readonly JsonElement _dashboard = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("deploy", "grafana", "dashboards", "monitoring.json"))).RootElement;

    [Fact]
    public void The_collector_exports_metrics_where_prometheus_scrapes_them()
    {
        var pipeline = Map(Map(Map(_collector["service"])["pipelines"])["metrics"]);
        var exporter = Map(Map(_collector["exporters"])["prometheus"]);
        var port = ((string)exporter["endpoint"]).Split(':')[^1];

        Assert.Contains("prometheus", List(pipeline["exporters"]));
        Assert.Contains($"otel-collector:{port}", Targets("otel-collector"));
    }

    [Fact]
    public void Prometheus_scrapes_the_queues_from_the_broker_with_its_prometheus_plugin_enabled()
    {
        var plugins = File.ReadAllText(RepositoryPaths.Combine("deploy", "rabbitmq", "enabled_plugins"));

        Assert.Contains("rabbitmq:15692", Targets("rabbitmq"));
        Assert.Contains("rabbitmq_prometheus", plugins, StringComparison.Ordinal);
        Assert.EndsWith("].", plugins.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Grafana_has_prometheus_and_jaeger_and_exemplars_lead_to_jaeger()
    {
        var sources = List(Yaml("deploy", "grafana", "provisioning", "datasources", "datasources.yaml")["datasources"]).Select(Map).ToList();

        var prometheus = Assert.Single(sources, s => (string)s["type"] == "prometheus");
        var jaeger = Assert.Single(sources, s => (string)s["type"] == "jaeger");
        Assert.Equal("http://prometheus:9090", prometheus["url"]);
        Assert.Equal("http://jaeger:16686", jaeger["url"]);
        var destination = Map(List(Map(prometheus["jsonData"])["exemplarTraceIdDestinations"])[0]);
        Assert.Equal(jaeger["uid"], destination["datasourceUid"]);
    }

    [Fact]
    public void Every_panel_uses_a_provisioned_data_source_and_the_dashboard_shows_every_required_signal()
    {
        var uids = List(Yaml("deploy", "grafana", "provisioning", "datasources", "datasources.yaml")["datasources"]).Select(s => (string?)Map(s)["uid"]).ToHashSet();
        var panels = _dashboard.GetProperty("panels").EnumerateArray().ToList();
        var expressions = string.Join("\n", panels.SelectMany(p => p.GetProperty("targets").EnumerateArray()).Select(t => t.GetProperty("expr").GetString()));

        Assert.All(panels, panel => Assert.Contains(panel.GetProperty("datasource").GetProperty("uid").GetString(), uids));
        Assert.All(RequiredSignals, signal => Assert.Contains(signal, expressions, StringComparison.Ordinal));
        Assert.Contains(panels, p => p.GetProperty("targets").EnumerateArray().Any(t => t.GetProperty("exemplar").GetBoolean()));
    }

    [Fact]
    public void Every_monitoring_metric_the_dashboard_queries_is_an_instrument_the_code_creates()
    {
        var instruments = Directory.EnumerateFiles(RepositoryPaths.Combine("services"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(RepositoryPaths.Combine("shared"), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => InstrumentName().Matches(File.ReadAllText(path)).Select(m => m.Groups["name"].Value))
            .Select(name => name.Replace('.', '_'))
            .ToHashSet(StringComparer.Ordinal);
        var queried = _dashboard.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray())
            .SelectMany(t => MonitoringMetric().Matches(t.GetProperty("expr").GetString()!).Select(m => m.Value))
            .Distinct()
            .ToList();

        Assert.NotEmpty(queried);
        var unknown = queried.Where(metric => !instruments.Contains(Suffixless().Replace(metric, ""))).ToList();
        Assert.Empty(unknown);
    }

    private List<string> Targets(string job) =>
        List(Map(List(_prometheus["scrape_configs"]).Select(Map).Single(c => (string)c["job_name"] == job))["static_configs"])
            .SelectMany(c => List(Map(c)["targets"])).Cast<string>().ToList();

    private static Dictionary<object, object> Yaml(params string[] path)
    {
        using var reader = File.OpenText(RepositoryPaths.Combine(path));
        return new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(reader);
    }

    private static Dictionary<object, object> Map(object node) => (Dictionary<object, object>)node;

    private static List<object> List(object node) => (List<object>)node;

    // CreateCounter<long>("monitoring.stage.messages", …), CreateHistogram<double>(…), CreateUpDownCounter<long>(…)
    [GeneratedRegex(@"Create(?:Counter|Histogram|UpDownCounter|ObservableGauge)<\w+>\(\s*""(?<name>monitoring\.[a-z0-9_.]+)""")]
    private static partial Regex InstrumentName();

    [GeneratedRegex(@"\bmonitoring_[a-z0-9_]+")]
    private static partial Regex MonitoringMetric();

    // What the Prometheus exporter appends: the unit and _total, _bucket, _sum, _count.
    [GeneratedRegex(@"(_(seconds|milliseconds))?(_total|_bucket|_sum|_count)?$")]
    private static partial Regex Suffixless();
}
