using System.Text.RegularExpressions;

namespace Monitoring.Ingest.Extraction;

/// <summary>
/// Keeps the blocks of a content container that a reader wants: no captions, form labels, repeated title or byline,
/// and nothing after the point where the article hands over to "Related posts", "Leave a comment" and the like.
/// </summary>
internal static partial class MainTextFilter
{
    public static IReadOnlyList<string> Apply(IReadOnlyList<TextBlock> blocks, string? title, string? byline)
    {
        var kept = new List<string>(blocks.Count);
        foreach (var block in blocks)
        {
            if (block.InCaption) continue;
            if (title is not null && block.Kind == BlockKind.Heading && string.Equals(block.Text, title, StringComparison.OrdinalIgnoreCase)) continue;
            if (byline is not null && block.Text.Length < byline.Length + 20 && block.Text.Contains(byline, StringComparison.OrdinalIgnoreCase)) continue;
            if (block.Text.Length < 40 && FormLabel().IsMatch(block.Text)) continue;
            kept.Add(block.Text);
        }

        return TrimTail(BoilerplateFilter.CleanBlocks(kept));
    }

    // Past the article's middle, a "Related posts" or "Leave a reply" line starts the page's furniture; nothing after it is the article.
    private static List<string> TrimTail(IReadOnlyList<string> lines)
    {
        var total = lines.Sum(line => line.Length);
        var seen = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (seen > total / 2 && lines[i].Length <= 60 && TailStart().IsMatch(lines[i])) return lines.Take(i).ToList();
            seen += lines[i].Length;
        }

        return lines.ToList();
    }

    [GeneratedRegex(@"^[\p{L} ]{1,30}\*$")]
    private static partial Regex FormLabel();

    [GeneratedRegex(@"^(related( posts?| articles?| stories| content| reading| news)?|you (may|might) also (like|enjoy)|more (from|stories|articles|posts|news)\b.*|recommended( for you| reading| articles)?|read (more|next|also)|popular (posts|articles|stories)|latest (news|posts|articles|stories)|trending( now)?|share this( article| post| story)?|about the author|leave a (reply|comment)|(\d+ )?comments?|post a comment|join the (conversation|discussion)|(subscribe|sign up)\b.*newsletter.*|tags?|filed under)\s*:?$", RegexOptions.IgnoreCase)]
    private static partial Regex TailStart();
}
