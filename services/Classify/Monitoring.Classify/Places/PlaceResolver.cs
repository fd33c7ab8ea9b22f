using Monitoring.Classify.Actors;

namespace Monitoring.Classify.Places;

/// <summary>
/// Decides which place each name is, as GDELT's and EMM's geocoders do, by the article's countries first and size second:
/// <list type="number">
/// <item>a qualifier decides outright: "Paris, Texas" is the Paris inside Texas, "Georgia, US" the state;</item>
/// <item>otherwise each candidate scores by its country's standing in the article — a focus country (<see cref="CountryAboutness"/>)
/// over a country named only in passing over one not named — then by population, with a lead for a country over its
/// namesakes and for a capital. A country's standing is counted without the name being resolved ("Paris" alone
/// does not make the article French) and with the places named unambiguously elsewhere in it ("Texas");</item>
/// <item>a candidate from a country the article does not name must be prominent (see <see cref="Credible"/>), and a
/// region loses to a city of the same name in the same country ("Kharkiv" is the city).</item>
/// </list>
/// </summary>
public static class PlaceResolver
{
    private const int FocusTier = 2;
    private const int NamedTier = 1;

    public static void Resolve(string text, List<PlaceMention> mentions, ActorRecognition actors, IReadOnlyList<string> focus, string? language, PlaceGazetteer gazetteer)
    {
        var focusSet = focus.ToHashSet(StringComparer.Ordinal);
        var supportByName = new Dictionary<string, Dictionary<string, int>>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < mentions.Count; i++)
        {
            if (mentions[i].Place is not null) continue;
            if (Qualified(text, mentions, i) is { } qualified)
            {
                mentions[i] = mentions[i] with { Place = qualified.Place };
                mentions[i + 1] = mentions[i + 1] with { Place = qualified.Qualifier };
                continue;
            }

            if (!supportByName.TryGetValue(mentions[i].Text, out var support)) supportByName[mentions[i].Text] = support = Support(mentions, actors, mentions[i]);
            mentions[i] = mentions[i] with { Place = Best(mentions[i], support, focusSet, language, gazetteer) };
        }
    }

    // The highest score; of equal scores the lowest GeoNames id, then the first candidate.
    private static GazetteerEntry? Best(PlaceMention mention, Dictionary<string, int> support, HashSet<string> focus, string? language, PlaceGazetteer gazetteer)
    {
        GazetteerEntry? best = null;
        var bestScore = 0.0;
        foreach (var candidate in mention.Candidates)
        {
            if (Score(candidate, mention, support, focus, Speaks(gazetteer, candidate.Entry.Country, language)) is not { } score) continue;
            if (best is not null && (score < bestScore || score == bestScore && candidate.Entry.GeoNameId >= best.GeoNameId)) continue;
            (best, bestScore) = (candidate.Entry, score);
        }

        return best;
    }

    // "Paris, Texas", "Paris, France": the next name, after a comma, contains one of this name's candidates.
    private static (GazetteerEntry Place, GazetteerEntry Qualifier)? Qualified(string text, List<PlaceMention> mentions, int i)
    {
        if (i + 1 >= mentions.Count) return null;
        var (name, next) = (mentions[i], mentions[i + 1]);
        if (next.Start - name.End is < 2 or > 3 || text[name.End] != ',' || !string.IsNullOrWhiteSpace(text[(name.End + 1)..next.Start])) return null;
        foreach (var qualifier in next.Candidates.OrderByDescending(c => c.Entry.Population))
        {
            var inside = name.Candidates.Where(c => qualifier.Entry.Contains(c.Entry)).Select(c => c.Entry).OrderByDescending(e => e.Population).FirstOrDefault();
            if (inside is not null && (name.Candidates.Count > 1 || next.Candidates.Count > 1)) return (inside, qualifier.Entry);
        }

        return null;
    }

    private static bool Speaks(PlaceGazetteer gazetteer, string country, string? language) =>
        language is not null && gazetteer.Country(country)?.Languages.Contains(language) == true;

    private static double? Score(NamedEntry candidate, PlaceMention mention, Dictionary<string, int> support, HashSet<string> focus, bool speaks)
    {
        var entry = candidate.Entry;
        var supported = support.GetValueOrDefault(entry.Country);
        var tier = supported > 0 ? focus.Contains(entry.Country) ? FocusTier : NamedTier : 0;
        if (tier == 0 && !Credible(candidate, mention, support.Count > 0)) return null;
        if (entry.Kind == PlaceKind.Region && mention.Candidates.Any(c => c.Entry.Kind == PlaceKind.City && c.Entry.Country == entry.Country)) return null;
        var kind = entry.Kind == PlaceKind.Country ? 3 : entry.Capital ? 1 : 0;
        return tier * 10 + Math.Log10(entry.Population + 1) + kind - (candidate.Alternate ? 1 : 0) + (speaks ? 1 : 0);
    }

    /// <summary>
    /// A place in a country the article does not otherwise name: a country; a region, a capital, or a city of 100,000
    /// people — a million when the article's other places lie elsewhere, when the name opens a sentence (where a
    /// capital letter says nothing) or runs on into other capitalised words ("George Floyd"), three million for an exonym;
    /// never a town whose name towns of three or more countries share.
    /// </summary>
    private static bool Credible(NamedEntry candidate, PlaceMention mention, bool elsewhere)
    {
        var entry = candidate.Entry;
        if (entry.Kind == PlaceKind.Country) return true;
        if (candidate.Alternate) return entry.Population >= 3_000_000;

        // "Santa Ana", "San Pedro", "Trujillo": a name that many countries' towns share says nothing by itself.
        if (entry.Kind == PlaceKind.City && !entry.Capital && CountriesOf(mention.Candidates) >= 3) return false;
        if (mention.InLongerName) return entry.Population >= 1_000_000;
        var least = elsewhere || mention.SentenceStart && !mention.Text.Contains(' ') ? 1_000_000 : 100_000;
        return entry.Kind == PlaceKind.Region || entry.Capital && !mention.SentenceStart || entry.Population >= least;
    }

    // How much the article names each country, leaving out this name itself: the recognizer's countries, people and
    // national bodies, and the places named with no ambiguity (every candidate in one country).
    private static Dictionary<string, int> Support(List<PlaceMention> mentions, ActorRecognition actors, PlaceMention resolving)
    {
        var support = new Dictionary<string, int>(StringComparer.Ordinal);
        var sameName = mentions.FindAll(m => string.Equals(m.Text, resolving.Text, StringComparison.OrdinalIgnoreCase));
        foreach (var mention in actors.Mentions)
        {
            // A role word takes the country of the name beside it ("police in Paris"): not support of its own.
            if (mention.Code.Length != 3 || mention.Actor.Type == ActorType.Role || Overlaps(sameName, mention.Start, mention.End)) continue;
            support[mention.Code] = support.GetValueOrDefault(mention.Code) + 1;
        }

        // Small places vouch for their country only together: "Arauca, Tame" is Colombia, a lone "Alta" is not Norway.
        Dictionary<string, HashSet<string>>? small = null;
        foreach (var place in mentions)
        {
            if (sameName.Contains(place) || Overlaps(actors.Mentions, place.Start, place.End)) continue;
            var country = place.Place?.Country ?? (CountriesOf(place.Candidates) == 1 ? place.Candidates[0].Entry.Country : null);
            if (country is null) continue;
            if (place.Place is not null || AnyCredible(place)) support[country] = support.GetValueOrDefault(country) + 1;
            else if ((small ??= new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)).TryGetValue(country, out var names)) names.Add(place.Text.ToLowerInvariant());
            else small[country] = [place.Text.ToLowerInvariant()];
        }

        if (small is null) return support;
        foreach (var (country, names) in small)
        {
            if (names.Count + (InCountry(resolving.Candidates, country) ? 1 : 0) >= 2) support[country] = support.GetValueOrDefault(country) + names.Count;
        }

        return support;
    }

    // Plain loops below: Support runs for every name against every mention, and closures there were a tenth of what
    // classifying an article allocates.
    private static bool Overlaps(List<PlaceMention> mentions, int start, int end)
    {
        foreach (var m in mentions)
        {
            if (m.Start < end && start < m.End) return true;
        }

        return false;
    }

    private static bool Overlaps(IReadOnlyList<RecognizedMention> mentions, int start, int end)
    {
        for (var i = 0; i < mentions.Count; i++)
        {
            if (mentions[i].Start < end && start < mentions[i].End) return true;
        }

        return false;
    }

    private static bool AnyCredible(PlaceMention place)
    {
        foreach (var candidate in place.Candidates)
        {
            if (Credible(candidate, place, elsewhere: false)) return true;
        }

        return false;
    }

    private static bool InCountry(IReadOnlyList<NamedEntry> candidates, string country)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates[i].Entry.Country == country) return true;
        }

        return false;
    }

    /// <summary>How many countries the candidates lie in.</summary>
    private static int CountriesOf(IReadOnlyList<NamedEntry> candidates)
    {
        if (candidates.Count > 16)
        {
            var countries = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < candidates.Count; i++) countries.Add(candidates[i].Entry.Country);
            return countries.Count;
        }

        var count = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            var seen = false;
            for (var j = 0; j < i && !seen; j++) seen = string.Equals(candidates[j].Entry.Country, candidates[i].Entry.Country, StringComparison.Ordinal);
            if (!seen) count++;
        }

        return count;
    }
}
