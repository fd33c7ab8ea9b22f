using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace Monitoring.Monitor;

/// <summary>
/// <c>monitor evaluate FILE.jsonl</c>: tags a labelled set (one <c>{"id","title","text","topics":[…]}</c> per line) and
/// prints precision, recall and F1 over (article, topic) pairs, per topic, and how many irrelevant articles got a topic.
/// <c>monitor evaluate --feedback verdicts.json</c> takes the analysts' verdicts (<c>GET /api/feedback</c>) as the
/// labels instead: a story found relevant should keep the topics it was alerted with, one found not relevant should get none.
/// </summary>
public static class EvaluateCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Labelled articles, JSON Lines" };
        var taxonomy = new Option<FileInfo?>("--taxonomy") { Description = "Taxonomy to evaluate instead of the shipped one" };
        var verbose = new Option<bool>("--verbose") { Description = "List every wrong or missing tag" };
        var language = new Option<string?>("--lang") { Description = "Only the articles of this language (en, fr, ...)" };
        var feedback = new Option<bool>("--feedback") { Description = "FILE is an export of analysts' verdicts (GET /api/feedback), not a labelled set" };
        var command = new Command("evaluate", "Precision and recall of topic tagging on a labelled set or on analysts' verdicts") { file, taxonomy, verbose, feedback, language };
        command.SetAction((parse, _) => Task.FromResult(Run(
            parse.GetValue(file)!, parse.GetValue(taxonomy), parse.GetValue(verbose), Console.Out, Console.Error, parse.GetValue(feedback), parse.GetValue(language))));
        return command;
    }

    public static int Run(FileInfo file, FileInfo? taxonomy, bool verbose, TextWriter output, TextWriter error, bool feedback = false, string? language = null)
    {
        if (!file.Exists)
        {
            error.WriteLine($"monitor evaluate: {file.FullName}: no such file");
            return 1;
        }

        Monitoring.Classify.ArticleClassifier classifier;
        try
        {
            classifier = ClassifyCommand.Load(taxonomy, null);
        }
        catch (Exception exception) when (exception is Monitoring.Classify.Taxonomy.TaxonomyException or IOException)
        {
            error.WriteLine($"monitor evaluate: {exception.Message}");
            return 2;
        }
        List<Labelled> items;
        try
        {
            items = feedback ? FromVerdicts(file, output) : File.ReadLines(file.FullName).Where(l => l.Trim().Length > 0).Select(l => JsonSerializer.Deserialize<Labelled>(l, Json)!).ToList();
        }
        catch (JsonException exception)
        {
            error.WriteLine($"monitor evaluate: {file.FullName}: not {(feedback ? "a feedback export (a JSON array from GET /api/feedback)" : "JSON Lines of labelled articles")}: {exception.Message}");
            return 2;
        }

        if (language is not null) items = items.Where(i => string.Equals(i.Lang, language, StringComparison.OrdinalIgnoreCase)).ToList();
        var perTopic = new SortedDictionary<string, (int Tp, int Fp, int Fn)>(StringComparer.Ordinal);
        int articles = 0, irrelevant = 0, irrelevantTagged = 0;
        foreach (var item in items)
        {
            articles++;
            var predicted = classifier.Classify(item.Title, item.Text).Topics.Select(t => t.Id).ToHashSet();
            var expected = item.Topics.ToHashSet();
            if (expected.Count == 0)
            {
                irrelevant++;
                if (predicted.Count > 0) irrelevantTagged++;
            }

            foreach (var topic in predicted.Union(expected))
            {
                var (tp, fp, fn) = perTopic.GetValueOrDefault(topic);
                var hit = predicted.Contains(topic);
                var wanted = expected.Contains(topic);
                perTopic[topic] = (tp + (hit && wanted ? 1 : 0), fp + (hit && !wanted ? 1 : 0), fn + (!hit && wanted ? 1 : 0));
                if (verbose && hit != wanted) output.WriteLine($"  {(hit ? "extra  " : "missing")} {topic,-24} {item.Id} [{item.Lang}] {item.Title}");
            }
        }

        var total = (Tp: perTopic.Values.Sum(v => v.Tp), Fp: perTopic.Values.Sum(v => v.Fp), Fn: perTopic.Values.Sum(v => v.Fn));
        output.WriteLine($"{articles} articles ({articles - irrelevant} relevant, {irrelevant} irrelevant), {total.Tp + total.Fn} expected tags");
        output.WriteLine($"{"topic",-24} {"P",6} {"R",6} {"F1",6}   tp  fp  fn");
        foreach (var (topic, (tp, fp, fn)) in perTopic) output.WriteLine(Row(topic, tp, fp, fn));
        output.WriteLine(Row("micro-average", total.Tp, total.Fp, total.Fn));
        output.WriteLine($"irrelevant articles with any topic: {irrelevantTagged} of {irrelevant}");
        return 0;
    }

    private static string Row(string name, int tp, int fp, int fn)
    {
        var p = tp + fp == 0 ? 1 : (double)tp / (tp + fp);
        var r = tp + fn == 0 ? 1 : (double)tp / (tp + fn);
        var f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return string.Create(CultureInfo.InvariantCulture, $"{name,-24} {p,6:0.00} {r,6:0.00} {f,6:0.00} {tp,4} {fp,3} {fn,3}");
    }

    // A verdict is a label: relevant keeps the topics it was alerted with, not relevant wants none. Without its text (the
    // article is no longer kept) it cannot be classified again and is left out.
    private static List<Labelled> FromVerdicts(FileInfo file, TextWriter output)
    {
        var verdicts = JsonSerializer.Deserialize<List<Verdict>>(File.ReadAllText(file.FullName), Json) ?? [];
        var usable = verdicts.Where(v => !string.IsNullOrWhiteSpace(v.Text)).ToList();
        output.WriteLine($"{verdicts.Count} verdicts ({verdicts.Count(v => v.Relevant)} relevant); {verdicts.Count - usable.Count} without text left out");
        return usable.Select(v => new Labelled(v.AlertId, v.Language, v.Title, v.Text!, v.Relevant ? v.Topics : [])).ToList();
    }

    private sealed record Labelled(string Id, string? Lang, string? Title, string Text, List<string> Topics);

    private sealed record Verdict(string AlertId, string? Title, string? Text, string? Language, List<string> Topics, bool Relevant);
}
