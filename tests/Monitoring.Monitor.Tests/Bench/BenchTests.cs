using Monitoring.Monitor;
using Monitoring.Monitor.Bench;
using Spectre.Console;
using Spectre.Console.Testing;

namespace Monitoring.Monitor.Tests.Bench;

/// <summary>
/// <c>monitor bench</c> and its article generator. Figures from these runs mean nothing (a tiny run on a shared test
/// machine); the tests check that every stage is seen and reported. The measured figures are in docs/benchmarks.md.
/// </summary>
public sealed class BenchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_generator_mixes_languages_topics_lengths_and_copies_and_repeats_itself_for_a_seed()
    {
        var generator = ArticleGenerator.Load();

        var articles = generator.Generate(600, 0.1, seed: 3);

        Assert.Equal(articles, generator.Generate(600, 0.1, seed: 3));
        Assert.True(articles.Select(a => a.Language).Distinct().Count() == 4, "four languages");
        Assert.True(articles.Select(a => a.Topic).Distinct().Count() >= 6, "six topic families");
        Assert.InRange(articles.Count(a => a.CopyOf is not null), 30, 90);
        Assert.Contains(articles, a => a is { CopyOf: not null, ExactCopy: true });
        Assert.Contains(articles, a => a is { CopyOf: not null, ExactCopy: false });
        Assert.True(articles.Min(a => a.Text.Length) < 600 && articles.Max(a => a.Text.Length) > 3000, "short and long articles");
        Assert.All(articles, a => Assert.Contains(generator.Agency, a.Text, StringComparison.Ordinal));
        Assert.Equal(articles.Count(a => a.CopyOf is null), articles.Where(a => a.CopyOf is null).Select(a => a.Text).Distinct().Count());
    }

    [Fact]
    public async Task An_embedded_run_sees_every_new_article_through_every_stage_and_reports_it()
    {
        var console = new TestConsole().Width(160);
        var options = new BenchOptions(BenchTarget.Embedded, 40, 0, 4, 0.1, 5, null, Floor: false, Warmup: false, [], TimeSpan.FromSeconds(120));

        var exitCode = await BenchCommand.RunAsync(options, console, Ct);

        Assert.Equal(0, exitCode);
        var output = console.Output;
        Assert.Contains("throughput (end to end)", output, StringComparison.Ordinal);
        Assert.Contains("post → webhook delivered", output, StringComparison.Ordinal);
        Assert.Contains("0 refused for load", output, StringComparison.Ordinal);
        Assert.DoesNotContain("n = 0", output, StringComparison.Ordinal);
        var newArticles = System.Text.RegularExpressions.Regex.Match(output, @"(\d+) new, ").Groups[1].Value;
        Assert.Matches($@"new articles/s through every stage \({newArticles} matched in", output);
    }

    [Fact]
    public async Task Monitor_run_ingests_a_folder_of_more_articles_than_any_rate_limit_allows_and_refuses_none()
    {
        var seeds = Directory.CreateTempSubdirectory("monitor-seeds-");
        File.Copy(RepositoryPaths.Combine("seeds", "demo-subscription.json"), Path.Combine(seeds.FullName, "demo-subscription.json"));
        foreach (var article in ArticleGenerator.Load().Generate(160, 0, seed: 11))
        {
            await File.WriteAllTextAsync(Path.Combine(seeds.FullName, $"{article.Index:0000}.txt"), article.Title + "\n\n" + article.Text, Ct);
        }

        var data = new FileInfo(Path.Combine(seeds.FullName, "monitoring.db"));
        var output = new StringWriter();
        Assert.Equal(0, await MonitorHost.RunAsync(new MonitorRunOptions(seeds, "http://127.0.0.1:0", data, Once: true), output, Ct));

        var lines = output.ToString().Split('\n');
        Assert.DoesNotContain(lines, line => line.Contains("refused", StringComparison.Ordinal));
        Assert.Equal(160, lines.Count(line => line.StartsWith("ingest ", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_services_run_reports_its_ratio_counted_by_articles_from_the_services_stage_totals()
    {
        var start = new DateTimeOffset(2026, 12, 4, 19, 0, 0, TimeSpan.Zero);
        var before = StageTotalsReader.Parse("""{"classify-article":{"consumed":300,"faulted":0,"lastAt":"2026-12-04T18:59:00Z"}}""").Single().Value;
        var matchedBefore = StageTotalsReader.Parse("""{"match-subscriptions":{"consumed":300,"faulted":0,"lastAt":"2026-12-04T18:59:00Z"},"deliver-alert":{"consumed":9,"faulted":0,"lastAt":"2026-12-04T18:59:00Z"}}""")["match-subscriptions"];
        var after = (new EndpointTotal(2300, 0, start.AddSeconds(4)), new EndpointTotal(2300, 0, start.AddSeconds(5)));
        var seen = Enum.GetValues<Stage>().ToDictionary(stage => stage, stage => stage is Stage.Alerted ? (1500L, 300.0) : (0L, 0.0));

        var stages = StageTotalsReader.Apply(seen, (before, matchedBefore), after, start);
        var result = new BenchResult("services", 2000, new PostResults(2000, 0, 0, 0, []), TimeSpan.FromSeconds(5), stages, [], [], new Dictionary<string, long>(),
            new Dictionary<string, TimeSpan>(), null, new FloorResult(new FloorPass(2000, TimeSpan.FromSeconds(2), [1.0]), [new FloorPass(2000, TimeSpan.FromSeconds(2), [1.0])]), "1 1 1", "1 1 1");

        Assert.Equal((2000L, 400.0), stages[Stage.Matched]);
        Assert.Equal((2000L, 500.0), stages[Stage.Classified]);
        var ratio = BenchReport.Lines(result, new BenchOptions(BenchTarget.Services, 2000, 0, 4, 0.1, 5, null, Floor: true, Warmup: false, [], TimeSpan.FromSeconds(120)))
            .Single(line => line.Measure == "pipeline / floor").Value;
        Assert.Equal("0.40× (articles through every stage); 0.30× (alerts)", ratio);
    }
}
