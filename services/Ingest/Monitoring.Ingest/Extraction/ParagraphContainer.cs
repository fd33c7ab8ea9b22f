using AngleSharp.Dom;

namespace Monitoring.Ingest.Extraction;

/// <summary>
/// A second opinion on where the article is: the element whose children hold the most paragraph text with few
/// links. Readability sometimes strips the real container for its class name or empties it while cleaning; this
/// simpler rule does not, so it catches those pages.
/// </summary>
internal static class ParagraphContainer
{
    // Hidden elements stay: streamed server rendering (React, Next.js) ships the whole article in a hidden
    // placeholder that script reveals, and menus or modals rarely win on paragraph text anyway.
    private const string NonContent = "script,style,noscript,template,nav,header,footer,aside,form,iframe,svg,button,select,[role=navigation],[role=complementary],[role=contentinfo],[role=banner]";

    public static IElement? Find(IDocument document)
    {
        foreach (var element in document.QuerySelectorAll(NonContent).ToList())
        {
            element.Remove();
        }

        var scores = new Dictionary<IElement, double>();
        foreach (var paragraph in document.QuerySelectorAll("p,pre,blockquote"))
        {
            var length = paragraph.TextContent.AsSpan().Trim().Length;
            if (length < 25) continue;
            var linkLength = paragraph.QuerySelectorAll("a").Sum(a => a.TextContent.Length);
            if (linkLength > length / 2) continue;

            var score = 1 + Math.Min(3, length / 100) + paragraph.TextContent.Count(c => c is ',' or '，' or '、');
            if (paragraph.ParentElement is { } parent)
            {
                scores[parent] = scores.GetValueOrDefault(parent) + score;
                if (parent.ParentElement is { } grandparent) scores[grandparent] = scores.GetValueOrDefault(grandparent) + (score / 2.0);
            }
        }

        if (scores.Count == 0) return null;
        var best = scores.MaxBy(pair => pair.Value).Key;

        // Page builders put each section of one article in its own wrapper, several levels apart: take the
        // ancestor that holds the most prose while staying mostly prose (a sidebar or footer would dilute it).
        var bestGood = GoodTextLength(best);
        var candidate = best;
        for (var level = 0; level < 12 && candidate.ParentElement is { LocalName: not "body" and not "html" } parent; level++)
        {
            candidate = parent;
            var good = GoodTextLength(candidate);
            if (good >= 1.25 * bestGood && good >= 0.6 * VisibleTextLength(candidate))
            {
                best = candidate;
                bestGood = good;
            }
        }

        return best;
    }

    private static int VisibleTextLength(IElement element)
    {
        var length = 0;
        var space = true;
        foreach (var c in element.TextContent)
        {
            var isSpace = char.IsWhiteSpace(c);
            if (!isSpace || !space) length++;
            space = isSpace;
        }

        return length;
    }

    private static int GoodTextLength(IElement element) =>
        element.QuerySelectorAll("p,pre,blockquote,li,h2,h3,h4,td")
            .Where(block => block.QuerySelector("p,li,td") is null)
            .Sum(block =>
            {
                var length = VisibleTextLength(block);
                var links = block.QuerySelectorAll("a").Sum(VisibleTextLength);
                return links * 2 > length ? 0 : length;
            });
}
