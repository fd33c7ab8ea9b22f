using AngleSharp.Dom;

namespace Monitoring.Ingest.Extraction;

/// <summary>
/// The standfirst: prose paragraphs between the headline and the container a candidate chose. Templates often put
/// the intro in the article's header, beside the headline, and the body in a wrapper of its own; Readability's
/// container then starts at the second paragraph. Only a few sentence-long, link-poor paragraphs under the same
/// article wrapper as the headline are taken (never across the whole page), furniture skipped as everywhere, and
/// not the dek that repeats the page's meta description. A long subheading that ends in a full stop is such a paragraph,
/// and so is a summary box of sentences under a label of its own (<see cref="SummaryList"/>).
/// </summary>
internal static class LeadParagraphs
{
    private const int MaxBlocks = 3;
    private const int MaxWords = 160;

    public static IReadOnlyList<string> Before(IElement? headline, string? summary, IReadOnlyList<IElement> containers, IReadOnlyList<string> lines, BoilerplateCues cues)
    {
        if (headline is null || containers.Count == 0) return [];
        var first = containers[0];
        if (first.Contains(headline) || !Follows(headline, first)) return [];
        if (CommonAncestor(headline, first) is not { LocalName: not ("body" or "html") } common) return [];

        var known = lines.ToHashSet(StringComparer.Ordinal);
        var lead = new List<string>(MaxBlocks);
        var (words, paragraphs) = (0, 0);
        var blocks = HtmlMainText.Read([common], cues).Blocks;
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (block.Element is not { } element || headline.Contains(element) || element.Contains(headline)) continue;
            if (first.Contains(element) || element == first || Follows(first, element)) break;
            if (!Follows(headline, element)) continue;
            var text = HtmlMetadata.Clean(block.Text) ?? string.Empty;
            if (SummaryList.At(blocks, i, known) is { Count: > 0 } box)
            {
                lead.AddRange(box);
                i += box.Count - 1;
                continue;
            }

            var count = CandidateChoice.WordCount(text);
            if (count < 12 || block.LinkDensity > 0.3 || block.InCaption || block.Kind is BlockKind.ListItem or BlockKind.Cell) continue;
            if (block.Kind is BlockKind.Heading && !IsStandfirstHeading(text)) continue;
            if (!CandidateChoice.EndsSentence(text) || known.Contains(text) || IsSummary(text, summary)) continue;
            lead.Add(text);
            words += count;
            if (++paragraphs > MaxBlocks || words > MaxWords) return [];
        }

        return lead;
    }

    // A subheading set under the headline as a sentence or two ("<h2>Protect your network with … . The model explains
    // how …</h2>"): a heading of twelve words or more (the loop's floor) that ends in a full stop is the standfirst
    // printed in heading type, not a section title ("What the accord settles", "How did the talks start?").
    private static bool IsStandfirstHeading(string text) => text[^1] is '.' or '!' or '。' or '！';

    // The dek printed from the meta description summarises the article; it is not its text.
    private static bool IsSummary(string text, string? summary)
    {
        if (summary is null) return false;
        var (line, described) = (Letters(text), Letters(summary));
        return described.Contains(line[..Math.Min(60, line.Length)], StringComparison.Ordinal) || line.Contains(described[..Math.Min(60, described.Length)], StringComparison.Ordinal);
    }

    private static string Letters(string text)
    {
        var letters = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) letters.Append(char.ToLowerInvariant(c));
            else if (letters.Length > 0 && letters[^1] != ' ') letters.Append(' ');
        }

        return letters.ToString().Trim();
    }

    private static bool Follows(INode reference, INode other) => reference.CompareDocumentPosition(other).HasFlag(DocumentPositions.Following);

    private static IElement? CommonAncestor(IElement a, IElement b)
    {
        var ancestors = new HashSet<IElement>();
        for (var at = a.ParentElement; at is not null; at = at.ParentElement) ancestors.Add(at);
        for (var at = b.ParentElement; at is not null; at = at.ParentElement)
        {
            if (ancestors.Contains(at)) return at;
        }

        return null;
    }
}
