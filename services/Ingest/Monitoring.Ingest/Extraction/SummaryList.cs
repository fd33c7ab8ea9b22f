namespace Monitoring.Ingest.Extraction;

/// <summary>
/// A summary box between the headline and the body: a short label over a list of two to six items, each a sentence of
/// its own ("Key points" over "Spending is projected to triple by 2030." …). It is the article's opening, written as
/// bullets; a table of contents (linked, no sentences) or a list of links is not one.
/// </summary>
internal static class SummaryList
{
    private const int MaxLabelWords = 4;
    private const int MinItems = 2;
    private const int MaxItems = 6;
    private const int MinItemWords = 6;
    private const int MaxItemWords = 50;

    /// <summary>The label and its items when <paramref name="blocks"/>[<paramref name="at"/>] opens such a box, else empty.</summary>
    public static IReadOnlyList<string> At(IReadOnlyList<TextBlock> blocks, int at, IReadOnlySet<string> known)
    {
        var label = blocks[at];
        if (label.Kind != BlockKind.Heading || label.LinkDensity > 0) return [];
        var labelText = HtmlMetadata.Clean(label.Text) ?? string.Empty;
        var labelWords = CandidateChoice.WordCount(labelText);
        if (labelWords is 0 or > MaxLabelWords || labelText[^1] is '?' or '.') return [];

        var box = new List<string> { labelText };
        var list = (AngleSharp.Dom.IElement?)null;
        for (var i = at + 1; i < blocks.Count && blocks[i].Kind == BlockKind.ListItem; i++)
        {
            var item = blocks[i];
            var text = HtmlMetadata.Clean(item.Text) ?? string.Empty;
            var words = CandidateChoice.WordCount(text);
            var parent = item.Element?.Closest("ul, ol");
            list ??= parent;
            if (parent is null || parent != list) break;
            var sentence = words is >= MinItemWords and <= MaxItemWords && item.LinkDensity <= 0.3 && !item.InCaption && CandidateChoice.EndsSentence(text);
            if (known.Contains(text)) return [];
            // A linked line closing the box (a pitch under the points) ends it; any other line makes it no summary.
            if (!sentence) return box.Count > MinItems && item.LinkDensity > 0.5 ? box : [];
            box.Add(text);
            if (box.Count > MaxItems + 1) return [];
        }

        return box.Count > MinItems ? box : [];
    }
}
