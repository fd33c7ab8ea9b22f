using Monitoring.Alert.Subscriptions;

namespace Monitoring.Alert.Matching.Language;

/// <summary>
/// Checks each field term of a query against the values that exist, so that <c>topic:sanctionz</c> or
/// <c>country:XXX</c> is refused instead of saved and never matched; the refusal names the nearest valid values.
/// CAMEO terms may be a prefix of a code ("06" covers 061…064). Sources and actors are open-ended and not checked.
/// </summary>
public sealed class TermVocabulary
{
    private readonly Dictionary<TermField, (HashSet<string> Ids, IReadOnlyList<VocabularyEntry> Entries, string What)> _fields;

    public TermVocabulary(SubscriptionVocabulary vocabulary)
    {
        _fields = new()
        {
            [TermField.Topic] = (Ids(vocabulary.Topics, lower: true), vocabulary.Topics, "topic"),
            [TermField.Country] = (Ids(vocabulary.Countries, lower: false), vocabulary.Countries, "country code"),
            [TermField.Event] = (Ids(vocabulary.Cameo, lower: false), vocabulary.Cameo, "CAMEO code"),
            [TermField.Language] = (Ids(vocabulary.Languages, lower: true), vocabulary.Languages, "language"),
        };
    }

    /// <summary>Null when <paramref name="value"/> exists for <paramref name="field"/>; otherwise why not, with suggestions.</summary>
    public UnknownTerm? Check(TermField field, string value)
    {
        if (!_fields.TryGetValue(field, out var known) || known.Ids.Count == 0 || known.Ids.Contains(value)) return null;
        return new UnknownTerm(known.What, value, Suggest(value, known.Entries));
    }

    /// <summary>Up to three valid ids closest to <paramref name="value"/>: by edit distance, by name, or as ids the value begins.</summary>
    public static IReadOnlyList<string> Suggest(string value, IReadOnlyList<VocabularyEntry> entries)
    {
        var wanted = value.ToLowerInvariant();
        return entries
            .Select(e => (e.Id, Distance: Math.Min(
                EditDistance(wanted, e.Id.ToLowerInvariant()),
                Math.Min(EditDistance(wanted, e.Name.ToLowerInvariant()), e.Id.StartsWith(wanted, StringComparison.OrdinalIgnoreCase) && wanted.Length >= 3 ? 1 : int.MaxValue))))
            .Where(c => c.Distance <= Math.Max(2, wanted.Length / 3))
            .OrderBy(c => c.Distance).ThenBy(c => c.Id, StringComparer.Ordinal)
            .Take(3)
            .Select(c => c.Id)
            .ToList();
    }

    private static HashSet<string> Ids(IReadOnlyList<VocabularyEntry> entries, bool lower) =>
        entries.Select(e => lower ? e.Id.ToLowerInvariant() : e.Id.ToUpperInvariant()).Concat(entries.Select(e => e.Id)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions.</summary>
    public static int EditDistance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 8) return Math.Abs(a.Length - b.Length);
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }

        return d[a.Length, b.Length];
    }
}

/// <summary>A term naming nothing that exists: what kind of value, the value, and the nearest valid ones.</summary>
public sealed record UnknownTerm(string What, string Value, IReadOnlyList<string> Suggestions)
{
    public string Message => Suggestions.Count == 0
        ? $"unknown {What} '{Value}'"
        : $"unknown {What} '{Value}'; did you mean {string.Join(" or ", Suggestions.Select(s => $"'{s}'"))}?";
}
