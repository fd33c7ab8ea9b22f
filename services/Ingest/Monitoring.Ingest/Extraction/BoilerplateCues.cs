using System.Buffers;
using System.Text.Json;

namespace Monitoring.Ingest.Extraction;

/// <summary>
/// The multilingual cue tables of <c>Extraction/Data/boilerplate-cues.json</c>: the class/id words templates give their
/// furniture, the headings that open related lists and comment threads, inline promo prefixes, comment headers,
/// menu words and consent words. Data, so that a language is added by editing the file, not the code.
/// </summary>
internal sealed class BoilerplateCues
{
    public static BoilerplateCues Default { get; } = Load();

    private BoilerplateCues(JsonElement root)
    {
        var tokens = root.GetProperty("attributeTokens");
        foreach (var kind in tokens.EnumerateObject().Where(kind => kind.Value.ValueKind == JsonValueKind.Array))
        {
            foreach (var token in kind.Value.EnumerateArray()) AttributeTokens[token.GetString()!] = kind.Name;
        }

        FurnitureHeadings = Lines(root.GetProperty("furnitureHeadings"));
        FurniturePhrases = FurnitureHeadings.Where(heading => heading.Contains(' ')).ToArray();
        CitationHeadings = Lines(root.GetProperty("citationHeadings"));
        InlinePromos = Lines(root.GetProperty("inlinePromos")).OrderByDescending(promo => promo.Length).ToArray();
        CommentVerbs = Lines(root.GetProperty("commentLines"));
        NavigationWords = Lines(root.GetProperty("navigationWords"));
        AdLabels = Lines(root.GetProperty("adLabels"));
        var callVerbs = Lines(root.GetProperty("callsToAction"));
        CallToActionVerbs = callVerbs;
        UnspacedCallToActionVerbs = callVerbs.Where(verb => verb.All(c => c >= '\u2E80')).ToArray();
        CookieWords = Strings(root.GetProperty("consentWords").GetProperty("cookie")).ToArray();
        ConsentWords = Strings(root.GetProperty("consentWords").GetProperty("consent")).ToArray();
        ReadingTimes = Lines(root.GetProperty("readingTimes"));
        AffiliateWords = Strings(root.GetProperty("affiliateDisclosures").GetProperty("affiliate")).ToArray();
        AffiliateClaims = Strings(root.GetProperty("affiliateDisclosures").GetProperty("claim")).ToArray();
        // Every line of every page is checked: one search for any of the words, not one scan of the line per word.
        _cookieWords = AnyOf(CookieWords);
        _consentWords = AnyOf(ConsentWords);
        _affiliateWords = AnyOf(AffiliateWords);
        SourceCredits = Lines(root.GetProperty("sourceCredits"));
        ImageCredits = Lines(root.GetProperty("imageCredits")).OrderByDescending(phrase => phrase.Length).ToArray();
    }

    /// <summary>Class/id word → the kind of furniture it names (comments, related, share, …).</summary>
    public Dictionary<string, string> AttributeTokens { get; } = new(StringComparer.OrdinalIgnoreCase);

    public HashSet<string> FurnitureHeadings { get; }

    /// <summary>The furniture headings that name the article's references and sources, not a box.</summary>
    public HashSet<string> CitationHeadings { get; }

    /// <summary>The furniture headings of several words ("related articles", "more from"), which also open a longer heading.</summary>
    public string[] FurniturePhrases { get; }
    public string[] InlinePromos { get; }
    public HashSet<string> CommentVerbs { get; }
    public HashSet<string> NavigationWords { get; }

    /// <summary>"Advertisement", "Anzeige", "Publicidad": the label over an ad's slot, a line of its own.</summary>
    public HashSet<string> AdLabels { get; }

    /// <summary>A line that is an ad's label alone, dashes or brackets around it ("- Advertisement -", "[Anzeige]").</summary>
    public bool IsAdLabel(string line) => line.Length <= 60 && IsLine(AdLabels, line.Trim().Trim('-', '–', '—', '[', ']', '(', ')', '*', '|', ' '));
    public HashSet<string> CallToActionVerbs { get; }
    private string[] UnspacedCallToActionVerbs { get; }
    public string[] CookieWords { get; }
    public string[] ConsentWords { get; }
    private HashSet<string> ReadingTimes { get; }
    private string[] AffiliateWords { get; }
    private string[] AffiliateClaims { get; }
    private readonly SearchValues<string> _cookieWords;
    private readonly SearchValues<string> _consentWords;
    private readonly SearchValues<string> _affiliateWords;
    private HashSet<string> SourceCredits { get; }
    private string[] ImageCredits { get; }

    /// <summary>Whether a short line is one of the table's lines: case folded, a trailing colon and spaces ignored.</summary>
    public static bool IsLine(HashSet<string> table, string line)
    {
        var trimmed = line.AsSpan().Trim().TrimEnd(':').TrimEnd('：').TrimEnd();
        return trimmed.Length is > 0 and <= 60 && table.GetAlternateLookup<ReadOnlySpan<char>>().Contains(trimmed);
    }

