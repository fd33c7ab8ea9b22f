using System.CommandLine;

namespace Monitoring.Monitor;

/// <summary><c>monitor run</c>: the whole pipeline in one process, seeded with the demo analyst and the articles in <c>seeds/</c>.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var seeds = new Option<DirectoryInfo>("--seeds")
        {
            Description = "Folder of articles (.txt, .html) and demo-subscription.json to ingest at start",
            DefaultValueFactory = _ => new DirectoryInfo("seeds"),
        };
        var urls = new Option<string>("--urls")
        {
            Description = "Where the HTTP API listens",
            DefaultValueFactory = _ => "http://127.0.0.1:5080",
        };
        var data = new Option<FileInfo>("--data")
        {
            Description = "SQLite database file name: each service keeps its own file beside it (monitoring.ingest.db, monitoring.classify.db, monitoring.alert.db for monitoring.db)",
            DefaultValueFactory = _ => new FileInfo(Path.Combine(".monitoring", "monitoring.db")),
        };
        var once = new Option<bool>("--once")
        {
            Description = "Exit once the seeds have flowed through, instead of serving until Ctrl+C",
        };

        var command = new Command("run", "Run ingest, classify and alert in one process on the in-memory bus with SQLite, ingest the seeds, print events and alerts")
        {
            seeds, urls, data, once,
        };
        command.SetAction((parse, cancellationToken) => MonitorHost.RunAsync(
            new MonitorRunOptions(parse.GetValue(seeds)!, parse.GetValue(urls)!, parse.GetValue(data)!, parse.GetValue(once)),
            Console.Out,
            cancellationToken));
        return command;
    }
}

public sealed record MonitorRunOptions(DirectoryInfo Seeds, string Urls, FileInfo Data, bool Once);
