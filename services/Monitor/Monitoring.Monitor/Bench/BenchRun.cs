using System.Diagnostics;
using System.Text;
using Spectre.Console;

namespace Monitoring.Monitor.Bench;

/// <summary>What one bench run measured.</summary>
public sealed record BenchResult(
    string Target,
    int Articles,
    PostResults Posts,
    TimeSpan Elapsed,
    IReadOnlyDictionary<Stage, (long Count, double Rate)> Stages,
    double[] PostToAlertMs,
    double[] PostToDeliveryMs,
    IReadOnlyDictionary<string, long> MaxQueueDepths,
    IReadOnlyDictionary<string, TimeSpan> CpuPerArticle,
    ProcessMemory? Memory,
    FloorResult? Floor,
    string LoadBefore,
    string LoadAfter)
{
    /// <summary>The embedded pipeline's SQLite writes and the commits that held them over the run (null for the services).</summary>
    public (long Writes, long Commits)? Sqlite { get; init; }

    /// <summary>Alerts raised per second, from the first post to the last alert.</summary>
    public double Throughput => Stages[Stage.Alerted].Rate;

    /// <summary>
    /// New articles through every stage per second, from the first post to the last article matched: the figure that
    /// compares with the floor, which carries every new article's payload. Null where matching is not observed (services).
    /// </summary>
    public double? ArticleThroughput => Stages[Stage.Matched].Count > 0 ? Stages[Stage.Matched].Rate : null;

    public double? FloorRatio => Floor is null || Floor.Rate == 0 ? null : Throughput / Floor.Rate;

    public double? ArticleFloorRatio => Floor is null || Floor.Rate == 0 || ArticleThroughput is not { } rate ? null : rate / Floor.Rate;
}

