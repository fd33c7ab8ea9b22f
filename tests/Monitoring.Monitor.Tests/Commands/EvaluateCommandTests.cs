using System.Text.Json;
using Monitoring.Monitor;

namespace Monitoring.Monitor.Tests.Commands;

public sealed class EvaluateCommandTests
{
    [Fact]
    public void Analysts_verdicts_score_the_taxonomy_relevant_keeps_its_topics_not_relevant_wants_none()
    {
        var path = Path.Combine(Path.GetTempPath(), $"verdicts-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new object[]
        {
            new
            {
                alertId = "al1", articleId = "a1", title = "US imposes new sanctions on Iran's oil exports", language = "en", relevant = true,
                text = "The Treasury targeted tankers that carry Iranian crude. Tehran condemned the sanctions.", topics = new[] { "sanctions" },
            },
            new
            {
                alertId = "al2", articleId = "a2", title = "EU adopts sanctions on Russian banks", language = "en", relevant = false,
                text = "The new sanctions package freezes assets of three banks. Moscow said it would retaliate.", topics = new[] { "sanctions" },
            },
            new { alertId = "al3", articleId = "a3", title = "Old story", relevant = true, topics = new[] { "sanctions" } },
        }));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = EvaluateCommand.Run(new FileInfo(path), null, verbose: true, output, error, feedback: true);

        var lines = output.ToString();
        Assert.Equal(0, exit);
        Assert.Contains("3 verdicts (2 relevant); 1 without text left out", lines, StringComparison.Ordinal);
        Assert.Matches(@"sanctions\s+0\.50\s+1\.00\s+0\.67\s+1\s+1\s+0", lines);
        Assert.Contains("irrelevant articles with any topic: 1 of 1", lines, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_an_export_is_named_without_a_stack_trace()
    {
        var path = Path.Combine(Path.GetTempPath(), $"verdicts-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\"not\": \"a list\"}");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = EvaluateCommand.Run(new FileInfo(path), null, verbose: false, output, error, feedback: true);

        Assert.Equal(2, exit);
        Assert.Contains("not a feedback export", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }
}
