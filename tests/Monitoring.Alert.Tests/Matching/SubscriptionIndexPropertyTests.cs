using Monitoring.Alert.Matching;
using Monitoring.Alert.Matching.Language;
using Monitoring.Alert.Subscriptions;
using Monitoring.Contracts;

namespace Monitoring.Alert.Tests.Matching;

/// <summary>
/// The index is an optimisation only: for random subscriptions (nested AND/OR/NOT over every field, phrases, scores,
/// the shorthand lists) and random articles, it returns exactly the subscriptions that evaluating each one returns.
/// </summary>
public sealed class SubscriptionIndexPropertyTests
{
    private static readonly string[] Topics = ["diplomacy", "security-cooperation", "law-enforcement", "terrorism", "cybersecurity", "sanctions"];
    private static readonly string[] Countries = ["CHN", "RUS", "USA", "FRA", "IRN", "UKR"];
    private static readonly string[] Words = ["police", "minister", "treaty", "attack", "talks", "border", "crime", "summit"];
    private static readonly string[] Actors = ["sergei shoigu", "nato", "un security council", "wang yi"];
    private static readonly string[] Events = ["042", "043", "061", "0431", "112", "173", "190", "036"];
    private static readonly string[] Sources = ["cgtn", "tass", "reuters"];
    private static readonly string[] Languages = ["en", "ru", "zh"];
    private static readonly (string Name, double Latitude, double Longitude)[] Places = [("Kharkiv", 49.98, 36.25), ("Kyiv", 50.45, 30.52), ("Vladivostok", 43.1, 131.9), ("Suva", -18.14, 178.44)];
    private static readonly int[] Radii = [30, 100, 400, 1500];

    [Fact]
    public void The_index_returns_exactly_what_evaluating_every_subscription_returns()
    {
        var random = new Random(20240516);
        var subscriptions = Enumerable.Range(0, 400).Select(i => CompiledSubscription.Compile(RandomSubscription(random, i))).ToList();
        var index = new SubscriptionIndex(subscriptions);

        // Changes as the API makes them: some replaced, some removed.
        for (var i = 0; i < 60; i++)
        {
            var replaced = CompiledSubscription.Compile(RandomSubscription(random, random.Next(subscriptions.Count)));
            subscriptions[subscriptions.FindIndex(s => s.Subscription.SubscriptionId == replaced.Subscription.SubscriptionId)] = replaced;
            index.Upsert(replaced);
        }

        foreach (var removed in subscriptions.Where((_, i) => i % 17 == 0).ToList())
        {
            subscriptions.Remove(removed);
            index.Remove(removed.Subscription.SubscriptionId);
        }

        var articles = Enumerable.Range(0, 500).Select(_ => RandomArticle(random)).ToList();
        var matchedSomething = 0;
        foreach (var article in articles)
        {
            var expected = subscriptions.Where(s => s.Matches(article)).Select(s => s.Subscription.SubscriptionId).Order().ToList();
            var actual = index.Match(article).Select(s => s.Subscription.SubscriptionId).Order().ToList();
            Assert.Equal(expected, actual);
            if (expected.Count > 0) matchedSomething++;
        }

        // The property is only worth something if the cases exercise matches, not just empty results.
        Assert.InRange(matchedSomething, 250, 500);
        Assert.Equal(subscriptions.Count, index.Count);

        // Rebuilt as the catalog reloads it, the index files subscriptions by the key frequencies it has now observed
        // (other filing keys and guards than the prior chose); it must still return exactly the same.
        var rebuilt = new SubscriptionIndex(subscriptions, index.Frequencies);
        Assert.True(index.Frequencies.ArticlesObserved >= 500);
        foreach (var article in articles)
        {
            var expected = subscriptions.Where(s => s.Matches(article)).Select(s => s.Subscription.SubscriptionId).Order().ToList();
            Assert.Equal(expected, rebuilt.Match(article).Select(s => s.Subscription.SubscriptionId).Order().ToList());
        }
    }

    [Fact]
    public void Key_frequencies_learned_from_articles_replace_the_prior()
    {
        var frequencies = new KeyFrequencies();
        var priorForWord = frequencies.Estimate("w:security");
        for (var i = 0; i < 200; i++)
        {
            frequencies.Observe(new MatchableArticle("security", "talks", [], [i % 10 == 0 ? "RUS" : "CHN"], "cgtn", "en"));
        }

        Assert.InRange(frequencies.Estimate("w:security"), 0.9, 1.0);
        Assert.True(frequencies.Estimate("w:security") > priorForWord);
        Assert.InRange(frequencies.Estimate("c:RUS"), 0.05, 0.15);
        Assert.True(frequencies.Estimate("w:never") < 0.01);
    }

