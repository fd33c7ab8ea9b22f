using System.Text.Json;
using Monitoring.Alert.Matching;
using Monitoring.Alert.Subscriptions;
using Monitoring.Contracts;

namespace Monitoring.Benchmarks.Alert;

/// <summary>
/// Subscriptions shaped like analysts write them — topic and country combinations, phrases, actors, CAMEO events,
/// exclusions, the shorthand lists — over the real taxonomy topics and gazetteer countries, with popular countries
/// chosen more often (Zipf-like), and the articles to match: the sample CGTN article and synthetic wire stories.
/// </summary>
public static class SubscriptionCorpus
{
    private static readonly string[] Topics = ["diplomacy", "security-cooperation", "law-enforcement", "counter-terrorism", "cybersecurity", "military"];
    private static readonly string[] Actors = ["sergei shoigu", "wang yi", "nato", "un security council", "european commission", "interpol", "iaea", "hamas", "wagner group", "asean"];
    private static readonly string[] Events = ["01", "02", "03", "036", "04", "042", "043", "05", "057", "06", "061", "07", "08", "09", "10", "11", "112", "12", "13", "138", "14", "15", "16", "17", "173", "18", "19", "190", "20"];
    private static readonly string[] Phrases =
    [
        "law enforcement", "transnational crime", "security cooperation", "border security", "drug trafficking", "arms control",
        "nuclear programme", "cyber attack", "ransomware", "extradition", "joint exercise", "peace talks", "ceasefire", "sanctions",
        "money laundering", "terrorist financing", "maritime security", "election interference", "critical infrastructure", "hostage",
    ];

    public static IReadOnlyList<string> Countries { get; } = LoadCountries();

    /// <summary>
    /// <paramref name="specific"/>: the shapes narrowed as analysts narrow them once alerts arrive — a topic-and-country
    /// rule also names the specific term it is about, an actor rule a country and an event type, a keyword rule ties its common
    /// phrase to a country, the shorthand always has keywords — so a subscription fires on a fraction of a percent of articles. Broad: the shapes as first written.
    /// </summary>
    public static List<CompiledSubscription> Create(int count, int seed = 42, bool specific = false)
    {
        var random = new Random(seed);
        var vocabulary = RareWords;
        var subscriptions = new List<CompiledSubscription>(count);
        for (var i = 0; i < count; i++)
        {
            var subscription = new Subscription
            {
                SubscriptionId = $"s{i:D6}",
                AnalystId = $"a{i % 5000}",
                Name = "benchmark",
                Topics = [],
                Countries = [],
                Keywords = [],
                CreatedAt = DateTimeOffset.UnixEpoch,
            };
            var roll = random.Next(100);
            subscription = roll switch
            {
                < 30 => subscription with { Query = $"(topic:{Any(random, Topics)} OR topic:{Any(random, Topics)}) AND (country:{Country(random)} OR country:{Country(random)})" + (specific ? $" AND \"{Any(random, vocabulary)}\"" : "") },
                < 45 => subscription with { Query = $"country:{Country(random)} AND \"{Any(random, Phrases)}\"" },
                < 55 when specific => subscription with { Query = $"\"{Any(random, vocabulary)}\" OR \"{Any(random, vocabulary)}\" OR (\"{Any(random, Phrases)}\" AND country:{Country(random)})" },
                < 55 => subscription with { Query = $"\"{Any(random, Phrases)}\" OR \"{Any(random, vocabulary)}\" OR \"{Any(random, vocabulary)}\"" },
                < 65 when specific => subscription with { Query = $"actor:\"{Any(random, Actors)}\" AND country:{Country(random)} AND event:{Any(random, Events)}" },
                < 65 => subscription with { Query = $"actor:\"{Any(random, Actors)}\" OR (actor:\"{Any(random, Actors)}\" AND country:{Country(random)})" },
                < 73 => subscription with { Query = $"topic:{Any(random, Topics)}>={random.Next(4, 15)} AND country:{Country(random)} AND NOT country:{Country(random)}" },
                < 81 => subscription with { Query = $"event:{Any(random, Events)} AND (country:{Country(random)} OR country:{Country(random)}) AND NOT lang:zh" },
                < 85 => subscription with { Query = $"quad:{random.Next(1, 5)} AND country:{Country(random)} AND source:{Any(random, ["cgtn", "tass", "reuters", "afp", "xinhua"])}" },
                _ => subscription with
                {
                    Topics = [Any(random, Topics)],
                    Countries = [Country(random), Country(random)],
                    Keywords = specific || random.Next(2) == 0 ? [Any(random, Phrases), Any(random, vocabulary)] : [],
                },
            };
            subscriptions.Add(CompiledSubscription.Compile(subscription));
        }

        return subscriptions;
    }

