namespace Monitoring.Ingest.Extraction;

/// <summary>
/// Finds where the article hands over to the page around it: past the first third of the text, a "Related posts" or
/// "Leave a reply" heading starts the furniture and nothing after it is the article (a third, not the middle: the
/// teaser grid after it can be as long as the article). A heading inside a box that the article's own paragraphs
/// continue after — the paragraphs before and after it are children of one element, the box another child of it — is
/// an insert ("Recommended reading" between two paragraphs): only the box is dropped. In the first third, such a
/// heading over linked headlines and nothing else ("Read next" and three links) is a box of its own: it and its links go.
/// </summary>
internal static class ArticleEnd
{
    private const int ProseWords = 12;

    public static List<string> Trim(List<TextBlock> blocks, BoilerplateCues cues)
    {
        var total = blocks.Sum(block => block.Text.Length);
        var kept = new List<string>(blocks.Count);
        var seen = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (seen <= total / 3 && LinksUnder(blocks, i) is var links and > 0 && MainTextFilter.IsFurnitureHeading(blocks[i], cues))
            {
                i += links;
                continue;
            }

            if (seen > total / 3 && MainTextFilter.IsFurnitureHeading(blocks[i], cues))
            {
                if (ResumeAfterInsert(blocks, i) is not { } resume) return kept;
                i = resume - 1;
                continue;
            }

            // A rule typed as a paragraph ("**********", "----------") past the first third: the writer's own line
            // under the article, before the show notes, calls to action and contact details a template appends.
            if (seen > total / 3 && IsTypedRule(blocks[i])) return kept;

            seen += blocks[i].Text.Length;
            kept.Add(blocks[i].Text);
        }

        return kept;
    }

    // The index where the article's flow resumes after the box holding the heading at `heading`, or null when the
    // heading is not in such a box (it is in the article's flow, or nothing of the article follows).
    private static int? ResumeAfterInsert(List<TextBlock> blocks, int heading)
    {
        if (blocks[heading].Element is not { } headingElement) return null;
        var flow = PreviousProse(blocks, heading)?.Element?.ParentElement;
        if (flow is null) return null;
        var box = headingElement;
        while (box.ParentElement is { } parent && parent != flow) box = parent;
        if (box.ParentElement != flow || box == headingElement) return null;

        for (var j = heading + 1; j < blocks.Count; j++)
        {
            var element = blocks[j].Element;
            if (element is null || box.Contains(element)) continue;
            return IsProse(blocks[j]) && element.ParentElement == flow ? j : null;
        }

        return null;
    }

    // "Read next" over a few linked headlines, wherever it stands: the count of link-only lines right under block `at`.
    private static int LinksUnder(List<TextBlock> blocks, int at)
    {
        var count = 0;
        while (at + count + 1 < blocks.Count && IsLinkLine(blocks[at + count + 1])) count++;
        return count;
    }

    private static bool IsLinkLine(TextBlock block) => block.LinkDensity >= 0.8 && block.Text.Length <= 120;

    private static TextBlock? PreviousProse(List<TextBlock> blocks, int before)
    {
        for (var i = before - 1; i >= 0; i--)
        {
            if (IsProse(blocks[i])) return blocks[i];
        }

        return null;
    }

    // Five or more rule characters (box-drawing lines too) and nothing else, as a paragraph of its own: a spaced "* * *"
    // is a section break inside the article, and a table cell or a code listing of dashes is data.
    private static bool IsTypedRule(TextBlock block) =>
        block.Kind is BlockKind.Paragraph or BlockKind.Other && block.Text.Length >= 5
        && block.Text.All(c => c is '*' or '-' or '_' or '=' or '~' or '#' or '•' or '—' or '–' or (>= '\u2500' and <= '\u257F'))
        && block.Element?.Closest("pre, code, table") is null;

    private static bool IsProse(TextBlock block) =>
        block.Kind == BlockKind.Paragraph && block.LinkDensity < 0.3 && CandidateChoice.WordCount(block.Text) >= ProseWords;
}
