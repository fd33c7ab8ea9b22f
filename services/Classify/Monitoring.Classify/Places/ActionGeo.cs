using Monitoring.Classify.Coding;
using Monitoring.Contracts;

namespace Monitoring.Classify.Places;

/// <summary>An event's <see cref="GeoPlace"/> as GDELT's ActionGeo fields of the stored event.</summary>
public static class ActionGeo
{
    public static CodedEventDocument WithActionGeo(this CodedEventDocument document, GeoPlace? place) => place is null ? document : document with
    {
        ActionGeoType = TypeOf(place),
        ActionGeoFullName = place.Name,
        ActionGeoCountryCode = place.CountryCode,
        ActionGeoAdm1Code = place.Admin1Code,
        ActionGeoLat = place.Latitude,
        ActionGeoLong = place.Longitude,
        ActionGeoFeatureId = place.GeoNameId.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    // GDELT: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
    private static int TypeOf(GeoPlace place) => (place.Kind, place.CountryCode == "USA") switch
    {
        ("country", _) => 1,
        ("region", true) => 2,
        ("city", true) => 3,
        ("city", false) => 4,
        _ => 5,
    };
}
