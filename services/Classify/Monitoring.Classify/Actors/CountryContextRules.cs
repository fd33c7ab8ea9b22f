namespace Monitoring.Classify.Actors;

/// <summary>
/// The rules <see cref="CountryContext"/> feeds: a country's name next to a club or brand word is not the country
/// ("Real Madrid", "China Open"), and a body every state has, right after a country, is that country's
/// ("Russia's Security Council" is Russia's, not the UN's).
/// </summary>
internal sealed class CountryContextRules(CountryContext context)
{
    private readonly HashSet<string> _before = new(context.NotCountry.Before, StringComparer.Ordinal);
    private readonly string[] _after = [.. context.NotCountry.After];
    private readonly HashSet<string> _bodies = new(context.NationalBodies, StringComparer.OrdinalIgnoreCase);

    public void DropClubsAndBrands(string text, List<RecognizedMention> mentions)
    {
        if (_before.Count == 0 && _after.Length == 0) return;
        mentions.RemoveAll(m => m.Actor.Type == ActorType.Country && (_before.Contains(WordBefore(text, m.Start)) || FollowedBy(text, m.End)));
    }

    public void QualifyNationalBodies(string text, List<RecognizedMention> mentions)
    {
        for (var i = 1; i < mentions.Count; i++)
        {
            var body = mentions[i];
            var country = mentions[i - 1];
            if (body.Actor.Type != ActorType.Organisation || country.Actor.Type != ActorType.Country || !_bodies.Contains(body.Text)) continue;
            if (!ActorRecognizer.IsAdjacentBefore(text.AsSpan(country.End, body.Start - country.End))) continue;
            var national = body.Actor with
            {
                Id = $"{body.Actor.Id}:{country.Code.ToLowerInvariant()}", Name = $"{body.Actor.Name} of {country.Actor.Name}", Code = country.Code,
                Country = country.Code, Sectors = ["GOV"], Cameo = country.Code + "GOV",
            };
            mentions[i] = body with { Actor = national, Code = country.Code, Country = country.Code };
        }
    }

    private static string WordBefore(string text, int start)
    {
        var end = start;
        while (end > 0 && text[end - 1] is ' ' or '\t') end--;
        var begin = end;
        while (begin > 0 && char.IsLetter(text[begin - 1])) begin--;
        return text[begin..end];
    }

    private bool FollowedBy(string text, int end)
    {
        var rest = text.AsSpan(end);
        var trimmed = rest.TrimStart(" \t");
        if (trimmed.Length == rest.Length) return false;
        foreach (var word in _after)
        {
            if (trimmed.StartsWith(word, StringComparison.Ordinal) && (trimmed.Length == word.Length || !char.IsLetterOrDigit(trimmed[word.Length]))) return true;
        }

        return false;
    }
}
