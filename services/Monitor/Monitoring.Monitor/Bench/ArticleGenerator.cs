using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Monitoring.Monitor.Bench;

/// <summary>One article the bench posts. A copy repeats an earlier article: exactly (same URL, a resubmission) or as a rewrite (another outlet, new headline).</summary>
public sealed record BenchArticle(int Index, string Language, string Topic, string Title, string Text, string Url, string Source, int? CopyOf, bool ExactCopy);

/// <summary>
/// Varied news-like articles assembled from the templates in <c>Bench/bench-articles.json</c>: four languages by weight,
/// six topic families, two countries each, 3 to 40 sentences (about 0.3 to 6 KB), and a share of exact and rewritten
/// copies. Deterministic for a seed. Every article carries the agency's name in its dateline, so one subscription
/// (keyword <see cref="Agency"/>) matches them all.
/// </summary>
public sealed class ArticleGenerator
{
    private readonly Templates _templates;
    private readonly string[] _languages;
    private readonly int[] _weights;

    private ArticleGenerator(Templates templates)
    {
        _templates = templates;
        _languages = [.. templates.Languages.Keys];
        _weights = [.. templates.Languages.Values.Select(l => l.Weight)];
    }

    public string Agency => _templates.Agency;

    public static ArticleGenerator Load(string? path = null)
    {
        path ??= Path.Combine(AppContext.BaseDirectory, "Bench", "bench-articles.json");
        using var file = File.OpenRead(path);
        return new ArticleGenerator(JsonSerializer.Deserialize<Templates>(file, JsonSerializerOptions.Web) ?? throw new InvalidDataException($"{path} is empty"));
    }

    public IReadOnlyList<BenchArticle> Generate(int count, double copyShare, int seed)
    {
        var random = new Random(seed);
        var articles = new List<BenchArticle>(count);
        for (var i = 0; i < count; i++)
        {
            if (articles.Count > 10 && random.NextDouble() < copyShare)
            {
                var original = articles[random.Next(articles.Count)];
                while (original.CopyOf is { } earlier) original = articles[earlier];
                articles.Add(random.NextDouble() < 0.5 ? original with { Index = i, CopyOf = original.Index, ExactCopy = true } : Rewrite(random, original, i));
                continue;
            }

            articles.Add(Article(random, i));
        }

        return articles;
    }

    private BenchArticle Article(Random random, int index)
    {
        var language = Pick(random);
        var templates = _templates.Languages[language];
        var topic = templates.Sentences.Keys.Where(k => k != "filler").ElementAt(random.Next(templates.Sentences.Count - 1));
        var slots = Slots(random, language);
        var sentences = SentenceCount(random);
        var text = new StringBuilder();
        text.Append(Fill(templates.Dateline, slots)).Append(' ');
        for (var s = 0; s < sentences; s++)
        {
            var roll = random.NextDouble();
            var family = roll < 0.6 ? topic : roll < 0.8 ? templates.Sentences.Keys.ElementAt(random.Next(templates.Sentences.Count)) : "filler";
            var choices = templates.Sentences[family];

            // Each sentence draws its own partner country, person and number: articles on one topic share templates, not text.
            Refresh(random, language, slots);
            text.Append(Fill(choices[random.Next(choices.Count)], slots));
            text.Append(s % 4 == 3 ? "\n\n" : " ");
        }

        var headlines = templates.Headlines[topic];
        return new BenchArticle(index, language, topic, Fill(headlines[random.Next(headlines.Count)], slots), text.ToString().Trim(),
            $"https://news{random.Next(1, 40)}.bench.example/{language}/{topic}/{index}", $"outlet-{random.Next(1, 40)}", null, false);
    }

