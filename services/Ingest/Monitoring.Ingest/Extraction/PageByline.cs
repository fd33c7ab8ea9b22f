using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Monitoring.Ingest.Extraction;

/// <summary>
/// Who wrote the article, as the page shows it: the byline printed near the headline after a label ("By Jane Doe",
/// "Written by" followed by the name in the next element, "Par", "Von", "Автор"… from <see cref="MetadataCues"/>),
/// several authors joined as printed ("A, B and C"); Readability's rule (an element marked as author or byline)
/// when no label is printed. Bylines are cleaned of their label, of a glued "By", and of trailing punctuation.
/// </summary>
internal static partial class PageByline
{
    private const int MaxLength = 120;

    /// <summary>The byline printed after a label in the headline's region, or null.</summary>
    public static string? Labelled(HeadlineRegion region, MetadataCues cues)
    {
        var pieces = region.Pieces;
        for (var i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            if (piece.Length > 200) continue;
            if (IsLabel(piece.AsSpan().TrimEnd(':').TrimEnd('：').TrimEnd(), cues))
            {
                if (NamesFrom(pieces, i + 1, cues) is { } names) return names;
                continue;
            }

            if (AfterLabel(piece, cues) is { } rest)
            {
                var name = Clean(Separator().Split(rest)[0]);
                if (name is null || !LooksLikeName(name, cues)) continue;

                // "Written by Jane Doe," + "John Roe": the names continue in the next pieces.
                var more = piece.EndsWith(',') || cues.NameJoiners.Contains(rest.Split(' ')[^1]) ? NamesFrom(pieces, i + 1, cues) : null;
                return more is null ? name : $"{name}, {more}";
            }
        }

        return null;
    }

    // The name in the next piece, and the names joined to it by ", " / "and" / "&" in the pieces after it.
    private static string? NamesFrom(IReadOnlyList<string> pieces, int from, MetadataCues cues)
    {
        var names = new List<string>();
        for (var i = from; i < pieces.Count && i < from + 12; i++)
        {
            var name = Clean(pieces[i]);
            if (name is null || !LooksLikeName(name, cues)) break;
            names.Add(name);
            if (i + 1 >= pieces.Count || !IsJoiner(pieces[i + 1], cues)) break;
            i++;
        }

        return names.Count == 0 ? null : string.Join(", ", names);
    }

    private static bool IsJoiner(string piece, MetadataCues cues)
    {
        var trimmed = piece.Trim().TrimStart(',').Trim();
        return piece.Trim() == "," || cues.NameJoiners.Contains(trimmed);
    }

    private static bool IsLabel(ReadOnlySpan<char> text, MetadataCues cues) =>
        text.Length is > 0 and <= 30 && cues.BylineLabels.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text);

    // "By Jane Doe", "Written by: Jane Doe", "Par Jean Dupont": what follows the longest label that starts the line.
    private static string? AfterLabel(string piece, MetadataCues cues)
    {
        var words = piece.Split(' ', 5);
        for (var count = Math.Min(4, words.Length - 1); count >= 1; count--)
        {
            var label = string.Join(' ', words.Take(count));
            var bare = label.TrimEnd(':').TrimEnd('：');
            if (cues.BylineLabels.Contains(bare) && words[count].Length > 0 && char.IsLetter(words[count][0]))
            {
                var rest = piece[label.Length..].TrimStart(' ', ':', '：').Trim();
                return rest.Length > 0 ? rest : null;
            }
        }

        return null;
    }

    /// <summary>"By Jane Doe" → "Jane Doe", "ByLena Petrova-" → "Lena Petrova"; a bare label or a placeholder is no byline.</summary>
    public static string? Clean(string? value)
    {
        if (HtmlMetadata.Clean(value) is not { } clean) return null;
        clean = GluedPrefix().Replace(LabelPrefix().Replace(clean, string.Empty), string.Empty).Trim(' ', ',', ';', '-', '–', '—', '|', '•', '·', ':');
        if (clean.Length is 0 or > MaxLength || MetadataCues.Default.NotNames.Contains(clean) || HasLabelWord(clean, MetadataCues.Default)) return null;
        return clean;
    }

    // "Updated on", "Fact Checked", "Recent Posts": a label or a widget's title in the byline's place.
    private static bool HasLabelWord(string text, MetadataCues cues)
    {
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (cues.NotNameWords.Contains(word.Trim(',', ':', '.', ';'))) return true;
        }

        return cues.NotNameWords.Any(phrase => phrase.Contains(' ') && text.Contains(phrase, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A person's or a desk's name, not a label or a sentence: a few words, capitalised, no digits or address signs before a comma.</summary>
    public static bool LooksLikeName(string text, MetadataCues cues)
    {
        var name = text.Split(',', '|')[0].Trim();
        if (name.Length < 2 || cues.NotNames.Contains(name)) return false;
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 6 || name.Any(c => char.IsDigit(c) || c is '@' or '/' or '|' or ':' or '?' or '!')) return false;
        if (char.IsLower(name[0])) return false;

        // "Anna van der Berg" and "Jane Doe and John Roe", not "clicking submit you agree".
        var lower = words.Count(word => char.IsLower(word[0]) && word.Length > 3 && !cues.NameJoiners.Contains(word));
        return lower == 0;
    }

    /// <summary>Readability's byline rule: the first short element marked as author or byline (rel, microdata, class or id) that reads as a name.</summary>
    public static string? FromMarkup(IDocument document, MetadataCues cues)
    {
        foreach (var selector in MarkupAuthorSelectors)
        {
            foreach (var element in document.QuerySelectorAll(selector))
            {
                if (element.TextContent.Length > 200) continue;
                if (Clean(FirstLine(element)) is { Length: >= 3 and <= 80 } name && LooksLikeName(name, cues)) return name;
            }
        }

        return null;
    }

    // The element's first text (an author card holds the name, then the role, in separate elements).
    private static string FirstLine(IElement element)
    {
        foreach (var text in element.GetDescendants().OfType<IText>())
        {
            if (!string.IsNullOrWhiteSpace(text.Data) && text.ParentElement is { } parent && !HtmlMainText.SkippedTags.Contains(parent.LocalName))
            {
                var piece = text.Data.Trim();
                return IsLabel(piece.AsSpan().TrimEnd(':').TrimEnd(), MetadataCues.Default) ? element.TextContent : piece;
            }
        }

        return element.TextContent;
    }

    private static readonly string[] MarkupAuthorSelectors =
    [
        "[itemprop=author] [itemprop=name]", "[rel=author]", "[itemprop=author]", "[class*=byline i] [class*=author i]", "[class*=author-name i], [class*=authorname i]",
        "[class*=byline i], [class*=author i], [id*=author i], [class*=writtenby i]",
    ];

    [GeneratedRegex(@"^(written by|posted by|published by|reviewed by|by|von|par|por|di|door|av|author|автор)(\s*:\s*|\s+|$)", RegexOptions.IgnoreCase)]
    private static partial Regex LabelPrefix();

    // "ByLena Petrova", "Written byOmar Haddad": the label glued to the name by a template without a space.
    [GeneratedRegex(@"^(?:Written by|Posted by|By)(?=\p{Lu})")]
    private static partial Regex GluedPrefix();

    // Where a printed byline ends: " on 4 May", " in Sports", " - 5 min read", " | Updated", " • ".
    [GeneratedRegex(@"\s+(?:on|in|am|le|el|il|em|•|·|\||-|–|—)\s+|\s+\d|\s*[•·|]\s*")]
    private static partial Regex Separator();
}
