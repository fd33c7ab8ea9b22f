using System.Text.Json;
using Monitoring.Monitor;

namespace Monitoring.Monitor.Tests.Commands;

public sealed class ClassifyCommandTests
{
    private static (int Exit, List<JsonElement> Results, string Errors) Run(string[] paths, string stdin = "", FileInfo? taxonomy = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = ClassifyCommand.Run(paths, taxonomy, null, compact: true, new StringReader(stdin), output, error);
        var results = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        return (exit, results, error.ToString());
    }

    [Fact]
    public void Prints_topics_with_evidence_and_entities_with_mentions_and_names_a_missing_file()
    {
        var sample = RepositoryPaths.Combine("seeds", "000_780a307ae76c99fd.txt");
        var text = File.ReadAllText(sample);

        var (exit, results, errors) = Run([sample, "no-such-article.txt"]);

        Assert.Equal(1, exit);
        Assert.Contains("no-such-article.txt: no such file", errors, StringComparison.Ordinal);
        var result = Assert.Single(results);
        var topics = result.GetProperty("topics").EnumerateArray().ToList();
        Assert.Contains(topics, t => t.GetProperty("id").GetString() == "law-enforcement");
        foreach (var topic in topics)
        {
            var evidence = topic.GetProperty("evidence").EnumerateArray().ToList();
            Assert.Equal(topic.GetProperty("score").GetDouble(), evidence.Sum(e => e.GetProperty("weight").GetDouble()));
            Assert.All(evidence, e => Assert.Equal(e.GetProperty("text").GetString(), text[e.GetProperty("start").GetInt32()..e.GetProperty("end").GetInt32()]));
        }

        var shoigu = result.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "Sergei Shoigu");
        Assert.Equal("person", shoigu.GetProperty("type").GetString());
        Assert.Equal("RUS", shoigu.GetProperty("code").GetString());
        Assert.True(shoigu.GetProperty("mentions").GetArrayLength() >= 2);
    }

    [Fact]
    public void Prints_the_cameo_events_of_the_text_with_their_sentence_as_evidence()
    {
        const string text = "Russian police arrested two Chinese nationals in Moscow. The foreign ministers of France and Germany met in Paris on Monday.";

        var (exit, results, _) = Run(["-"], text);

        Assert.Equal(0, exit);
        var events = results[0].GetProperty("events").EnumerateArray().ToList();
        var meetings = events.Where(e => e.GetProperty("root").GetString() == "04").ToList();

        // A compound subject that met: both directions, as CAMEO codes it.
        Assert.Equal(["DEU→FRA", "FRA→DEU"], meetings.Select(e => $"{e.GetProperty("source").GetProperty("code").GetString()}→{e.GetProperty("target").GetProperty("code").GetString()}").Order());
        Assert.All(meetings, m => Assert.Equal(text[m.GetProperty("sentenceStart").GetInt32()..m.GetProperty("sentenceEnd").GetInt32()], m.GetProperty("sentence").GetString()));
        Assert.All(meetings, m => Assert.Equal("met", text[m.GetProperty("triggerStart").GetInt32()..m.GetProperty("triggerEnd").GetInt32()]));
        Assert.All(events, e => Assert.Equal(e.GetProperty("root").GetString(), e.GetProperty("cameo").GetString()![..2]));
    }

    [Fact]
    public void A_dash_reads_standard_input()
    {
        var (exit, results, _) = Run(["-"], "Interpol and Europol police arrested members of a money laundering network; organised crime investigators seized cash.");

        Assert.Equal(0, exit);
        Assert.Equal("-", results[0].GetProperty("input").GetString());
        Assert.Contains(results[0].GetProperty("entities").EnumerateArray(), e => e.GetProperty("code").GetString() == "INTERPOL");
        Assert.Contains(results[0].GetProperty("topics").EnumerateArray(), t => t.GetProperty("id").GetString() == "transnational-crime");
    }

    [Fact]
    public void A_bad_taxonomy_is_reported_with_its_line()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "version: 1\ntopics:\n  - id: a\n    threshold: 0\n    terms: { x: 1 }\n");

        var (exit, results, errors) = Run(["-"], "text", new FileInfo(path));

        Assert.Equal(2, exit);
        Assert.Empty(results);
        Assert.Contains($"{path}:4: topic 'a': threshold must be positive", errors, StringComparison.Ordinal);
    }
}
