using Monitoring.Alert.Matching;
using Monitoring.Alert.Matching.Language;
using Monitoring.Alert.Shifts;

namespace Monitoring.Alert.Signals;

/// <summary>
/// The subscription terms for signals: <c>shift:CHN-RUS</c> (a shift of that pair's relation, in either order),
/// <c>shift:country:IRN</c> (of any pair with Iran) and <c>is:breaking</c> (an article of a breaking story).
/// </summary>
public static class SignalTerms
{
    public const string Breaking = "breaking";
    public const string CountryPrefix = "country:";

    public static string BreakingKey { get; } = MatchableArticle.KeyOf(TermField.Is, Breaking);

    public static string PairKey(string pair) => MatchableArticle.KeyOf(TermField.Shift, pair);

    public static string CountryKey(string country) => MatchableArticle.KeyOf(TermField.Shift, CountryPrefix + country);

    /// <summary>
    /// <c>CHN-RUS</c> as the pair in alphabetical order, <c>country:IRN</c> upper-cased; refused with the position of the
    /// part that is wrong, and, with a vocabulary, a code that is no country's.
    /// </summary>
    public static string NormalizeShift(string value, int position, TermVocabulary? vocabulary)
    {
        const string Expected = "two country codes joined by '-' such as shift:CHN-RUS, or shift:country:IRN";
        if (value.StartsWith(CountryPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var country = value[CountryPrefix.Length..];
            return CountryPrefix + Country(country, position + CountryPrefix.Length, vocabulary, "an ISO 3166 alpha-3 country code after 'shift:country:', e.g. shift:country:IRN");
        }

        var dash = value.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0) throw new QuerySyntaxException(position, Expected, $"'{value}'");
        var a = Country(value[..dash], position, vocabulary, Expected);
        var b = Country(value[(dash + 1)..], position + dash + 1, vocabulary, Expected);
        if (a == b) throw new QuerySyntaxException(position + dash + 1, "a second country, not the first again", $"'{value[(dash + 1)..]}'");
        return RelationEvent.PairOf(a, b);
    }

    public static string NormalizeIs(string value, int position) =>
        value.Equals(Breaking, StringComparison.OrdinalIgnoreCase) ? Breaking : throw new QuerySyntaxException(position, "'breaking' after 'is:' (is:breaking)", $"'{value}'");

    public static string Country(string code, int position, TermVocabulary? vocabulary, string expected)
    {
        if (code.Length != 3 || !code.All(char.IsAsciiLetter)) throw new QuerySyntaxException(position, expected, code.Length == 0 ? "nothing" : $"'{code}'");
        var upper = code.ToUpperInvariant();
        if (vocabulary?.Check(TermField.Country, upper) is { } unknown) throw new QuerySyntaxException(position, unknown);
        return upper;
    }

    /// <summary>The signal keys a query names, wherever they stand in it.</summary>
    public static IEnumerable<string> KeysIn(QueryNode node) => node switch
    {
        TermNode { Field: TermField.Shift or TermField.Is } term => [term.Key],
        AndNode and => and.Children.SelectMany(KeysIn),
        OrNode or => or.Children.SelectMany(KeysIn),
        NotNode not => KeysIn(not.Child),
        _ => [],
    };
}
