using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Monitoring.Ingest.Extraction;

/// <summary>
/// The headline a reader sees: the page's own <c>&lt;h1&gt;</c> when it reads like a headline, else Open Graph /
/// Twitter titles, the document title and the schema.org headline with the " | Site name" suffix taken off; a short
/// tagline after a separator is dropped from either. Meta titles are often rewritten for search engines; the h1 is
/// what the page shows.
/// </summary>
internal static class PageTitle
{
    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » "];

    public static string? Find(IDocument document, string? schemaHeadline, Func<string, string?> meta, out IElement? headline)
    {
        var siteName = HtmlMetadata.Clean(meta("og:site_name"));
        var metaTitles = new[] { meta("og:title"), meta("twitter:title"), document.Title, schemaHeadline }
            .Select(HtmlMetadata.Clean).OfType<string>().Select(title => WithoutSiteName(title, siteName)).ToList();
        headline = Headline(document, siteName, metaTitles.Count == 0 ? null : string.Join(' ', metaTitles));
        var title = headline is not null ? HtmlMetadata.Clean(headline.TextContent) : metaTitles.FirstOrDefault();
        if (title is not null && metaTitles.FirstOrDefault(meta => AddsCount(meta, title)) is { } counted) return counted;
        if (headline is not null && title is not null && metaTitles.FirstOrDefault(meta => HeadlineTextDamaged(meta, title)) is { } intact) return intact;
        if (headline is not null && title is not null && metaTitles.FirstOrDefault(meta => SameButAmpersand(meta, title)) is { } amp) return amp;
        if (headline is not null && title is not null && metaTitles.FirstOrDefault(meta => AddsQualifier(meta, title) || AddsQualifier(meta, WithoutTagline(title))) is { } qualified) return qualified;
        return title is null ? null : WithoutTagline(title);
    }

    // "… for Homeowners and Investors" shown, "… for Homeowners & Investors" declared: the same title, one spelling
    // written out; the declared one is the spelling the publisher gave it.
    private static bool SameButAmpersand(string metaTitle, string shown)
    {
        var declared = metaTitle.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var words = shown.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (declared.Length != words.Length || string.Equals(metaTitle, shown, StringComparison.OrdinalIgnoreCase)) return false;
        var joiners = MetadataCues.Default.NameJoiners;
        return declared.Zip(words).All(pair => string.Equals(pair.First, pair.Second, StringComparison.OrdinalIgnoreCase)
            || ((pair.First == "&" || pair.Second == "&") && joiners.Contains(pair.First) && joiners.Contains(pair.Second)));
    }

    // "Beginner's Guide to SEO (Search Engine Optimization)" / "Best Audiobooks in 2025 [Tried 11 Services]" declared,
    // "The Beginner's Guide to SEO" / "Best Audiobooks in 2025" shown: the declared title is the headline with a
    // bracketed qualifier the design leaves out (and an opening article either may drop); it is the whole title.
    // The other way round (the h1 carries the qualifier) the h1 already is.
    internal static bool AddsQualifier(string metaTitle, string shown)
    {
        var trimmed = metaTitle.TrimEnd();
        if (trimmed.Length == 0 || trimmed[^1] is not (')' or ']')) return false;
        var open = trimmed.LastIndexOf(trimmed[^1] == ')' ? " (" : " [", StringComparison.Ordinal);
        if (open <= 0 || WordCount(trimmed[(open + 2)..^1]) is 0 or > 8) return false;
        var core = WithoutArticle(Words(trimmed[..open]).ToList());
        var words = WithoutArticle(Words(shown).ToList());
        return core.Count >= 2 && core.SequenceEqual(words, StringComparer.OrdinalIgnoreCase);
    }

    private static List<string> WithoutArticle(List<string> words) =>
        words.Count > 1 && MetadataCues.Default.TitleArticles.Contains(words[0]) ? words[1..] : words;

    // "12 Ways to Plan a Garden" / "Best Garden Tools 2026" declared, "Ways to Plan a Garden" / "Best Garden
    // Tools" shown: designs set a list's count or its year apart from the h1; the declared title is the whole one.
    private static bool AddsCount(string metaTitle, string shown)
    {

        var declared = Words(metaTitle).ToList();
        var words = Words(shown).ToList();
        if (declared.Count != words.Count + 1 || words.Count < 2) return false;
        static bool Number(string word) => word.All(char.IsAsciiDigit);
        return (Number(declared[0]) && declared.Skip(1).SequenceEqual(words, StringComparer.OrdinalIgnoreCase))
            || (Number(declared[^1]) && declared.Take(words.Count).SequenceEqual(words, StringComparer.OrdinalIgnoreCase));
    }

