using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Monitoring.Classify;
using Monitoring.Classify.Actors;
using Monitoring.Classify.Taxonomy;
using Monitoring.Classify.Text;

namespace Monitoring.Benchmarks.Classify;

/// <summary>
/// Articles per second and allocations per article: the full classification (tokenise once, topics with evidence,
/// actors with mentions) with the shipped taxonomy and with 1k, 10k and 100k synthetic rules added, beside a plain
/// multi-pattern scan of the same texts for the same phrases (<see cref="SearchValues{T}"/>: no tokens, no word
/// boundaries, no scoring — the floor) and tokenisation alone.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 8)]
public class ClassifyBenchmarks
{
    private string[] _articles = [];
    private ArticleClassifier _classifier = null!;
    private SearchValues<string> _phrases = null!;

    [Params(0, 1_000, 10_000, 100_000)]
    public int SyntheticRules { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = Path.Combine(AppContext.BaseDirectory, "Data");
        var corpus = Path.Combine(AppContext.BaseDirectory, "Corpus");
        _articles =
        [
            File.ReadAllText(Path.Combine(corpus, "000_780a307ae76c99fd.txt")),
            .. File.ReadLines(Path.Combine(corpus, "topic-evaluation.jsonl")).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!),
        ];

        var taxonomy = TaxonomyReader.Parse(File.ReadAllText(Path.Combine(data, "taxonomy.yaml")));
        taxonomy.Topics.AddRange(SyntheticTopics(SyntheticRules));
        var actors = ActorDictionary.Load(Path.Combine(data, "countries.json"), Path.Combine(data, "actors.json"));
        _classifier = new ArticleClassifier(new TopicTagger(taxonomy), new ActorRecognizer(actors, CountryContext.Load(Path.Combine(data, "countries.json"))));

        var phrases = taxonomy.Topics.SelectMany(t => t.Terms.Keys).Select(t => t.TrimEnd('*'))
            .Concat(actors.SelectMany(a => a.Aliases))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        _phrases = SearchValues.Create(phrases, StringComparison.OrdinalIgnoreCase);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 104)]
    public int PlainScan()
    {
        var found = 0;
        foreach (var article in _articles)
        {
            var text = article.AsSpan();
            int at;
            while ((at = text.IndexOfAny(_phrases)) >= 0)
            {
                found++;
                text = text[(at + 1)..];
            }
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = 104)]
    public int Tokenize()
    {
        var tokens = 0;
        foreach (var article in _articles) tokens += Tokenizer.Tokenize(article).Count;
        return tokens;
    }

    [Benchmark(OperationsPerInvoke = 104)]
    public int Classify()
    {
        var tags = 0;
        foreach (var article in _articles)
        {
            var result = _classifier.Classify(null, article);
            tags += result.Topics.Count + result.Actors.Mentions.Count;
        }

        return tags;
    }

    // Rules built from real words, so that many of them share first words with the text and are really looked up.
    private static IEnumerable<TopicDefinition> SyntheticTopics(int rules)
    {
        string[] words =
        [
            "security", "police", "minister", "talks", "cooperation", "border", "military", "court", "attack", "government", "trade", "meeting",
            "agreement", "forces", "capital", "president", "china", "russia", "foreign", "crime", "law", "state", "defence", "network",
            "alpha", "bravo", "delta", "echo", "harbour", "island", "kilo", "lima", "metro", "nova", "oscar", "quartz", "river", "sierra",
        ];
        var random = new Random(42);
        const int rulesPerTopic = 50;
        for (var t = 0; t * rulesPerTopic < rules; t++)
        {
            var topic = new TopicDefinition { Id = $"synthetic-{t}", Name = $"Synthetic {t}", Threshold = 1000 };
            for (var r = 0; r < rulesPerTopic && t * rulesPerTopic + r < rules; r++)
            {
                var length = 1 + random.Next(3);
                var phrase = string.Join(' ', Enumerable.Range(0, length).Select(_ => words[random.Next(words.Length)])) + $" x{t}r{r}";
                topic.Terms[phrase] = 1;
            }

            yield return topic;
        }
    }
}
