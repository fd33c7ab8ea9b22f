using System.CommandLine;
using Spectre.Console;

namespace Monitoring.Monitor.Bench;

/// <summary><c>monitor bench</c>: drives a pipeline with generated articles and reports throughput, latency, stage rates, queue depths and the broker floor.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var target = new Option<BenchTarget>("--target") { Description = "embedded (the one-process host) or services (the three service processes over RabbitMQ)", DefaultValueFactory = _ => BenchTarget.Embedded };
        var articles = new Option<int>("--articles", "-n") { Description = "Articles to post, copies included", DefaultValueFactory = _ => 2000 };
        var rate = new Option<double>("--rate") { Description = "Articles per second; 0 posts flat out", DefaultValueFactory = _ => 0 };
        var concurrency = new Option<int>("--concurrency") { Description = "Posts in flight at once", DefaultValueFactory = _ => 16 };
        var copies = new Option<double>("--copies") { Description = "Share of posts that repeat an earlier article (half exact resubmissions, half rewrites by another outlet)", DefaultValueFactory = _ => 0.08 };
        var seed = new Option<int>("--seed") { Description = "Seed of the article generator", DefaultValueFactory = _ => 12 };
        var rabbit = new Option<string?>("--rabbitmq") { Description = "amqp://user:password@host:port/vhost; default: the MONITORING_RABBITMQ_* variables. Needed for --target services and the floor" };
        var noFloor = new Option<bool>("--no-floor") { Description = "Skip the raw RabbitMQ 3-hop floor" };
        var noWarmup = new Option<bool>("--no-warmup") { Description = "Measure a cold pipeline (no warm-up articles first)" };
        var set = new Option<string[]>("--set") { Description = "KEY=VALUE setting for every service process, e.g. Messaging:Endpoints:classify-article:ConcurrentMessageLimit=4", AllowMultipleArgumentsPerToken = false };
        var servicesDir = new Option<DirectoryInfo?>("--services-dir") { Description = "Published services to run (DIR/Ingest, DIR/Classify, DIR/Alert), e.g. ReadyToRun builds, instead of their build output" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the pipeline to drain", DefaultValueFactory = _ => 300 };

        var command = new Command("bench", "Load a pipeline with generated articles; report throughput, post→alert latency, stage rates, queue depths and the raw-broker floor")
        {
            target, articles, rate, concurrency, copies, seed, rabbit, noFloor, noWarmup, set, servicesDir, timeout,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var address = parse.GetValue(rabbit) is { Length: > 0 } uri ? BrokerAddress.Parse(uri) : BrokerAddress.FromEnvironment();
            var options = new BenchOptions(parse.GetValue(target), parse.GetValue(articles), parse.GetValue(rate), parse.GetValue(concurrency), parse.GetValue(copies),
                parse.GetValue(seed), address, !parse.GetValue(noFloor), !parse.GetValue(noWarmup), parse.GetValue(set) ?? [], TimeSpan.FromSeconds(parse.GetValue(timeout)), parse.GetValue(servicesDir));
            return await RunAsync(options, AnsiConsole.Console, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(BenchOptions options, IAnsiConsole console, CancellationToken cancellationToken)
    {
        if (options.Articles < 1 || options.Concurrency < 1 || options.Rate < 0 || options.CopyShare is < 0 or >= 1)
        {
            console.MarkupLine("[red]monitor bench: --articles and --concurrency must be at least 1, --rate at least 0, --copies between 0 and 1.[/]");
            return 2;
        }

        try
        {
            var result = await new BenchRun(options, console).RunAsync(cancellationToken);
            BenchReport.Write(result, options, console);
            return result.Stages[Stage.Alerted].Count == 0 ? 1 : 0;
        }
        catch (Exception exception) when (exception is InvalidOperationException or FileNotFoundException or DirectoryNotFoundException or TimeoutException or RabbitMQ.Client.Exceptions.BrokerUnreachableException)
        {
            console.MarkupLine($"[red]monitor bench: {Markup.Escape(exception.Message)}[/]");
            return 2;
        }
    }
}
