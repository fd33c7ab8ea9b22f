using System.Globalization;

namespace Monitoring.Alert.Matching.Places;

/// <summary>
/// One-degree cells of latitude and longitude as index keys (<c>g:49,36</c>): an article has the cells of its places,
/// a <c>near:</c> term requires one of the cells its circle touches, so the index evaluates the distance only for
/// articles placed nearby.
/// </summary>
public static class GeoCells
{
    private const double KmPerDegreeLatitude = 111.0;

    public static string KeyOf(double latitude, double longitude) =>
        string.Create(CultureInfo.InvariantCulture, $"g:{(int)Math.Floor(latitude)},{(int)Math.Floor(Math.Clamp(longitude, -180, 179.999))}");

    /// <summary>Every cell the circle's bounding box touches (all longitudes near a pole).</summary>
    public static IReadOnlyList<string> Covering(double latitude, double longitude, double radiusKm)
    {
        var dLat = radiusKm / KmPerDegreeLatitude;
        var south = Math.Max(-90, latitude - dLat);
        var north = Math.Min(89.999, latitude + dLat);
        var widest = Math.Max(Math.Abs(south), Math.Abs(north));
        var cos = Math.Cos(widest * Math.PI / 180);
        var dLon = cos < 1e-6 ? 180 : Math.Min(180, radiusKm / (KmPerDegreeLatitude * cos));
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var lat = (int)Math.Floor(south); lat <= (int)Math.Floor(north); lat++)
        {
            var west = (int)Math.Floor(longitude - dLon);
            var east = (int)Math.Floor(longitude + dLon);
            if (dLon >= 180) (west, east) = (-180, 179);
            for (var lon = west; lon <= east; lon++)
            {
                var wrapped = ((lon + 180) % 360 + 360) % 360 - 180;
                keys.Add(string.Create(CultureInfo.InvariantCulture, $"g:{lat},{wrapped}"));
            }
        }

        return [.. keys];
    }
}
