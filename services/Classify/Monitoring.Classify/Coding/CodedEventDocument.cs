namespace Monitoring.Classify.Coding;

/// <summary>
/// A coded event as stored: one per article and distinct (Actor1Code, Actor2Code, EventCode), in GDELT's field
/// vocabulary so analysts can join it with GDELT exports. Actor codes are country plus sector ("CHNGOV").
/// <see cref="NumMentions"/> counts the article's sentences that code it; across the story, the query sums
/// them and counts sources and articles (<see cref="NumSources"/>, <see cref="NumArticles"/>).
/// </summary>
public sealed record CodedEventDocument
{
    /// <summary>Article id, actor codes and event code: the business key, unique.</summary>
    public required string EventId { get; init; }
    public required string ArticleId { get; init; }
    public required string StoryId { get; init; }
    public string? SourceName { get; init; }
    public string? SourceUrl { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public required DateTimeOffset DateAdded { get; init; }

    public required string Actor1Code { get; init; }
    public required string Actor1Name { get; init; }
    public required string Actor1CountryCode { get; init; }
    public string? Actor1Type1Code { get; init; }
    public required string Actor2Code { get; init; }
    public required string Actor2Name { get; init; }
    public required string Actor2CountryCode { get; init; }
    public string? Actor2Type1Code { get; init; }

    public required string EventCode { get; init; }
    public required string EventBaseCode { get; init; }
    public required string EventRootCode { get; init; }
    public required int QuadClass { get; init; }
    public required double GoldsteinScale { get; init; }

    /// <summary>True for the events of the article's first coded sentence, as GDELT marks lead-paragraph events.</summary>
    public required bool IsRootEvent { get; init; }
    public required int NumMentions { get; init; }
    public int NumSources { get; init; } = 1;
    public int NumArticles { get; init; } = 1;

    /// <summary>The evidence of the first mention: the sentence and the trigger words, with offsets in the article text.</summary>
    public required string Sentence { get; init; }
    public required int SentenceStart { get; init; }
    public required string Trigger { get; init; }
    public required int TriggerStart { get; init; }

    /// <summary>GDELT's ActionGeo of the first mention (<c>GeoPlace</c>): 1 country, 2 US state, 3 US city, 4 world city, 5 world region; null when unplaced.</summary>
    public int? ActionGeoType { get; init; }
    public string? ActionGeoFullName { get; init; }
    public string? ActionGeoCountryCode { get; init; }
    public string? ActionGeoAdm1Code { get; init; }
    public double? ActionGeoLat { get; init; }
    public double? ActionGeoLong { get; init; }

    /// <summary>The GeoNames id of the place (GDELT's ActionGeo_FeatureID).</summary>
    public string? ActionGeoFeatureId { get; init; }
}
