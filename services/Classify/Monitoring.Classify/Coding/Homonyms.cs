using Monitoring.Classify.Text;

namespace Monitoring.Classify.Coding;

/// <summary>
/// Stage 1b: a name two actors share. Unvocalised Arabic writes Oman and its neighbour's capital Amman alike ("عمان"):
/// the name is the capital (<c>capital-homonyms</c>, name=country of the capital) when a word for a capital stands right
/// before it (<c>capital-words</c>, "العاصمة عمان") or when the text names the capital's country elsewhere ("الأردنية").
/// A language with no such names keeps every mention.
/// </summary>
internal static class Homonyms
{
    public static List<ActorMention> Resolve(List<Token> tokens, List<ActorMention> mentions, CodingLanguage language)
    {
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
