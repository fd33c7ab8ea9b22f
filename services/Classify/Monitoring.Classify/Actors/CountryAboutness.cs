namespace Monitoring.Classify.Actors;

/// <summary>
/// The countries an article is about, as opposed to every country it names. Each country gets one point per mention
/// of its name, demonym or capital and per mention of one of its people or national bodies ("Shoigu", "the Kremlin");
/// a role word beside its country ("Iraqi Prime Minister") is the same reference, not a second one. A country the
/// title names is about the article. A country named once in the body is a passing mention (a guest's home country, a
/// university abroad, history) when another country has at least <see cref="Centre"/> points: the article plainly
/// centres elsewhere. A dateline ("WASHINGTON —") and a credit line ("… contributed to this report from Washington")
/// say where the reporter was, not what happened. Dropped countries stay among the entities; a short story (under
/// <see cref="ShortStory"/> tokens) keeps every country it names. Most supported first.
/// </summary>
public static class CountryAboutness
{
    private const int Centre = 3;

    // Under this many tokens a story has no room for passing mentions: every country it names is a party to it.
    private const int ShortStory = 150;

    public static IReadOnlyList<string> Countries(ActorRecognition recognition, string text, int titleEnd, int tokens)
    {
        var named = recognition.Countries;
        if (named.Count < 2 || tokens < ShortStory) return named;
        var countries = named.ToHashSet(StringComparer.Ordinal);
        var support = new Dictionary<string, int>(StringComparer.Ordinal);
        var inTitle = new HashSet<string>(StringComparer.Ordinal);
        var datelineEnd = DatelineEnd(text, titleEnd);
        foreach (var mention in recognition.Mentions)
        {
            if (mention.Actor.Type == ActorType.Role || !countries.Contains(mention.Code)) continue;
            if (mention.Start < titleEnd) inTitle.Add(mention.Code);
            else if (mention.Start < datelineEnd || InCreditLine(text, mention.Start)) continue;
            support[mention.Code] = support.GetValueOrDefault(mention.Code) + 1;
        }

        if (support.Count == 0 && inTitle.Count == 0) return named;
        var most = support.Count == 0 ? 0 : support.Values.Max();
        return named.Where(c => inTitle.Contains(c) || support.GetValueOrDefault(c) >= (most >= Centre ? 2 : 1))
            .OrderByDescending(c => support.GetValueOrDefault(c) + (inTitle.Contains(c) ? 2 : 0)).ToList();
    }

    // "WASHINGTON —", "KYIV, Ukraine (AP) —": the body opens with a place in capitals, closed by a dash before any
    // sentence ends.
    private static int DatelineEnd(string text, int titleEnd)
    {
        var start = titleEnd;
        while (start < text.Length && char.IsWhiteSpace(text[start])) start++;
        var capitals = 0;
        while (start + capitals < text.Length && char.IsUpper(text[start + capitals])) capitals++;
        if (capitals < 3 || start + capitals < text.Length && char.IsLower(text[start + capitals])) return 0;
        var limit = Math.Min(text.Length, start + 60);
        for (var i = start + capitals; i < limit; i++)
        {
            if (text[i] is '!' or '?' or '\n' || text[i] == '.' && !char.IsUpper(text[i - 1])) return 0;
            if (text[i] is '—' or '–' || text[i] == '-' && text[i - 1] == ' ') return i;
        }

        return 0;
    }

    // News credits the reporters at the end: "Margaret Smith contributed to this report from the United Nations."
    private static bool InCreditLine(string text, int position)
    {
        var sentenceStart = text.LastIndexOfAny(['.', '\n'], Math.Max(0, position - 1)) + 1;
        var sentenceEnd = text.IndexOfAny(['.', '\n'], position);
        var sentence = text.AsSpan(sentenceStart, (sentenceEnd < 0 ? text.Length : sentenceEnd) - sentenceStart);
        return sentence.Contains("contributed to this report", StringComparison.OrdinalIgnoreCase)
            || sentence.Contains("contributed reporting", StringComparison.OrdinalIgnoreCase)
            || sentence.Contains("reported from", StringComparison.OrdinalIgnoreCase);
    }
}