    /// <summary>Another outlet's version of a story: new headline, new URL, the same body but for one sentence.</summary>
    private BenchArticle Rewrite(Random random, BenchArticle original, int index)
    {
        var templates = _templates.Languages[original.Language];
        var headlines = templates.Headlines[original.Topic];
        var slots = Slots(random, original.Language);
        var filler = templates.Sentences["filler"];
        return original with
        {
            Index = index,
            Title = Fill(headlines[random.Next(headlines.Count)], slots),
            Text = original.Text + " " + Fill(filler[random.Next(filler.Count)], slots),
            Url = $"https://copy{random.Next(1, 40)}.bench.example/{index}",
            Source = $"outlet-{random.Next(40, 80)}",
            CopyOf = original.Index,
            ExactCopy = false,
        };
    }

    /// <summary>Mostly short and medium articles, a long tail of long ones: 3 to 40 sentences, median about 10.</summary>
    private static int SentenceCount(Random random) => Math.Clamp((int)Math.Round(Math.Exp(1.2 + random.NextDouble() * 2.5)), 3, 40);

    private string Pick(Random random)
    {
        var roll = random.Next(_weights.Sum());
        for (var i = 0; i < _weights.Length; i++)
        {
            if ((roll -= _weights[i]) < 0) return _languages[i];
        }

        return _languages[0];
    }

    private void Refresh(Random random, string language, Dictionary<string, string> slots)
    {
        var b = _templates.Countries[random.Next(_templates.Countries.Count)];
        if (b.Name(language) == slots["A"]) return;
        (slots["B"], slots["Badj"], slots["Bcap"]) = (b.Name(language), b.Adj, b.Capital);
        slots["person"] = Any(random, _templates.People.First) + " " + Any(random, _templates.People.Last);
        slots["n"] = random.Next(2, 500).ToString(CultureInfo.InvariantCulture);
    }

    private Dictionary<string, string> Slots(Random random, string language)
    {
        var a = _templates.Countries[random.Next(_templates.Countries.Count)];
        Country b;
        do b = _templates.Countries[random.Next(_templates.Countries.Count)];
        while (b == a);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["agency"] = _templates.Agency,
            ["A"] = a.Name(language), ["Aadj"] = a.Adj, ["Acap"] = a.Capital,
            ["B"] = b.Name(language), ["Badj"] = b.Adj, ["Bcap"] = b.Capital,
            ["topic"] = Any(random, _templates.Topics[language]),
            ["day"] = Any(random, _templates.Days[language]),
            ["month"] = Any(random, _templates.Months[language]),
            ["n"] = random.Next(2, 500).ToString(CultureInfo.InvariantCulture),
            ["person"] = Any(random, _templates.People.First) + " " + Any(random, _templates.People.Last),
        };
    }

    private static string Any(Random random, List<string> values) => values[random.Next(values.Count)];

    private static string Fill(string template, Dictionary<string, string> slots)
    {
        var text = new StringBuilder(template.Length + 64);
        for (var i = 0; i < template.Length; i++)
        {
            var close = template[i] == '{' ? template.IndexOf('}', i) : -1;
            if (close > i && slots.TryGetValue(template[(i + 1)..close], out var value))
            {
                text.Append(value);
                i = close;
            }
            else
            {
                text.Append(template[i]);
            }
        }

        if (text.Length > 0) text[0] = char.ToUpper(text[0], CultureInfo.InvariantCulture);
        return text.ToString();
    }

    private sealed record Templates(
        string Agency,
        IReadOnlyList<Country> Countries,
        Dictionary<string, LanguageTemplates> Languages,
        Dictionary<string, List<string>> Topics,
        Dictionary<string, List<string>> Days,
        Dictionary<string, List<string>> Months,
        People People);

    private sealed record People(List<string> First, List<string> Last);

    private sealed record LanguageTemplates(int Weight, string Dateline, Dictionary<string, List<string>> Headlines, Dictionary<string, List<string>> Sentences);

    private sealed record Country(string En, string Adj, string Capital, string Fr, string Es, string De)
    {
        public string Name(string language) => language switch { "fr" => Fr, "es" => Es, "de" => De, _ => En };
    }
}