    // The page shows the declared title but its h1 lost characters on the way: separators the markup replaced by
    // spans or a line break ("Tutoring is not. Defining…" for "Tutoring is not. - Defining…"), or characters lost
    // to a wrong encoding ("Beginner? Guide" for "Beginner's Guide"). The same letters, the declared spelling.
    private static bool HeadlineTextDamaged(string metaTitle, string shown)
    {
        if (string.Equals(metaTitle, shown, StringComparison.OrdinalIgnoreCase)) return false;
        var letters = LettersAndDigits(metaTitle);
        if (letters.Length >= 10 && letters == LettersAndDigits(shown) && InnerPunctuation(metaTitle) > InnerPunctuation(shown)) return true;
        if (shown.IndexOfAny(['?', '\uFFFD']) is var at && (at < 0 || at == shown.Length - 1)) return false;
        var pattern = string.Concat(shown.Select(c => c is '?' or '\uFFFD' ? ".{0,3}" : Regex.Escape(c.ToString())));
        return Regex.IsMatch(metaTitle, "^" + pattern + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
    }

    private static string LettersAndDigits(string text) => string.Concat(text.Where(char.IsLetterOrDigit)).ToLowerInvariant();

    // Between the first and the last letter: a stray "|" or "?>" a template leaves at the end is not a separator.
    private static int InnerPunctuation(string text)
    {
        var first = 0;
        var last = text.Length - 1;
        while (first <= last && !char.IsLetterOrDigit(text[first])) first++;
        while (last >= first && !char.IsLetterOrDigit(text[last])) last--;
        return text[first..(last + 1)].Count(c => !char.IsLetterOrDigit(c) && !char.IsWhiteSpace(c));
    }

    // The first visible h1 outside the page's furniture that says what the meta title says (a logo, "Blog" or
    // "Menu" in an h1 does not); else the first h1 of a sentence's length (a headline the page shows, even when the
    // title written for search engines words it differently); without a meta title to compare, the first such h1.
    private static IElement? Headline(IDocument document, string? siteName, string? metaTitle)
    {
        var metaWords = metaTitle is null ? null : Words(metaTitle).ToHashSet(StringComparer.OrdinalIgnoreCase);
        IElement? sentenceLong = null;
        foreach (var h1 in document.QuerySelectorAll("h1"))
        {
            if (FurnitureElements.IsHidden(h1) || h1.Closest("nav, aside, footer, menu, dialog, [role=navigation], [role=dialog]") is not null) continue;
            var text = HtmlMetadata.Clean(h1.TextContent);
            if (text is null || text.Length < 3 || text.Length > 300) continue;
            if (siteName is not null && string.Equals(text, siteName, StringComparison.OrdinalIgnoreCase)) continue;
            if (metaWords is null) return h1;
            var words = Words(text).ToList();
            // A label of up to three words ("M&A Updates", "Supporting GAAP compliance") says what the section is,
            // not what the article is called, unless the declared title says all of it.
            var matched = words.Count(metaWords.Contains);
            if (words.Count > 0 && (words.Count <= 3 ? matched == words.Count : matched * 2 >= words.Count)) return h1;
            if (words.Count is >= 7 and <= 25) sentenceLong ??= h1;
        }

        return sentenceLong;
    }

    // "Ministers sign the accord | Full text" → "Ministers sign the accord": a short tail after a spaced separator, as
    // long as the head or shorter, is a tagline or a section name, not the headline ("Ministers sign the accord — and parliaments must now ratify it" keeps its tail).
    internal static string WithoutTagline(string title)
    {
        foreach (var separator in TaglineSeparators)
        {
            var at = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (at <= 0) continue;
            var head = WordCount(title[..at]);
            var tail = WordCount(title[(at + separator.Length)..]);
            if (tail <= 4 && head >= 3 && head >= tail) return title[..at].Trim();
        }

        return title;
    }

    private static readonly string[] TaglineSeparators = [" | ", " - ", " – ", " — "];

    private static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(word => word.Any(char.IsLetterOrDigit));

    private static IEnumerable<string> Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(word => word.Trim(',', '.', ':', ';', '!', '?', '"', '\'', '(', ')', '[', ']', '|', '–', '—', '-')).Where(word => word.Length > 0);

    // "Ministers sign the accord | Example News" → "Ministers sign the accord", when the tail is the site's name or short.
    internal static string WithoutSiteName(string title, string? siteName)
    {
        foreach (var separator in Separators)
        {
            var at = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (at <= 0) continue;
            var tail = title[(at + separator.Length)..];
            var isSite = siteName is not null ? tail.Contains(siteName, StringComparison.OrdinalIgnoreCase) || siteName.Contains(tail, StringComparison.OrdinalIgnoreCase)
                : tail.Split(' ').Length <= 3;
            if (isSite) return title[..at].Trim();
        }

        return WithoutLeadingSiteName(title, siteName);
    }

    // "Example News | Ministers sign the accord", "Opinion | Ministers sign…": a site or section name some templates
    // put first; a short head before a bar, followed by a longer headline.
    private static string WithoutLeadingSiteName(string title, string? siteName)
    {
        foreach (var separator in LeadingSeparators)
        {
            var at = title.IndexOf(separator, StringComparison.Ordinal);
            if (at <= 0) continue;
            var head = title[..at];
            var rest = title[(at + separator.Length)..].Trim();
            var isSite = siteName is not null && head.Contains(siteName, StringComparison.OrdinalIgnoreCase)
                || (WordCount(head) <= 3 && WordCount(rest) >= WordCount(head) + 2);
            if (isSite) return rest;
        }

        return title;
    }

    private static readonly string[] LeadingSeparators = [" | ", " :: "];
}
