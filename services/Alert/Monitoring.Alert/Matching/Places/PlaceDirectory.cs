using System.Globalization;
using System.Text;

namespace Monitoring.Alert.Matching.Places;

/// <summary>
/// Where a place named in a <c>near:</c> term is: the classify service's gazetteer (<c>Data/places/places.tsv</c>,
/// GeoNames, CC BY 4.0) read for names and positions only. A name several places share is the most populous one
/// ("near:Paris" is the capital); a GeoNames id (<c>near:4717560</c>) or a position (<c>near:49.98,36.25</c>) names one exactly.
/// </summary>
public sealed class PlaceDirectory
{
    public const string DefaultPath = "Data/places/places.tsv";

    private static readonly Lazy<PlaceDirectory> Shipped = new(() => Load(Path.Combine(AppContext.BaseDirectory, DefaultPath)));

    private readonly Dictionary<string, NamedPosition> _byName;
    private readonly Dictionary<long, NamedPosition> _byId;

    private PlaceDirectory(Dictionary<string, NamedPosition> byName, Dictionary<long, NamedPosition> byId) => (_byName, _byId) = (byName, byId);

    /// <summary>The gazetteer shipped beside the application.</summary>
    public static PlaceDirectory Default => Shipped.Value;

    public static PlaceDirectory Load(string path)
    {
        var byName = new Dictionary<string, (NamedPosition Place, long Population)>(StringComparer.Ordinal);
        var byId = new Dictionary<long, NamedPosition>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            var place = new NamedPosition(f[8].Split('|')[0], double.Parse(f[5], CultureInfo.InvariantCulture), double.Parse(f[6], CultureInfo.InvariantCulture));
            var population = long.Parse(f[4], CultureInfo.InvariantCulture);
            byId[long.Parse(f[0], CultureInfo.InvariantCulture)] = place;
            foreach (var name in f[8].Split('|').Concat(f.Length > 9 ? f[9].Split('|', StringSplitOptions.RemoveEmptyEntries) : []))
            {
                var key = Key(name);
                if (!byName.TryGetValue(key, out var known) || known.Population < population) byName[key] = (place, population);
            }
        }

        return new PlaceDirectory(byName.ToDictionary(p => p.Key, p => p.Value.Place, StringComparer.Ordinal), byId);
    }

    /// <summary>A place name, a GeoNames id or "lat,lon"; null when none of them.</summary>
    public NamedPosition? Find(string value)
    {
        var text = value.Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return _byId.GetValueOrDefault(id);
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0
            && double.TryParse(text[..comma], NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
            && double.TryParse(text[(comma + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude))
        {
            return latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180 ? new NamedPosition(text, latitude, longitude) : null;
        }

        return _byName.GetValueOrDefault(Key(text));
    }

    private static string Key(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c)) builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != ' ') builder.Append(' ');
        }

        return builder.ToString().Trim();
    }
}

/// <summary>A named point, in WGS84 degrees.</summary>
public sealed record NamedPosition(string Name, double Latitude, double Longitude)
{
    private const double EarthRadiusKm = 6371.0088;

    /// <summary>Great-circle (haversine) distance in kilometres.</summary>
    public double DistanceKm(double latitude, double longitude)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(latitude - Latitude);
        var dLon = Radians(longitude - Longitude);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(Radians(Latitude)) * Math.Cos(Radians(latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
