using System.Text.RegularExpressions;

namespace Monitoring.Ingest.Extraction;

/// <summary>
/// Keeps the blocks of a content container that a reader wants: no captions, link lists, inline promos, form labels,
/// repeated title or byline, and nothing after the point where the article hands over to "Related posts", "Leave a
/// comment" and the like (in the languages of <see cref="BoilerplateCues"/>).
/// </summary>
internal static partial class MainTextFilter
{
    public static IReadOnlyList<string> Apply(IReadOnlyList<TextBlock> blocks, string? title, string? byline, BoilerplateCues cues) =>
        Apply(blocks, title, byline, cues, out _);

    /// <summary>As <see cref="Apply(IReadOnlyList{TextBlock}, string?, string?, BoilerplateCues)"/>, also saying which kept lines are list items or table rows.</summary>
    public static IReadOnlyList<string> Apply(IReadOnlyList<TextBlock> blocks, string? title, string? byline, BoilerplateCues cues, out HashSet<string> listLines)
    {
        blocks = DropCaps.Joined(blocks);
        var kept = new List<TextBlock>(blocks.Count);
        listLines = new HashSet<string>(StringComparer.Ordinal);
        var linkRuns = LinkListMembers(blocks);
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (block.InCaption || linkRuns.Contains(i)) continue;
            if (block.LinkDensity > 0.5 && cues.IsInlinePromo(block.Text)) continue;
            if (IsButton(block, cues)) continue;
            if (title is not null && block.Kind == BlockKind.Heading && string.Equals(block.Text, title, StringComparison.OrdinalIgnoreCase)) continue;
            if (byline is not null && block.Text.Length < byline.Length + 20 && block.Text.Contains(byline, StringComparison.OrdinalIgnoreCase)) continue;
            if (block.Text.Length < 40 && (FormLabel().IsMatch(block.Text) || DateLine().IsMatch(block.Text))) continue;
            if (block.Kind is BlockKind.Paragraph or BlockKind.Other && IsLabelledBox(block.Text, cues)) continue;
            kept.Add(block);
            if (block.Kind is BlockKind.ListItem or BlockKind.Cell) listLines.Add(block.Text);
        }

        return WithoutTrailingFurniture(BoilerplateFilter.CleanBlocks(ArticleEnd.Trim(DataCards.Without(kept), cues)), listLines);
    }

    // "Book now", "Try Acme", "Read full review": a short block that is nothing but a link, opens with a call to action
    // and ends no sentence is a button. A linked sentence ("Read our full review.") or a linked name is text.
    private static bool IsButton(TextBlock block, BoilerplateCues cues) =>
        block.LinkDensity >= 0.9 && block.Text.Length < 80 && block.Kind is BlockKind.Paragraph or BlockKind.Other
        && block.Text.TrimEnd()[^1] is not ('.' or '!' or '?' or '。' or '！' or '？') && cues.StartsWithCallToAction(block.Text);

    // An article ends with its last sentence, list or table: short lines after it (a lone heading, "Book a demo",
    // a name, "Share") belong to the page around it. So does a numbered reference list closing the text without a
    // heading ("1. Health Agency (2019). Adult oral health."), as one under "References" does: two such lines or more.
    private static IReadOnlyList<string> WithoutTrailingFurniture(IReadOnlyList<string> lines, HashSet<string> listLines)
    {
        var end = lines.Count;
        while (end > 1 && CandidateChoice.WordCount(lines[end - 1]) < 8 && !EndsSentence(lines[end - 1]) && !listLines.Contains(lines[end - 1])) end--;
        var citations = end;
        while (citations > 1 && Citation().IsMatch(lines[citations - 1])) citations--;
        if (end - citations >= 2) end = citations;
        return end == lines.Count ? lines : lines.Take(end).ToList();
    }

    [GeneratedRegex(@"^\[?\d{1,3}[\].)]?\s+\S.{0,200}\((\d{4}[a-z]?|n\.\s?d\.)\)", RegexOptions.IgnoreCase)]
    private static partial Regex Citation();

    private static bool EndsSentence(string line) => line[^1] is '.' or '!' or '?' or '。' or '！' or '？';

    // Four or more short blocks in a row that are nothing but links are a link list (other cities, other
    // articles, tags), not prose; a single linked item inside a list of products is kept.
    private static HashSet<int> LinkListMembers(IReadOnlyList<TextBlock> blocks)
    {
        const int MinRun = 4;
        var members = new HashSet<int>();
        var start = 0;
        for (var i = 0; i <= blocks.Count; i++)
        {
            var isLink = i < blocks.Count && blocks[i].LinkDensity >= 0.8 && blocks[i].Text.Length < 80;
            if (isLink) continue;
            if (i - start >= MinRun)
            {
                for (var j = start; j < i; j++) members.Add(j);
            }

            start = i + 1;
        }

        return members;
    }

    // A heading that opens furniture: one of the table's lines, or a heading framed by one of its phrases.
    internal static bool IsFurnitureHeading(TextBlock block, BoilerplateCues cues) =>
        IsFurnitureHeading(block.Text, cues) || ((block.Kind == BlockKind.Heading || IsLabelLine(block)) && cues.IsFramedByFurniturePhrase(block.Text));

    // A heading written as a bare line: a few words, no sentence, no link ("Latest posts by Jane Doe (see all)" in a div).
    private static bool IsLabelLine(TextBlock block) =>
        block.Kind is BlockKind.Other && block.LinkDensity < 0.5 && CandidateChoice.WordCount(block.Text) <= 8 && !EndsSentence(block.Text);

    // "Tags: Gardening, Roses", "About the author: Jane Doe writes…", "Related: Our weekly newsletter…": a box's heading
    // printed on the line of its content. "Sources: …" printed so is the article's attribution and stays.
    private static bool IsLabelledBox(string text, BoilerplateCues cues)
    {
        var colon = text.IndexOf(':');
        if (colon is <= 0 or > 30 || colon == text.Length - 1) return false;
        var label = text[..colon];
        return IsFurnitureHeading(label, cues) && !BoilerplateCues.IsLine(cues.CitationHeadings, label);
    }

    // "Comments", "12 Comments", "Related posts:", "Subscribe to our newsletter".
    internal static bool IsFurnitureHeading(string line, BoilerplateCues cues) =>
        line.Length <= 60 && BoilerplateCues.IsLine(cues.FurnitureHeadings, LeadingCount().Replace(line, string.Empty));

    [GeneratedRegex(@"^\(?\d+\)?\s+|\s+\(\d+\)$")]
    private static partial Regex LeadingCount();

    // "July 17, 2025", "Posted on 13 Jan 2025", "Updated: 2025-01-13": the page's date line, which is metadata.
    [GeneratedRegex(@"^((posted|published|updated|last updated|date)( on)?\s*:?\s*)?(\d{1,2}\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2}(st|nd|rd|th)?,?\s+)?\d{4}$|^((posted|published|updated|last updated)( on)?\s*:?\s*)?\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$|^(posted|published|updated)( by| on)?$", RegexOptions.IgnoreCase)]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^[\p{L} ]{1,30}\*$")]
    private static partial Regex FormLabel();
}
