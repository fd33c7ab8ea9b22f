namespace Monitoring.Ingest.Extraction;

/// <summary>
/// Drops the data cards a template sets inside an article: a school's or a stock's key figures printed as label and
/// value ("Acceptance Rate" / "96%", "Market Cap" / "$27B"), one card after another. Their lines are short, a third of
/// them are labels the text repeats in every card, and a quarter of them are figures; a reader looks them up, the
/// article does not say them. Sentences, table rows and the article's own headings are never part of a card (a table is
/// the article's); a list of features ("Pros", "Careful handling") repeats its labels but holds no figures.
/// </summary>
internal static class DataCards
{
    private const int MinRun = 6;
    private const int MinLabelRepeats = 3;
    private const int MinDistinctLabels = 3;

    public static List<TextBlock> Without(List<TextBlock> blocks)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var block in blocks)
        {
            if (IsShort(block) && block.Kind is not BlockKind.Cell && block.Text.Any(char.IsLetter)) counts[block.Text] = counts.GetValueOrDefault(block.Text) + 1;
        }

        if (!counts.Values.Any(count => count >= MinLabelRepeats)) return blocks;
        var dropped = new HashSet<int>();
        for (var start = 0; start < blocks.Count;)
        {
            var end = start;
            while (end < blocks.Count && IsCardLine(blocks[end], counts)) end++;
            if (end - start >= MinRun && IsCardRun(blocks, start, end, counts))
            {
                for (var i = start; i < end; i++) dropped.Add(i);
            }

            start = Math.Max(end, start + 1);
        }

        return dropped.Count == 0 ? blocks : blocks.Where((_, i) => !dropped.Contains(i)).ToList();
    }

    private static bool IsCardRun(List<TextBlock> blocks, int start, int end, Dictionary<string, int> counts)
    {
        var labels = 0;
        var figures = 0;
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        for (var i = start; i < end; i++)
        {
            var text = blocks[i].Text;
            if (counts.TryGetValue(text, out var count) && count >= MinLabelRepeats)
            {
                labels++;
                distinct.Add(text);
            }

            if (text.Any(char.IsDigit)) figures++;
        }

        var length = end - start;
        return distinct.Count >= MinDistinctLabels && labels * 10 >= length * 3 && figures * 4 >= length;
    }

    // A label or a value: up to four words, no sentence, a paragraph, a bare line or a list item (a <dl> card), and a
    // heading only when every card repeats it ("Key Data Points" over each card's figures).
    private static bool IsCardLine(TextBlock block, Dictionary<string, int> counts) =>
        IsShort(block) && (block.Kind is BlockKind.Paragraph or BlockKind.Other or BlockKind.ListItem
            || (block.Kind == BlockKind.Heading && counts.GetValueOrDefault(block.Text) >= MinLabelRepeats));

    private static bool IsShort(TextBlock block) =>
        CandidateChoice.WordCount(block.Text) <= 4 && block.Text[^1] is not ('.' or '!' or '?' or ':' or '。' or '！' or '？');
}
