using Monitoring.Contracts;

namespace Monitoring.Benchmarks.Messaging;

/// <summary>An article classified as the pipeline ships it: ~4 KB of text, scored topics with evidence, coded events and places (~30 KB of JSON).</summary>
internal static class SyntheticArticle
{
    public static ArticleClassified Classified()
    {
        var random = new Random(12);
        var words = new[] { "minister", "talks", "border", "security", "agreement", "troops", "sanctions", "trade", "summit", "police" };
        var text = string.Join(' ', Enumerable.Range(0, 550).Select(_ => words[random.Next(words.Length)]));
        return new ArticleClassified
        {
            ArticleId = "a-" + Guid.NewGuid().ToString("N"), StoryId = "s-1", Text = text, Title = "Ministers meet on border security", Url = "https://news.example.org/2026/12/04/ministers",
            Language = "en", PublishedAt = DateTimeOffset.UtcNow, IngestedAt = DateTimeOffset.UtcNow, ClassifiedAt = DateTimeOffset.UtcNow,
            Topics = Enumerable.Range(0, 12).Select(t => new TopicScore
            {
                Id = "topic-" + t, Score = random.NextDouble() * 10,
                Evidence = Enumerable.Range(0, 12).Select(e => new MatchEvidence { Rule = $"topic-{t}/terms/{words[e % words.Length]}*", Text = words[e % words.Length], Start = e * 17, End = e * 17 + 8, Weight = 0.5 + e }).ToList(),
            }).ToList(),
            Countries = ["CHN", "RUS", "UKR", "USA"],
            EventCodes = Enumerable.Range(0, 30).Select(e => new ArticleEventCode
            {
                Cameo = (40 + e).ToString(System.Globalization.CultureInfo.InvariantCulture), Source = "CHN", Target = "RUS",
                Place = new GeoPlace { Name = "Place " + e, GeoNameId = 700000 + e, Kind = "city", CountryCode = "RU", Latitude = 55.75, Longitude = 37.61, Mentions = 1 + e % 3 },
            }).ToList(),
        };
    }
}
