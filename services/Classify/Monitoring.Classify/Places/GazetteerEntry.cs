namespace Monitoring.Classify.Places;

/// <summary>What a place is in the gazetteer: a country, a first-level region or a city.</summary>
public enum PlaceKind
{
    Country,
    Region,
    City,
}

/// <summary>One row of <c>Data/places/places.tsv</c>: a GeoNames place with its country, population and position.</summary>
public sealed record GazetteerEntry(
    long GeoNameId, PlaceKind Kind, string Country, string? Admin1, long Population, double Latitude, double Longitude, bool Capital, string Name)
{
    /// <summary>A country's languages (ISO 639-1), from GeoNames: an article in one of them leans towards its places.</summary>
    public IReadOnlySet<string> Languages { get; init; } = new HashSet<string>();

    /// <summary>Whether <paramref name="other"/> lies inside this place: the same country, and for a region its admin1 code.</summary>
    public bool Contains(GazetteerEntry other) =>
        other != this && Country == other.Country && (Kind == PlaceKind.Country || Kind == PlaceKind.Region && other.Kind == PlaceKind.City && Admin1 == other.Admin1);
}

/// <summary>A gazetteer entry under one of its names; an <see cref="Alternate"/> name (an exonym in some language) is trusted less.</summary>
public readonly record struct NamedEntry(GazetteerEntry Entry, bool Alternate);
