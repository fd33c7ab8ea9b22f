using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Monitoring.Ingest.Extraction;

/// <summary>
/// Completes a page that React streamed (Suspense over server rendering, as Next.js and Remix send pages): the
/// article arrives late in the document as a hidden <c>&lt;div hidden id="S:0"&gt;</c>, and an inline script
/// (<c>$RC("B:0","S:0")</c>, <c>$RS("S:1","P:1")</c>) moves it where a placeholder (<c>&lt;template id="B:0"&gt;</c>
/// followed by a "Loading…" fallback) stands. A browser runs those scripts before anyone reads the page; without them
/// the text is hidden and the fallback shows. This does what the scripts do, in their order, before any strategy
/// reads the page. Pages without such calls are not touched.
/// </summary>
internal static partial class StreamedSegments
{
    public static void Complete(IDocument document, string html)
    {
        if (!html.Contains("$RC(", StringComparison.Ordinal) && !html.Contains("$RS(", StringComparison.Ordinal)) return;
        foreach (var script in document.Scripts.ToArray())
        {
            if (script.Source is { Length: > 0 }) continue;
            var code = script.Text;
            if (!code.Contains("$R", StringComparison.Ordinal)) continue;
            foreach (Match call in Call().Matches(code))
            {
                if (call.Groups["fn"].Value == "C") ReplaceBoundary(document, call.Groups["a"].Value, call.Groups["b"].Value);
                else ReplacePlaceholder(document, call.Groups["a"].Value, call.Groups["b"].Value);
            }
        }
    }

    // $RC(boundary, segment): the nodes from the boundary's "$?" comment to its closing "/$" (the template and the
    // fallback) give way to the segment's children.
    private static void ReplaceBoundary(IDocument document, string boundaryId, string segmentId)
    {
        if (document.GetElementById(segmentId) is not { } segment || document.GetElementById(boundaryId) is not { } template) return;
        if (template.PreviousSibling is not IComment open || template.ParentElement is not { } parent) return;
        segment.Remove();
        var node = open.NextSibling;
        var depth = 0;
        while (node is not null)
        {
            if (node is IComment comment)
            {
                if (comment.Data == "/$")
                {
                    if (depth == 0) break;
                    depth--;
                }
                else if (comment.Data is "$" or "$?" or "$!")
                {
                    depth++;
                }
            }

            var next = node.NextSibling;
            parent.RemoveChild(node);
            node = next;
        }

        MoveChildren(segment, parent, node);
    }

    // $RS(segment, placeholder): the placeholder template gives way to the segment's children.
    private static void ReplacePlaceholder(IDocument document, string segmentId, string placeholderId)
    {
        if (document.GetElementById(segmentId) is not { } segment || document.GetElementById(placeholderId) is not { } placeholder) return;
        if (placeholder.Parent is not { } parent) return;
        segment.Remove();
        MoveChildren(segment, parent, placeholder);
        placeholder.Remove();
    }

    private static void MoveChildren(IElement from, INode parent, INode? before)
    {
        while (from.FirstChild is { } child)
        {
            if (before is null) parent.AppendChild(child);
            else parent.InsertBefore(child, before);
        }
    }

    [GeneratedRegex("""\$R(?<fn>[CS])\("(?<a>[BPS]:[0-9a-z]+)","(?<b>[BPS]:[0-9a-z]+)"\)""")]
    private static partial Regex Call();
}
