using Monitoring.Classify.Text;

namespace Monitoring.Classify.Coding;

/// <summary>
/// Stage 1b: a name two actors share. Unvocalised Arabic writes Oman and its neighbour's capital Amman alike ("عمان"):
/// the name is the capital (<c>capital-homonyms</c>, name=country of the capital) when a word for a capital stands right
/// before it (<c>capital-words</c>, "العاصمة عمان") or when the text names the capital's country elsewhere ("الأردنية").
/// A country's name that is also a given name (<c>given-names</c>: Spanish "Mauricio", Mauritius) is a person's when a
/// surname follows it, a capitalised word after at most two particles (<c>name-particles</c>: "Mauricio de la Fuente").
/// A language with no such names keeps every mention.
/// </summary>
internal static class Homonyms
{
    public static List<ActorMention> Resolve(string text, List<Token> tokens, List<ActorMention> mentions, CodingLanguage language)
    {
        var givenNames = language.Cues.Set("given-names");
        if (givenNames.Count > 0) mentions.RemoveAll(m => givenNames.Contains(m.Text.ToLowerInvariant()) && BeforeSurname(text, tokens, m, language.Cues.Set("name-particles")));
        var capitals = language.Cues.Map("capital-homonyms");
        if (capitals.Count == 0) return mentions;
        var capitalWords = language.Cues.Set("capital-words");
        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Text.Contains(' ') || Capital(m.Text, capitals, language.Shapes) is not { } country || m.Code == country) continue;
            var before = TokenBefore(tokens, m.Start);
            if (mentions.Exists(o => o.Code == country) || (before >= 0 && language.Shapes.Candidates(tokens[before].Lower).AnyIn(capitalWords)))
            {
                mentions[i] = m with { Code = country, Cameo = null };
            }
        }

        return mentions;
    }

    /// <summary>The country of the capital <paramref name="name"/> may be, through its clitics ("بعمان"), or null.</summary>
    private static string? Capital(string name, Dictionary<string, string> capitals, WordShapes shapes)
    {
        foreach (var shape in shapes.Candidates(name.ToLowerInvariant()))
        {
            if (capitals.TryGetValue(shape, out var country)) return country;
        }

        return null;
    }

    /// <summary>A capitalised word, written with lower case after its first letter, right after the mention or after one or two particles.</summary>
    private static bool BeforeSurname(string text, List<Token> tokens, ActorMention mention, HashSet<string> particles)
    {
        var k = TokenBefore(tokens, mention.End) + 1;
        for (var n = 0; n < 2 && k < tokens.Count && particles.Contains(tokens[k].Lower); n++) k++;
        if (k >= tokens.Count || !tokens[k].Capitalized || tokens[k].Length < 2) return false;
        if (text.AsSpan(tokens[k - 1].End, tokens[k].Start - tokens[k - 1].End).Trim().Length > 0) return false;
        foreach (var c in text.AsSpan(tokens[k].Start + 1, tokens[k].Length - 1))
        {
            if (char.IsLower(c)) return true;
        }

        return false;
    }

    /// <summary>The index of the last token ending at or before <paramref name="offset"/>, or -1.</summary>
    private static int TokenBefore(List<Token> tokens, int offset)
    {
        int low = 0, high = tokens.Count - 1, found = -1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (tokens[mid].End <= offset)
            {
                found = mid;
                low = mid + 1;
            }
            else high = mid - 1;
        }

        return found;
    }
}
