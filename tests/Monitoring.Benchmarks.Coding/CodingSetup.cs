using System.Text.Json;
using Monitoring.Classify;
using Monitoring.Classify.Actors;
using Monitoring.Classify.Coding;
using Monitoring.Classify.Taxonomy;
using Monitoring.Ingest.Extraction;

namespace Monitoring.Benchmarks.Coding;

/// <summary>The classifier and coder as the classify service builds them, and the two corpora both modes measure.</summary>
public sealed class CodingSetup
{
    public const string EvalVariable = "MONITORING_EVAL_ARTICLES";

    public ArticleClassifier Classifier { get; }
    public EventCoder Coder { get; }

    public CodingSetup()
    {
        var data = Path.Combine(Root(), "services", "Classify", "Monitoring.Classify", "Data");
        var actors = ActorRecognizer.Load(Path.Combine(data, "countries.json"), Path.Combine(data, "actors.json"));
        Classifier = new ArticleClassifier(TopicTagger.Load(Path.Combine(data, "taxonomy.yaml")), actors);
        Coder = new EventCoder(
            CameoVerbDictionary.Load(Path.Combine(data, "cameo-verbs.txt"), Path.Combine(data, "cameo-verbs-extra.txt")),
            CameoCodebook.Load(Path.Combine(data, "cameo-codes.tsv")),
            new RecognizedActorFinder(actors),
            CodingLanguages.Load(Path.Combine(data, "coding")));
    }

    /// <summary>The real web articles of the extraction evaluation (ground-truth main text), when the variable names their folder.</summary>
    public static bool HasEvalArticles => Directory.Exists(Environment.GetEnvironmentVariable(EvalVariable));

    public static string[] EvalArticles() =>
        Directory.EnumerateFiles(Environment.GetEnvironmentVariable(EvalVariable)!, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path => JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("ground_truth").GetProperty("main_content").GetString() ?? "")
            .Where(text => text.Length > 0)
            .ToArray();

    public static string SampleArticle() =>
        new ArticleExtractor().Extract(new() { Text = File.ReadAllText(Path.Combine(Root(), "seeds", "000_780a307ae76c99fd.txt")) }).Text;

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Monitoring.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("Monitoring.sln not found above " + AppContext.BaseDirectory);
    }
}
