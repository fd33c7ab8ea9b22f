using System.Globalization;
using System.Text;
using Monitoring.Classify.Text;

namespace Monitoring.Classify.Places;

/// <summary>
/// The places of <c>Data/places/places.tsv</c> (GeoNames, CC BY 4.0) and the country names of
/// <c>Data/places/country-names.tsv</c>, indexed by their names as token sequences, compared lower-cased and without
/// diacritics ("Bogota" finds Bogotá). <see cref="NotPlaces"/> are capitalised words that name a place in the gazetteer
/// but far more often something else ("Police", "Most").
/// </summary>
public sealed class PlaceGazetteer
{
    private readonly Dictionary<string, List<NamedEntry>> _byName;
    private readonly Dictionary<string, GazetteerEntry> _countries;

    private PlaceGazetteer(Dictionary<string, List<NamedEntry>> byName, Dictionary<string, GazetteerEntry> countries, HashSet<string> notPlaces, int longest)
    {
        _byName = byName;
        _countries = countries;
        NotPlaces = notPlaces;
        LongestName = longest;
        _byNameSpan = byName.GetAlternateLookup<ReadOnlySpan<char>>();
        _notPlacesSpan = notPlaces.GetAlternateLookup<ReadOnlySpan<char>>();
        var prefixes = NamePrefixes(byName.Keys);
        LongestKey = byName.Keys.Max(key => key.Length);
        _prefixesSpan = prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    // Every name's key cut after each of its words ("sierra", "sierra leone"): the finder stops extending a run of words
    // at the first that no name starts with, instead of trying every length up to the longest name.
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _prefixesSpan;

    // Lookups by a key built in a buffer: the finder tries several keys at every capitalised word, and made a string of each.
    private readonly Dictionary<string, List<NamedEntry>>.AlternateLookup<ReadOnlySpan<char>> _byNameSpan;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _notPlacesSpan;

    /// <summary>The most tokens any name has.</summary>
    public int LongestName { get; }

    /// <summary>The most characters any name's key has.</summary>
    public int LongestKey { get; }

    /// <summary>
    /// Whether some name's key starts with <paramref name="key"/> up to a word boundary ("sierra" for "sierra leone"),
    /// the key itself included: when not, neither it nor any longer run of words after it is a name.
    /// </summary>
    public bool StartsName(ReadOnlySpan<char> key) => _prefixesSpan.Contains(key);

    public IReadOnlySet<string> NotPlaces { get; }

    public int Count => _byName.Count;

    /// <summary>The entries a name (its tokens' key, <see cref="Key"/>) may be; empty when none.</summary>
    public IReadOnlyList<NamedEntry> Find(string key) => _byName.TryGetValue(key, out var list) ? list : None;

    /// <inheritdoc cref="Find(string)"/>
    public IReadOnlyList<NamedEntry> Find(ReadOnlySpan<char> key) => _byNameSpan.TryGetValue(key, out var list) ? list : None;

    // One empty answer for every miss: "list : []" made a new empty List<NamedEntry> at each of the finder's tries.
    private static readonly IReadOnlyList<NamedEntry> None = [];

    /// <summary>Whether the name with this key is one of <see cref="NotPlaces"/>.</summary>
    public bool IsNotPlace(ReadOnlySpan<char> key) => _notPlacesSpan.Contains(key);

    /// <summary>The country with this ISO-3 code, for an event placed at its article's focus country.</summary>
    public GazetteerEntry? Country(string iso3) => _countries.GetValueOrDefault(iso3);

    public static PlaceGazetteer Load(string placesPath, string countryNamesPath, string notPlacesPath)
    {
        var byName = new Dictionary<string, List<NamedEntry>>(StringComparer.Ordinal);
        var countries = new Dictionary<string, GazetteerEntry>(StringComparer.Ordinal);
        var longest = 1;
        void Add(string name, GazetteerEntry entry, bool alternate)
        {
            var tokens = Tokenizer.Tokenize(name);
            if (tokens.Count == 0) return;
            var key = Key(tokens, 0, tokens.Count);
            if (!byName.TryGetValue(key, out var list)) byName[key] = list = [];
            if (list.Exists(e => e.Entry == entry)) return;
            list.Add(new NamedEntry(entry, alternate));
            longest = Math.Max(longest, tokens.Count);
        }

        foreach (var line in File.ReadLines(placesPath))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (f.Length < 11) throw new InvalidDataException($"{placesPath}: expected 11 tab-separated columns, found {f.Length} in '{line[..Math.Min(60, line.Length)]}'.");
            var names = f[8].Split('|');
            var entry = new GazetteerEntry(
                long.Parse(f[0], CultureInfo.InvariantCulture), Enum.Parse<PlaceKind>(f[1], ignoreCase: true), f[2], f[3].Length == 0 ? null : f[3],
                long.Parse(f[4], CultureInfo.InvariantCulture), double.Parse(f[5], CultureInfo.InvariantCulture), double.Parse(f[6], CultureInfo.InvariantCulture),
                f[7] == "1", names[0]) { Languages = f[10].Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal) };
            if (entry.Kind == PlaceKind.Country) countries[entry.Country] = entry;
            foreach (var name in names) Add(name, entry, alternate: false);
            foreach (var name in f[9].Split('|', StringSplitOptions.RemoveEmptyEntries)) Add(name, entry, alternate: true);
        }

        foreach (var line in File.ReadLines(countryNamesPath))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (f.Length < 2 || !countries.TryGetValue(f[0], out var country)) continue;
            foreach (var name in f[1].Split('|')) Add(name, country, alternate: false);
        }

        var notPlaces = File.ReadLines(notPlacesPath)
            .Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => Key(Tokenizer.Tokenize(l), 0, Tokenizer.Tokenize(l).Count)).ToHashSet(StringComparer.Ordinal);
        return new PlaceGazetteer(byName, countries, notPlaces, longest);
    }

    private static HashSet<string> NamePrefixes(IEnumerable<string> keys)
    {
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            for (var space = key.IndexOf(' '); space >= 0; space = key.IndexOf(' ', space + 1)) prefixes.Add(key[..space]);
            prefixes.Add(key);
        }

        return prefixes;
    }

    /// <summary>Tokens <paramref name="first"/> to <paramref name="end"/> (exclusive), lower-cased, without diacritics, joined by spaces.</summary>
    public static string Key(List<Token> tokens, int first, int end) => string.Join(' ', tokens.Skip(first).Take(end - first).Select(token => Fold(token.Lower)));

    /// <summary>A lower-cased word without diacritics, as <see cref="Key"/> joins them: most words are ASCII and are their own fold.</summary>
    public static string Fold(string lower)
    {
        if (Ascii.IsValid(lower)) return lower;
        var builder = new StringBuilder(lower.Length);
        foreach (var c in lower.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) builder.Append(c == '’' ? '\'' : c);
        }

        return builder.ToString();
    }
}
