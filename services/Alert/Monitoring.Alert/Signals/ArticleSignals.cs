using Monitoring.Alert.Breaking;
using Monitoring.Alert.Matching.Language;
using Monitoring.Alert.Shifts;

namespace Monitoring.Alert.Signals;

/// <summary>
/// What an article set off beyond its own content: the relation shifts its events fired, and its story's breaking
/// record. Matching sees them as keys (<c>shift:CHN-RUS</c>, <c>shift:country:IRN</c>, <c>is:breaking</c>); an alert
/// carries those its subscription asked for.
/// </summary>
public sealed record ArticleSignals(IReadOnlyList<RelationShift> Shifts, BreakingStory? Breaking)
{
    public static readonly ArticleSignals None = new([], null);

    public IEnumerable<string> Keys
    {
        get
        {
            foreach (var shift in Shifts)
            {
                yield return SignalTerms.PairKey(shift.Pair);
                foreach (var country in shift.Pair.Split('-')) yield return SignalTerms.CountryKey(country);
            }

            if (Breaking is not null) yield return SignalTerms.BreakingKey;
        }
    }

    /// <summary>The shifts and breaking record the subscription's query or urgent query names; null for what it does not ask for.</summary>
    public (IReadOnlyList<RelationShift>? Shifts, BreakingStory? Breaking) For(QueryNode query, QueryNode? urgent)
    {
        if (Shifts.Count == 0 && Breaking is null) return (null, null);
        var named = SignalTerms.KeysIn(query).Concat(urgent is null ? [] : SignalTerms.KeysIn(urgent)).ToHashSet(StringComparer.Ordinal);
        if (named.Count == 0) return (null, null);
        var shifts = Shifts.Where(s => named.Contains(SignalTerms.PairKey(s.Pair)) || s.Pair.Split('-').Any(c => named.Contains(SignalTerms.CountryKey(c)))).ToList();
        return (shifts.Count > 0 ? shifts : null, named.Contains(SignalTerms.BreakingKey) ? Breaking : null);
    }
}
