using Monitoring.Monitor;

namespace Monitoring.Monitor.Tests.Commands;

/// <summary><c>monitor run</c>, the README's first command, on the repository's own seeds.</summary>
public sealed class MonitorRunTests
{
    private static readonly string[] SampleTopics = ["law-enforcement", "security-cooperation"];

    [Fact]
    public async Task Run_ingests_the_seeds_and_shows_the_event_the_alert_and_its_delivery_and_a_second_run_adds_nothing()
    {
        var data = new FileInfo(Path.Combine(Path.GetTempPath(), "monitoring-tests", $"monitor-{Guid.NewGuid():N}.db"));
        var options = new MonitorRunOptions(new DirectoryInfo(RepositoryPaths.Combine("seeds")), "http://127.0.0.1:0", data, Once: true);

        var first = await RunAsync(options);

        Assert.Contains("ingest   000_780a307ae76c99fd.txt → article", first, StringComparison.Ordinal);
        var eventTags = first.Split('\n').Single(line => line.Contains("countries:", StringComparison.Ordinal));
        Assert.All(SampleTopics, topic => Assert.Contains(topic, eventTags, StringComparison.Ordinal));
        Assert.Contains("countries: CHN RUS", eventTags, StringComparison.Ordinal);
        Assert.Single(first.Split('\n'), line => line.StartsWith("alert ", StringComparison.Ordinal) && line.Contains("China–Russia security and law enforcement", StringComparison.Ordinal));
        Assert.Single(first.Split('\n'), line => line.StartsWith("webhook  received alert", StringComparison.Ordinal));
        Assert.Contains("X-Api-Key: demo-analyst-key", first, StringComparison.Ordinal);

        var second = await RunAsync(options);

        Assert.Contains("already ingested", second, StringComparison.Ordinal);
        Assert.DoesNotContain("\nalert ", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_names_a_missing_seeds_folder_and_exits_non_zero()
    {
        var options = new MonitorRunOptions(new DirectoryInfo("/nonexistent/seeds"), "http://127.0.0.1:0", new FileInfo(Path.GetTempFileName()), Once: true);

        var exitCode = await MonitorHost.RunAsync(options, TextWriter.Null, TestContext.Current.CancellationToken);

        Assert.Equal(2, exitCode);
    }

    private static async Task<string> RunAsync(MonitorRunOptions options)
    {
        var output = new StringWriter();
        Assert.Equal(0, await MonitorHost.RunAsync(options, output, TestContext.Current.CancellationToken));
        return output.ToString();
    }
}