    /// <summary>The sample article as classify tags it, then synthetic wire stories of the same size with other facts.</summary>
    public static List<MatchableArticle> Articles(int count, int seed = 7)
    {
        var random = new Random(seed);
        var sample = File.ReadAllText(Path.Combine(RepositoryRoot(), "seeds", "000_780a307ae76c99fd.txt"));
        var common = CommonWords(sample);
        var articles = new List<MatchableArticle>
        {
            new("The 9th meeting of the China-Russia law-enforcement and security cooperation mechanism", sample,
                [Topic("security-cooperation", 16), Topic("law-enforcement", 14), Topic("diplomacy", 10)], ["CHN", "RUS"], "cgtn", "en",
                [new MatchableActor("Wang Xiaohong"), new MatchableActor("Vladimir Kolokoltsev")], ["042", "057"]),
        };
        while (articles.Count < count)
        {
            var words = Enumerable.Range(0, 600).Select(_ => random.Next(1000) switch { 0 => Any(random, Phrases), < 25 => Any(random, RareWords), _ => Any(random, common) });
            articles.Add(new MatchableArticle(
                string.Join(' ', Enumerable.Range(0, 10).Select(_ => Any(random, common))),
                string.Join(' ', words),
                Enumerable.Range(0, random.Next(1, 4)).Select(_ => Topic(Any(random, Topics), random.Next(4, 20))).DistinctBy(t => t.Id),
                Enumerable.Range(0, random.Next(1, 5)).Select(_ => Country(random)).Distinct(),
                Any(random, ["cgtn", "tass", "reuters", "afp", "xinhua"]),
                Any(random, ["en", "en", "en", "fr", "ru", "zh"]),
                Enumerable.Range(0, random.Next(0, 3)).Select(_ => new MatchableActor(Any(random, Actors))),
                Enumerable.Range(0, random.Next(0, 4)).Select(_ => Any(random, Events))));
        }

        return articles;
    }

    private static TopicScore Topic(string id, double score) => new() { Id = id, Score = score };

    /// <summary>Popular countries far more often than the rest, as in the news: the index of a uniform draw squared.</summary>
    private static string Country(Random random)
    {
        string[] popular = ["USA", "CHN", "RUS", "UKR", "ISR", "IRN", "GBR", "FRA", "DEU", "IND", "PRK", "TUR", "SYR", "JPN", "PAK"];
        return random.Next(3) == 0 ? popular[(int)(Math.Pow(random.NextDouble(), 2) * popular.Length)] : Countries[random.Next(Countries.Count)];
    }

    private static T Any<T>(Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];

    /// <summary>Words keyword subscriptions name: specific terms, each rare in the news (an article has a handful of them).</summary>
    private static readonly List<string> RareWords = Enumerable.Range(0, 5000).Select(i => $"term{i}").ToList();

    /// <summary>Everyday words of the sample article, which the synthetic articles are mostly made of.</summary>
    private static List<string> CommonWords(string sample) => MatchableArticle.Words(sample).Distinct().ToList();

    private static List<string> LoadCountries()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "services", "Classify", "Monitoring.Classify", "Data", "countries.json")));
        return json.RootElement.GetProperty("countries").EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToList();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Monitoring.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException("Run from inside the repository: Monitoring.sln not found above " + AppContext.BaseDirectory);
    }
}
