using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using SmartReader;

namespace Monitoring.Ingest.Extraction;

/// <summary>
/// The article body of a page as text blocks (paragraphs, headings, list items). SmartReader (a port of Mozilla's
/// Readability) finds the content container; we then turn its HTML into blocks ourselves and drop what Readability
/// keeps but a reader does not want: captions and credits, link lists ("related", "read more"), share and
/// newsletter prompts, the title and byline repeated in the body.
/// </summary>
internal static class HtmlMainText
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tr", "figure",
        "figcaption", "form", "fieldset", "address", "details", "summary", "hr", "br",
    };

    private static readonly HashSet<string> SkippedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "button", "select", "option", "textarea", "input", "iframe", "object", "embed", "canvas", "video", "audio",
    };

    public static SmartReader.Article Read(IHtmlDocument document, string uri)
    {
        using var reader = new Reader(uri, document);
        return reader.GetArticle();
    }

    /// <summary>Turns the HTML of the content container into blocks: one per paragraph, heading or list item.</summary>
    public static List<TextBlock> Blocks(string contentHtml)
    {
        using var document = new HtmlParser().ParseDocument("<!doctype html><html><body>" + contentHtml + "</body></html>");
        return Blocks(document.Body!);
    }

    /// <summary>The blocks of an element of a parsed page.</summary>
    public static List<TextBlock> Blocks(INode root)
    {
        var blocks = new List<TextBlock>();
        var current = new BlockBuilder();
        Walk(root, current, blocks, context: default);
        current.Flush(blocks);
        return blocks;
    }

    private static void Walk(INode node, BlockBuilder current, List<TextBlock> blocks, BlockContext context)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    current.Append(text.Data, context);
                    break;
                case IElement element when SkippedTags.Contains(element.LocalName):
                    break;
                case IElement element when element.LocalName == "br":
                    current.Flush(blocks);
                    break;
                case IElement element:
                    var inner = context with
                    {
                        InLink = context.InLink || element.LocalName == "a",
                        InCaption = context.InCaption || element.LocalName is "figcaption" or "figure",
                        Kind = element.LocalName switch
                        {
                            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => BlockKind.Heading,
                            "li" or "dt" or "dd" => BlockKind.ListItem,
                            "td" or "th" => BlockKind.Cell,
                            "p" or "blockquote" or "pre" => BlockKind.Paragraph,
                            _ => context.Kind,
                        },
                    };
                    // A table row reads as one line, its cells separated by bars, as the row of a text table.
                    if (element.LocalName is "td" or "th") current.Separate(" | ");
                    var isBlock = BlockTags.Contains(element.LocalName);
                    if (isBlock) current.Flush(blocks);
                    Walk(element, current, blocks, inner);
                    if (isBlock) current.Flush(blocks);
                    break;
            }
        }
    }

    private sealed class BlockBuilder
    {
        private readonly StringBuilder _text = new();
        private int _linkChars;
        private BlockContext _context;

        public void Append(string text, BlockContext context)
        {
            if (_text.Length == 0) _context = context;
            var before = _text.Length;
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    if (_text.Length > 0 && _text[^1] != ' ') _text.Append(' ');
                }
                else
                {
                    _text.Append(c);
                }
            }

            if (context.InLink) _linkChars += _text.Length - before;
        }

        public void Separate(string separator)
        {
            if (_text.Length > 0 && !_text.ToString().EndsWith(separator, StringComparison.Ordinal)) _text.Append(separator);
        }

        public void Flush(List<TextBlock> blocks)
        {
            var text = _text.ToString().Trim().TrimEnd('|').Trim();
            if (text.Length > 0)
            {
                blocks.Add(new TextBlock(text, _context.Kind, _context.InCaption, Math.Min(1.0, (double)_linkChars / text.Length)));
            }

            _text.Clear();
            _linkChars = 0;
        }
    }

    private readonly record struct BlockContext(BlockKind Kind, bool InLink, bool InCaption);
}

internal enum BlockKind
{
    Other,
    Paragraph,
    Heading,
    ListItem,
    Cell,
}

/// <summary>One paragraph, heading or list item of a page, with how much of it is link text.</summary>
internal sealed record TextBlock(string Text, BlockKind Kind, bool InCaption, double LinkDensity);