/// <summary>Drives one pipeline with generated articles, samples its queues while they flow, then measures the broker floor.</summary>
public sealed class BenchRun(BenchOptions options, IAnsiConsole console)
{
    public async Task<BenchResult> RunAsync(CancellationToken cancellationToken)
    {
        var generator = ArticleGenerator.Load();
        var articles = generator.Generate(options.Articles, options.CopyShare, options.Seed);
        var clock = new StageClock();
        var loadBefore = LoadAverage();
        console.MarkupLine($"[grey]generated {articles.Count} articles ({articles.Count(a => a.CopyOf is not null)} copies; {string.Join(", ", articles.GroupBy(a => a.Language).Select(g => $"{g.Key} {g.Count()}"))}; {articles.Average(a => a.Text.Length) / 1024:0.0} KB on average)[/]");
        var result = await MeasurePipelineAsync(generator, articles, clock, loadBefore, cancellationToken);

        // After the pipeline has stopped, so that the floor has the cores and the broker to itself: a conservative floor.
        if (options.Floor && options.Broker is { } broker)
        {
            console.MarkupLine($"[grey]measuring the floor: the same payloads through three hops of plain RabbitMQ.Client, a warm-up pass and {FloorPasses} measured passes…[/]");
            var payloads = articles.Where(a => a.CopyOf is null).Select(a => Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new { title = a.Title, text = a.Text, url = a.Url, source = a.Source }))).ToList();
            result = result with { Floor = await BrokerFloor.MeasureBestAsync(broker, payloads, (ushort)16, 8, FloorPasses, FloorWarmupMessages, options.Timeout, cancellationToken) };
        }

        return result;
    }

    private const int FloorPasses = 3;
    private const int FloorWarmupMessages = 500;

    private async Task<BenchResult> MeasurePipelineAsync(ArticleGenerator generator, IReadOnlyList<BenchArticle> articles, StageClock clock, string loadBefore, CancellationToken cancellationToken)
    {
        await using var target = await StartAsync(clock, cancellationToken);
        console.MarkupLine($"[grey]{Markup.Escape(target.Description)}[/]");
        var driver = new BenchDriver(target, clock);
        await driver.SubscribeAsync(generator.Agency, cancellationToken);
        if (options.Warmup) await WarmUpAsync(target, driver, generator, clock, cancellationToken);

        var depths = new Dictionary<string, long>(StringComparer.Ordinal);
        using var sampling = new CancellationTokenSource();
        var sampler = SampleAsync(target, clock, depths, sampling.Token);
        var cpuBefore = target.CpuTimes();
        var memoryBefore = ProcessMemory.Now();
        var sqliteBefore = (target as EmbeddedTarget)?.SqliteWrites();
        var totalsBefore = target is ServicesTarget servicesBefore ? await servicesBefore.Stages.ReadAsync(cancellationToken) : default;
        var expected = articles.Count(a => a.CopyOf is null);
        PostResults posts = null!;
        await console.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var posted = progress.AddTask("posted", maxValue: articles.Count);
                var alerted = progress.AddTask("alerted", maxValue: expected);
                var delivered = progress.AddTask("delivered", maxValue: expected);
                var watch = Task.Run(async () =>
                {
                    while (!sampling.IsCancellationRequested)
                    {
                        alerted.Value = clock.Count(Stage.Alerted);
                        delivered.Value = clock.Count(Stage.Delivered);
                        await Task.Delay(200, CancellationToken.None);
                    }
                }, CancellationToken.None);
                posts = await driver.PostAsync(articles, options.Rate, options.Concurrency, done => posted.Value = done, cancellationToken);
                await SettleAsync(target, clock, cancellationToken);
                alerted.Value = alerted.MaxValue = clock.Count(Stage.Alerted);
                delivered.Value = delivered.MaxValue = Math.Max(clock.Count(Stage.Delivered), 1);
                await sampling.CancelAsync();
                await watch;
            });
        await sampler;

        IReadOnlyDictionary<Stage, (long, double)> stages = Enum.GetValues<Stage>().ToDictionary(stage => stage, stage => (clock.Count(stage), clock.Rate(stage)));
        if (target is ServicesTarget services)
        {
            // The first post on the services' clock (UTC, same machine): now minus the time since it.
            var start = DateTimeOffset.UtcNow - Stopwatch.GetElapsedTime(clock.Start);
            stages = StageTotalsReader.Apply(stages, totalsBefore, await services.Stages.ReadAsync(cancellationToken), start);
        }

        var cpuPerArticle = target.CpuTimes().ToDictionary(p => p.Key, p => (p.Value - cpuBefore.GetValueOrDefault(p.Key)) / Math.Max(1, posts.New));
        // Only the embedded pipeline allocates in this process; the services' allocations are theirs.
        var memory = target is EmbeddedTarget ? ProcessMemory.Now() - memoryBefore : null;
        var elapsed = clock.Elapsed(Stage.Alerted);
        var postToAlert = clock.Latencies(Stage.Posted, Stage.Alerted);
        var postToDelivery = clock.Latencies(Stage.Posted, Stage.Delivered);
        var loadAfter = LoadAverage();

        var sqlite = (target as EmbeddedTarget)?.SqliteWrites() is { } sqliteAfter && sqliteBefore is { } before
            ? (sqliteAfter.Writes - before.Writes, sqliteAfter.Commits - before.Commits)
            : ((long, long)?)null;
        return new BenchResult(target.Description, articles.Count, posts, elapsed, stages, postToAlert, postToDelivery, depths, cpuPerArticle, memory, null, loadBefore, loadAfter)
        {
            Sqlite = sqlite,
        };
    }

    private async Task<IBenchTarget> StartAsync(StageClock clock, CancellationToken cancellationToken) => options.Target switch
    {
        BenchTarget.Services => await ServicesTarget.StartAsync(
            options.Broker ?? throw new InvalidOperationException("--target services needs a broker: --rabbitmq amqp://user:password@host:port/vhost (or MONITORING_RABBITMQ_*)."),
            options.ServiceSettings, options.ServicesDirectory, clock, new ConsoleLog(console), cancellationToken),
        _ => await EmbeddedTarget.StartAsync(clock, cancellationToken),
    };

    /// <summary>A fresh process spends its first seconds in the JIT: a few hundred other articles first, then the clock restarts.</summary>
    private async Task WarmUpAsync(IBenchTarget target, BenchDriver driver, ArticleGenerator generator, StageClock clock, CancellationToken cancellationToken)
    {
        var warmup = generator.Generate(Math.Min(300, Math.Max(50, options.Articles / 10)), 0, options.Seed + 7919);
        console.MarkupLine($"[grey]warming up with {warmup.Count} other articles…[/]");
        await driver.PostAsync(warmup, 0, options.Concurrency, _ => { }, cancellationToken);
        await SettleAsync(target, clock, cancellationToken);
        clock.Reset();
    }

    /// <summary>Waits until nothing moves any more and every stage queue is empty, or the time is up.</summary>
    private async Task SettleAsync(IBenchTarget target, StageClock clock, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        var quiet = Stopwatch.StartNew();
        long[] Counts() => [.. Enum.GetValues<Stage>().Select(clock.Count)];
        var last = Counts();
        while (deadline.Elapsed < options.Timeout)
        {
            await Task.Delay(250, cancellationToken);
            var now = Counts();
            var depths = await target.QueueDepthsAsync(cancellationToken);
            var empty = depths.Count > 0 ? depths.Values.All(depth => depth == 0) : clock.Count(Stage.Classified) >= clock.Count(Stage.Ingested) && clock.Count(Stage.Matched) >= clock.Count(Stage.Classified);
            if (empty && target is ServicesTarget services)
            {
                // Alert may still hold messages it has taken from its queue: done when it matched all classify passed on.
                var (classified, matched) = await services.Stages.ReadAsync(cancellationToken);
                empty = matched.Consumed + matched.Faulted >= classified.Consumed;
            }

            if (!now.SequenceEqual(last) || !empty)
            {
                last = now;
                quiet.Restart();
            }
            else if (quiet.Elapsed > TimeSpan.FromSeconds(3))
            {
                return;
            }
        }
    }

    private static async Task SampleAsync(IBenchTarget target, StageClock clock, Dictionary<string, long> max, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var depths = await target.QueueDepthsAsync(CancellationToken.None);
            if (depths.Count == 0)
            {
                // In-process bus: what entered a stage and has not left it yet.
                depths = new Dictionary<string, long>
                {
                    ["classify (ingested, not classified)"] = clock.Count(Stage.Ingested) - clock.Count(Stage.Classified),
                    ["alert (classified, not matched)"] = Math.Max(0, clock.Count(Stage.Classified) - clock.Count(Stage.Matched)),
                };
            }

            foreach (var (queue, depth) in depths) max[queue] = Math.Max(max.GetValueOrDefault(queue), depth);
            try
            {
                await Task.Delay(500, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private sealed class ConsoleLog(IAnsiConsole console) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void WriteLine(string? value) => console.MarkupLine($"[grey]{Markup.Escape(value ?? "")}[/]");
    }
}
