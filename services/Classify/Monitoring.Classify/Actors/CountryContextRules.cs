using Monitoring.Classify.Text;

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
    private readonly HashSet<string> _givenNames = new(context.GivenNames.Names, StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _particles = new(context.GivenNames.Particles, StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _notSurnames = new(context.GivenNames.NotSurnames, StringComparer.OrdinalIgnoreCase);

    public void DropClubsAndBrands(string text, List<RecognizedMention> mentions)
    {
        if (_before.Count == 0 && _after.Length == 0) return;
        mentions.RemoveAll(m => m.Actor.Type == ActorType.Country && (_before.Contains(WordBefore(text, m.Start)) || FollowedBy(text, m.End)));
    }

    /// <summary>"Mauricio Macri" is a person, not Mauritius: a country's name that is also a given name, before a surname.</summary>
    public void DropGivenNames(string text, List<Token> tokens, List<RecognizedMention> mentions)
    {
        if (_givenNames.Count == 0) return;
        var starts = new HashSet<int>(mentions.Count);
        foreach (var m in mentions) starts.Add(m.FirstToken);
        mentions.RemoveAll(m => m.Actor.Type == ActorType.Country && m.FirstToken == m.LastToken && _givenNames.Contains(m.Text) && BeforeSurname(text, tokens, m.LastToken, starts));
    }

    private bool BeforeSurname(string text, List<Token> tokens, int name, HashSet<int> mentionStarts)
    {
        var k = name + 1;
        for (var n = 0; n < 2 && k < tokens.Count && _particles.Contains(tokens[k].Lower); n++) k++;
        if (k >= tokens.Count || mentionStarts.Contains(k) || !tokens[k].Capitalized || tokens[k].Length < 2) return false;
        if (!text.AsSpan(tokens[k - 1].End, tokens[k].Start - tokens[k - 1].End).IsWhiteSpace()) return false;
        if (_notSurnames.Contains(tokens[k].Lower)) return false;
        foreach (var c in text.AsSpan(tokens[k].Start + 1, tokens[k].Length - 1))
        {
            if (char.IsLower(c)) return true;
        }

        return false;
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