    [Fact]
    public void A_phrase_of_common_words_is_filed_under_the_rarer_key_of_its_conjunction()
    {
        var frequencies = new KeyFrequencies();
        for (var i = 0; i < 200; i++)
        {
            frequencies.Observe(new MatchableArticle("Security cooperation", "law enforcement", [], [i % 50 == 0 ? "BRA" : "CHN"], "cgtn", "en"));
        }

        var query = QueryParser.Parse("country:BRA AND \"law enforcement\"");
        Assert.Equal(["c:BRA"], SubscriptionIndex.RequiredKeys(query, frequencies));
        Assert.Equal(["w:enforcement"], SubscriptionIndex.RequiredKeys(QueryParser.Parse("country:CHN AND \"law enforcement\""), new KeyFrequencies()));
    }

    private static Subscription RandomSubscription(Random random, int id)
    {
        var shorthand = random.Next(4) == 0;
        var subscription = new Subscription
        {
            SubscriptionId = "s" + id,
            AnalystId = "a" + (id % 7),
            Name = "n",
            Query = shorthand && random.Next(2) == 0 ? null : Expression(random, 0),
            Topics = shorthand ? Pick(random, Topics, random.Next(3)) : [],
            Countries = shorthand ? Pick(random, Countries, random.Next(3)) : [],
            Keywords = shorthand ? [.. Pick(random, Words, random.Next(2)), .. random.Next(2) == 0 ? new[] { "police minister" } : []] : [],
            MinScore = random.Next(5) == 0 ? random.Next(1, 8) : null,
            CreatedAt = DateTimeOffset.UnixEpoch,
        };
        return subscription is { Query: null, Topics.Count: 0, Countries.Count: 0, Keywords.Count: 0 } ? subscription with { Query = Expression(random, 0) } : subscription;
    }

    private static string Expression(Random random, int depth)
    {
        var roll = random.Next(depth >= 3 ? 6 : 10);
        return roll switch
        {
            0 => $"topic:{Any(random, Topics)}" + (random.Next(3) == 0 ? $">={random.Next(1, 9)}" : ""),
            1 => $"country:{Any(random, Countries)}",
            2 => random.Next(2) == 0 ? Any(random, Words) : $"\"{Any(random, Words)} {Any(random, Words)}\"",
            3 => random.Next(3) switch { 0 => $"actor:\"{Any(random, Actors)}\"", 1 => $"event:{Any(random, Events)[..random.Next(2, 4)]}", _ => $"quad:{random.Next(1, 5)}" },
            4 => random.Next(3) switch
            {
                0 => $"source:{Any(random, Sources)}",
                1 => $"lang:{Any(random, Languages)}",
                _ => $"near:\"{Places[random.Next(Places.Length)].Name}\" within:{Radii[random.Next(Radii.Length)]}km",
            },
            5 => $"NOT {Expression(random, depth + 1)}",
            6 or 7 => $"({Expression(random, depth + 1)} AND {Expression(random, depth + 1)})",
            _ => $"({Expression(random, depth + 1)} OR {Expression(random, depth + 1)}{(random.Next(2) == 0 ? " OR " + Expression(random, depth + 1) : "")})",
        };
    }

    private static MatchableArticle RandomArticle(Random random) => new(
        string.Join(' ', Pick(random, Words, random.Next(4))),
        string.Join(' ', Enumerable.Range(0, random.Next(3, 20)).Select(_ => Any(random, Words))),
        Pick(random, Topics, random.Next(4)).Select(t => new TopicScore { Id = t, Score = random.Next(1, 10) }),
        Pick(random, Countries, random.Next(4)),
        Any(random, Sources),
        Any(random, Languages),
        Pick(random, Actors, random.Next(3)).Select(a => new MatchableActor(a)),
        Pick(random, Events, random.Next(3)),
        Enumerable.Range(0, random.Next(3)).Select(_ => Places[random.Next(Places.Length)])
            .Select(p => (Math.Clamp(p.Latitude + (random.NextDouble() - 0.5) * 8, -90, 90), Wrap(p.Longitude + (random.NextDouble() - 0.5) * 12))).ToList());

    // Places near Suva straddle the antimeridian.
    private static double Wrap(double longitude) => longitude > 180 ? longitude - 360 : longitude < -180 ? longitude + 360 : longitude;

    private static string Any(Random random, string[] values) => values[random.Next(values.Length)];

    private static List<string> Pick(Random random, string[] values, int count) => values.OrderBy(_ => random.Next()).Take(count).ToList();
}
