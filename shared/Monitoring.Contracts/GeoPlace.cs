namespace Monitoring.Contracts;

/// <summary>
/// A place an article names, or where a coded event happened, resolved against the GeoNames gazetteer: a country, a
/// first-level region or a city of at least 15,000 people. Coordinates are WGS84 degrees (a region's or a country's
/// are the population-weighted centre of its cities).
/// </summary>
public sealed record GeoPlace
{
    /// <summary>The GeoNames name ("Kharkiv", "Georgia").</summary>
    public required string Name { get; init; }

    /// <summary>The GeoNames id (geonameid): 706483 for Kharkiv.</summary>
    public required long GeoNameId { get; init; }

    /// <summary><c>country</c>, <c>region</c> (first-level division) or <c>city</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>ISO 3166-1 alpha-3 code of the country the place lies in.</summary>
    public required string CountryCode { get; init; }

    /// <summary>GeoNames first-level division code within the country ("07", "TX"); null for a country.</summary>
    public string? Admin1Code { get; init; }

    public required double Latitude { get; init; }
    public required double Longitude { get; init; }

    /// <summary>
    /// For an event's place: <c>sentence</c> when its sentence names it (the name nearest the trigger), <c>focus</c>
    /// when the sentence names none and the article's focus country stands in (GDELT's ActionGeo fallback). Null for an article's places.
    /// </summary>
    public string? Basis { get; init; }

    /// <summary>For an article's places: how many times the text names it.</summary>
    public int? Mentions { get; init; }
}
