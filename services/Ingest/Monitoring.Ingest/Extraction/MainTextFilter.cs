namespace Monitoring.Ingest.Extraction;

/// <summary>Keeps the blocks of a content container that a reader wants: no captions, link lists, prompts, repeated title or byline.</summary>
internal static class MainTextFilter
{
    public static IReadOnlyList<string> Apply(IReadOnlyList<TextBlock> blocks, string? title, string? byline)
    {
        var kept = new List<string>(blocks.Count);
        foreach (var block in blocks)
        {
            if (block.InCaption) continue;
            if (block.LinkDensity > 2 && block.Text.Length < 250) continue;
            if (title is not null && block.Kind == BlockKind.Heading && string.Equals(block.Text, title, StringComparison.OrdinalIgnoreCase)) continue;
            if (byline is not null && block.Text.Length < byline.Length + 20 && block.Text.Contains(byline, StringComparison.OrdinalIgnoreCase)) continue;
            kept.Add(block.Text);
        }

        return BoilerplateFilter.CleanBlocks(kept);
    }
}
