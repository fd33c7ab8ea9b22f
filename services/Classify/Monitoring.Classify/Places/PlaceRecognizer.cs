using Monitoring.Contracts;

namespace Monitoring.Classify.Places;

/// <summary>
/// The places stage, after classification and event coding: finds the place names of the article
/// (<see cref="PlaceFinder"/>), resolves them by the article's countries (<see cref="PlaceResolver"/>), and places
/// each coded event (<see cref="EventPlacer"/>).
/// </summary>
public sealed class PlaceRecognizer(PlaceGazetteer gazetteer)
{
    private readonly PlaceFinder _finder = new(gazetteer);

    public PlaceGazetteer Gazetteer => gazetteer;

    /// <summary>The resolved place names of the classified text, in text order (offsets into <see cref="Classification.Text"/>).</summary>
    public List<PlaceMention> Recognize(Classification classification, string? language = null)
    {
        var mentions = _finder.Find(classification.Text, classification.Tokens, classification.Actors);
        PlaceResolver.Resolve(classification.Text, mentions, classification.Actors, classification.Countries, language, gazetteer);
        mentions.RemoveAll(m => m.Place is null);
        return mentions;
    }

    /// <summary>The article's places, most named first: what <c>ArticleClassified.Places</c> carries.</summary>
    public static IReadOnlyList<GeoPlace> ArticlePlaces(IReadOnlyList<PlaceMention> mentions) =>
        mentions.GroupBy(m => m.Place!)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.First().Start)
            .Select(g => ToGeoPlace(g.Key) with { Mentions = g.Count() })
            .ToList();

    /// <summary>The events with their <see cref="CodedEvent.Place"/>.</summary>
    public IReadOnlyList<CodedEvent> Locate(IReadOnlyList<CodedEvent> events, IReadOnlyList<PlaceMention> mentions, Classification classification)
    {
        var focus = classification.Countries.Count > 0 ? gazetteer.Country(classification.Countries[0]) : null;
        return EventPlacer.Place(events, mentions, classification.BodyStart, focus);
    }

    public static GeoPlace ToGeoPlace(GazetteerEntry entry, string? basis = null) => new()
    {
        Name = entry.Name,
        GeoNameId = entry.GeoNameId,
        Kind = entry.Kind.ToString().ToLowerInvariant(),
        CountryCode = entry.Country,
        Admin1Code = entry.Admin1,
        Latitude = entry.Latitude,
        Longitude = entry.Longitude,
        Basis = basis,
    };
}