    /// <summary>
    /// Whether a short heading starts or ends with a furniture heading of several words, as whole words: "Related articles
    /// that may interest you", "More from the newsroom", "Explore more related content" (not "Getting more from your garden").
    /// A heading ending in a colon introduces what follows ("Read more about the costs:") and is the article's.
    /// </summary>
    public bool IsFramedByFurniturePhrase(string heading)
    {
        var line = heading.AsSpan().Trim();
        if (line.Length > 60 || line.IsEmpty || line[^1] is ':' or '：') return false;
        foreach (var phrase in FurniturePhrases)
        {
            if (line.Length <= phrase.Length) continue;
            if (line.StartsWith(phrase, StringComparison.OrdinalIgnoreCase) && !char.IsLetterOrDigit(line[phrase.Length])) return true;
            if (line.EndsWith(phrase, StringComparison.OrdinalIgnoreCase) && !char.IsLetterOrDigit(line[^(phrase.Length + 1)])) return true;
        }

        return false;
    }

    /// <summary>Whether the line opens with a call-to-action verb ("Book now", "👉 Try Acme", "Jetzt buchen", "立即购买").</summary>
    public bool StartsWithCallToAction(string line)
    {
        var text = line.AsSpan();
        var start = 0;
        while (start < text.Length && !char.IsLetter(text[start])) start++;
        var end = start;
        while (end < text.Length && (char.IsLetter(text[end]) || text[end] is '-' || char.GetUnicodeCategory(text[end]) == System.Globalization.UnicodeCategory.NonSpacingMark)) end++;
        if (end == start) return false;
        var word = text[start..end];
        if (CallToActionVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)) return true;
        foreach (var verb in UnspacedCallToActionVerbs)
        {
            if (word.StartsWith(verb, StringComparison.Ordinal)) return true;
        }

        return false;
    }

    /// <summary>Whether the line starts with a promo prefix followed by a colon ("Related: …", "Lire aussi : …").</summary>
    public bool IsInlinePromo(string line)
    {
        foreach (var promo in InlinePromos)
        {
            if (line.Length > promo.Length && line.StartsWith(promo, StringComparison.OrdinalIgnoreCase))
            {
                var rest = line.AsSpan(promo.Length).TrimStart();
                if (rest.Length > 0 && rest[0] is ':' or '：' or '»' or '>' or '|') return true;
            }
        }

        return false;
    }

    /// <summary>A cookie word and a consent word in one line: a consent banner in any of the listed languages.</summary>
    public bool IsConsentNotice(string line) => line.AsSpan().ContainsAny(_cookieWords) && line.AsSpan().ContainsAny(_consentWords);

    /// <summary>"14 min read", "Lesezeit: 5 Min.": a number and a reading-time phrase, nothing else.</summary>
    public bool IsReadingTime(string line)
    {
        if (!line.Any(char.IsDigit)) return false;
        var words = new string(line.Select(c => char.IsLetter(c) ? c : ' ').ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && ReadingTimes.Contains(string.Join(' ', words));
    }

    /// <summary>Affiliate links named together with the page or the writer's earnings: the disclosure a template prints.</summary>
    public bool IsAffiliateDisclosure(string line) =>
        line.AsSpan().ContainsAny(_affiliateWords)
        && AffiliateWords.Any(word => ContainsWord(line, word)) && AffiliateClaims.Any(claim => ContainsWord(line, claim));

    /// <summary>"Source: statista.com": a credit label, a colon and at most four words.</summary>
    public bool IsSourceCredit(string line)
    {
        var colon = line.IndexOfAny([':', '：']);
        if (colon <= 0 || !SourceCredits.Contains(line[..colon].Trim())) return false;
        var credit = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return credit.Length is > 0 and <= 4;
    }

    /// <summary>Whether the line says where an image comes from: at most ten words opening with "Image from", "Courtesy of"….</summary>
    public bool IsImageCredit(string line)
    {
        var text = line.AsSpan().TrimStart();
        if (CandidateChoice.WordCount(line) > 10) return false;
        foreach (var phrase in ImageCredits)
        {
            if (text.Length > phrase.Length && text.StartsWith(phrase, StringComparison.OrdinalIgnoreCase) && char.IsWhiteSpace(text[phrase.Length])) return true;
        }

        return false;
    }

    /// <summary>Any of <paramref name="words"/> inside a text, case ignored as <c>Contains(word, OrdinalIgnoreCase)</c> does; an empty word is in every text.</summary>
    private static SearchValues<string> AnyOf(string[] words) =>
        SearchValues.Create(words.Any(word => word.Length == 0) ? [""] : words, StringComparison.OrdinalIgnoreCase);

    // As whole words: "affiliate" is not in "affiliated", "we earn" not in "we earned" (scripts without spaces match anywhere).
    private static bool ContainsWord(string line, string word)
    {
        for (var at = line.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = line.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetter(line[at - 1]) || word[0] >= '\u2E80') && (end == line.Length || !char.IsLetter(line[end]) || word[^1] >= '\u2E80')) return true;
        }

        return false;
    }

    private static HashSet<string> Lines(JsonElement byLanguage) =>
        byLanguage.EnumerateObject().Where(language => language.Value.ValueKind == JsonValueKind.Array)
            .SelectMany(language => Strings(language.Value)).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static IEnumerable<string> Strings(JsonElement array) => array.EnumerateArray().Select(item => item.GetString()!);

    private static BoilerplateCues Load()
    {
        using var stream = typeof(BoilerplateCues).Assembly.GetManifestResourceStream("Monitoring.Ingest.Extraction.Data.boilerplate-cues.json")
            ?? throw new InvalidOperationException("The embedded boilerplate-cues.json is missing from Monitoring.Ingest.");
        using var json = JsonDocument.Parse(stream);
        return new BoilerplateCues(json.RootElement);
    }
}
