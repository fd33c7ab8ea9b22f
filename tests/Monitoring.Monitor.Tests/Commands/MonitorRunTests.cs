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
    public async Task Each_service_keeps_its_tables_and_its_outbox_in_a_file_of_its_own()
    {
        var data = new FileInfo(Path.Combine(Path.GetTempPath(), "monitoring-tests", $"monitor-{Guid.NewGuid():N}", "monitoring.db"));

        await RunAsync(new MonitorRunOptions(new DirectoryInfo(RepositoryPaths.Combine("seeds")), "http://127.0.0.1:0", data, Once: true));

        var tables = MonitorHost.DatabaseFiles(data).Select(file => (file.Name, Tables: TablesOf(file))).ToList();
        Assert.Equal(["monitoring.ingest.db", "monitoring.classify.db", "monitoring.alert.db"], tables.Select(t => t.Name));
        Assert.All(tables, file => Assert.All(file.Tables, table => Assert.StartsWith(file.Name.Split('.')[1] + "_", table, StringComparison.Ordinal)));
        Assert.Contains("ingest_articles", tables[0].Tables);
        Assert.Contains("ingest_outbox", tables[0].Tables);
        Assert.Contains("classify_outbox", tables[1].Tables);
        Assert.Contains("alert_outbox", tables[2].Tables);
        Assert.False(data.Exists, "no shared file beside the three");
    }

    private static List<string> TablesOf(FileInfo file)
    {
        Assert.True(file.Exists, $"{file.FullName} exists");
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file.FullName};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
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
