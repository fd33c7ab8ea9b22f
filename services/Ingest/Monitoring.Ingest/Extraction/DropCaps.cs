using AngleSharp.Dom;

namespace Monitoring.Ingest.Extraction;

/// <summary>
/// A drop cap: the article's first letter printed large in an element of its own ("&lt;div class=first-letter&gt;D&lt;/div&gt;
/// &lt;p&gt;uring the pandemic…"), so that the text reads as a lone capital and a paragraph starting mid-word. The letter is
/// the start of the paragraph's first word: a block of one capital letter followed by a block that starts in lower case
/// is one block; and a text whose first line starts in lower case takes back the lone capital printed just before its
/// container (the letter element sits outside the body's wrapper).
/// </summary>
internal static class DropCaps
{
    // How far back from the container the letter may sit: a few empty or whitespace-only elements between them.
    private const int MaxSteps = 8;

    /// <summary>The blocks with each lone capital joined to the lower-case start of the block after it.</summary>
    public static IReadOnlyList<TextBlock> Joined(IReadOnlyList<TextBlock> blocks)
    {
        List<TextBlock>? joined = null;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (i + 1 < blocks.Count && IsLetter(blocks[i].Text) && StartsLower(blocks[i + 1].Text) && !blocks[i].InCaption)
            {
                joined ??= [.. blocks.Take(i)];
                var next = blocks[i + 1];
                joined.Add(next with { Text = blocks[i].Text + next.Text });
                i++;
                continue;
            }

            joined?.Add(blocks[i]);
        }

        return joined ?? blocks;
    }

    /// <summary>The lines with the lone capital printed before <paramref name="container"/> put back on the first line, when it starts in lower case.</summary>
    public static IReadOnlyList<string> Restored(IReadOnlyList<string> lines, IElement? container)
    {
        if (container is null || lines.Count == 0 || !StartsLower(lines[0])) return lines;
        if (LetterBefore(container) is not { } letter) return lines;
        return [letter + lines[0], .. lines.Skip(1)];
    }

    // The nearest text before the container in document order, skipping elements with no readable text.
    private static string? LetterBefore(IElement container)
    {
        INode node = container;
        for (var steps = 0; steps < MaxSteps; steps++)
        {
            if (node.PreviousSibling is { } previous)
            {
                node = previous;
                var text = previous switch
                {
                    IText data => data.Data.Trim(),
                    IElement element when HtmlMainText.SkippedTags.Contains(element.LocalName) => string.Empty,
                    IElement element => string.Join(' ', HtmlMainText.Blocks(element).Select(block => block.Text)).Trim(),
                    _ => string.Empty,
                };
                if (text.Length == 0) continue;
                return IsLetter(text) ? text : null;
            }

            if (node.Parent is not IElement { LocalName: not ("body" or "html") } parent) return null;
            node = parent;
        }

        return null;
    }

    private static bool IsLetter(string text) => text.Length == 1 && char.IsUpper(text[0]);

    private static bool StartsLower(string text) => text.Length > 1 && char.IsLower(text[0]) && char.IsLetter(text[1]);
}
