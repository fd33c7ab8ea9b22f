using Monitoring.Classify.Text;

namespace Monitoring.Classify.Actors;

/// <summary>
/// One entry of the actor dictionary (<c>Data/actors.json</c> and the countries of <c>Data/countries.json</c>).
/// <see cref="Code"/> is the ISO-3 country for national actors ("RUS"), the organisation's code for international
/// ones ("NATO", "UN") and empty for role words, which take the country of an adjacent country mention.
/// <see cref="Sectors"/> are CAMEO sector codes (GOV, MIL, COP, JUD, PTY, SPY, REB, ...), primary first.
/// </summary>
public sealed record ActorEntry : DictionaryEntry
{
    public required string Id { get; init; }
    public required ActorType Type { get; init; }
    public required string Name { get; init; }
    public string Code { get; init; } = "";
    public string? Country { get; init; }
    public IReadOnlyList<string> Sectors { get; init; } = [];
    public string? Role { get; init; }

    /// <summary>The full CAMEO actor code where the source dictionary had one ("RUSGOVMIL", "IGOWSTNAT").</summary>
    public string? Cameo { get; init; }

    /// <summary>False for people who no longer hold the role the dictionary gives (kept: old news still names them).</summary>
    public bool Current { get; init; } = true;

    /// <summary>Where the entry comes from: <c>curated</c> (ours), <c>countries</c> (mledoze/countries) or <c>petrarch2</c>.</summary>
    public string Source { get; init; } = "curated";

    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>
    /// Inflected and adjectival forms (<c>Data/country-forms.json</c>): "России", "китайск*", "Russlands". A form ending
    /// in <c>*</c> matches every word it begins; a lower-case form (an adjective) matches in any case.
    /// </summary>
    public IReadOnlyList<string> Forms { get; init; } = [];
}
