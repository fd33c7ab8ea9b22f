using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Monitoring.Ingest.Extraction;

/// <summary>
/// Turns an element of a parsed page into text blocks (paragraphs, headings, list items, table rows), each with
/// its link density and whether it is a caption. With furniture skipping on, the navigation, comment threads,
/// related lists and boxes inside the element (<see cref="FurnitureElements"/>) are not read. The page is never
/// modified, so every candidate container reads the same single parse.
/// </summary>
internal static class HtmlMainText
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tr", "figure",
        "figcaption", "form", "fieldset", "address", "details", "summary", "hr", "br",
    };

    internal static readonly HashSet<string> SkippedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "button", "select", "option", "textarea", "input", "iframe", "object", "embed", "canvas", "video", "audio", "head", "title", "meta", "link",
    };

    /// <summary>Turns an HTML fragment (JSON-LD articleBody with markup, a test's snippet) into blocks.</summary>
    public static List<TextBlock> Blocks(string contentHtml)
    {
        using var document = new HtmlParser().ParseDocument("<!doctype html><html><body>" + contentHtml + "</body></html>");
        return Blocks(document.Body!);
    }

    /// <summary>The blocks of an element of a parsed page, everything read.</summary>
    public static List<TextBlock> Blocks(INode root) => Read([root], cues: null).Blocks;

    /// <summary>The blocks of some elements of a parsed page, in order, without the furniture inside them.</summary>
    public static BlockReading Read(IReadOnlyList<INode> roots, BoilerplateCues? cues)
    {
        var reading = new BlockReading(cues, roots.Sum(root => root.TextContent.Length));
        var current = new BlockBuilder();
        foreach (var root in roots)
        {
            Walk(root, current, reading, context: default);
            current.Flush(reading.Blocks);
        }

        return reading;
    }

    private static void Walk(INode node, BlockBuilder current, BlockReading reading, BlockContext context)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    current.Append(text.Data, context);
                    break;
                case IElement element when SkippedTags.Contains(element.LocalName) && !IsAccordionHeader(element):
                    break;
                case IElement element when NoteMarks.IsFootnoteMark(element) || HeadingAnchors.IsPermalinkMark(element):
                    break;
                case IElement element when !current.IsEmpty && NoteMarks.IsNoteSymbol(element):
                    break;
                case IElement element when IsScriptControl(element):
                    break;
                // A line break inside a table cell wraps the cell's text; the row stays one line.
                case IElement element when element.LocalName == "br" && context.Kind == BlockKind.Cell:
                    current.Append(" ", context);
                    break;
                case IElement element when element.LocalName == "br":
                    current.Flush(reading.Blocks);
                    break;
                // A short cell's paragraphs (Word and e-mail editors wrap every cell in <p>) are the cell's words, not lines.
                case IElement element when context.InShortCell && BlockTags.Contains(element.LocalName) && element.LocalName is not ("br" or "hr"):
                    current.Append(" ", context);
                    Walk(element, current, reading, context);
                    current.Append(" ", context);
                    break;
                case IElement element when reading.IsFurniture(element):
                    // A box ends the block; an inline one (a glossary tooltip, an ad span) leaves the sentence around it whole.
                    if (BlockTags.Contains(element.LocalName)) current.Flush(reading.Blocks);
                    else current.Append(" ", context);
                    break;
                case IElement element:
                    var inner = context with
                    {
                        InLink = context.InLink || element.LocalName == "a",
                        // A figure's caption and credit are not the article; a table, list or quote a CMS wraps in <figure> is.
                        InCaption = element.LocalName switch
                        {
                            "figcaption" => true,
                            "figure" => !HoldsContent(element),
                            _ => context.InCaption || IsImageCaption(element),
                        },
                        Kind = element.LocalName switch
                        {
                            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "button" => BlockKind.Heading,
                            "li" or "dt" or "dd" => BlockKind.ListItem,
                            "td" or "th" => BlockKind.Cell,
                            "p" or "blockquote" or "pre" => BlockKind.Paragraph,
                            _ => context.Kind,
                        },
                        InShortCell = element.LocalName is "td" or "th" ? IsShortCell(element) : context.InShortCell,
                    };
                    // A table row reads as one line, its cells separated by bars, as the row of a text table.
                    if (element.LocalName is "td" or "th") current.Separate(" | ");
                    var isBlock = BlockTags.Contains(element.LocalName) || element.LocalName == "button";
                    if (isBlock) current.Flush(reading.Blocks);
                    if (isBlock) inner = inner with { Element = element };
                    var number = ListNumbers.Marker(element);
                    if (number is not null) current.Prefix = number;
                    Walk(element, current, reading, inner);
                    if (number is not null) current.Prefix = null;
                    if (isBlock) current.Flush(reading.Blocks);
                    break;
            }
        }
    }

    // "hide", "show all", "Toggle": a link that goes nowhere (href "#" or "javascript:") with a few words is a script's
    // control, as a button is. A longer text so linked is a placeholder link around real words and is read.
    private static bool IsScriptControl(IElement element)
    {
        if (element.LocalName != "a" || element.GetAttribute("href") is not { } href) return false;
        if (!(href == "#" || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))) return false;
        if (element.Closest("h1,h2,h3,h4,h5,h6") is not null) return false;
        return CandidateChoice.WordCount(element.TextContent) <= 2;
    }

    // A data table's cell, as opposed to a layout table's cell holding a page's column or a one-cell box: a few words
    // beside another cell of its row, no table, list or heading inside.
    private static bool IsShortCell(IElement cell) =>
        (cell.PreviousElementSibling ?? cell.NextElementSibling) is { LocalName: "td" or "th" }
        && cell.TextContent.AsSpan().Trim().Length <= 200 && cell.QuerySelector("table, ul, ol, dl, h1, h2, h3, h4, h5, h6") is null;

    // An accordion's header: the button a reader presses to open a panel of text ("How long does an MBA take?" over its
    // answer). It is a heading of the article, not a control: a button inside a heading or holding one, or a toggle
    // (aria-expanded/aria-controls, or a button of a few words) right before the panel it opens, when that panel holds
    // text rather than links. Other buttons ("Share", "Menu", "Subscribe") are controls and are not read.
    internal static bool IsAccordionHeader(IElement element)
    {
        if (element.LocalName != "button") return false;
        var text = element.TextContent.AsSpan().Trim();
        if (text.IsEmpty || text.Length > 200) return false;
        var controls = element.GetAttribute("aria-controls");
        var controlled = string.IsNullOrEmpty(controls) ? null : element.Owner?.GetElementById(controls);
        // A closed panel the page hides is not read, and neither is the question over it.
        if (controlled is not null && FurnitureElements.IsHidden(controlled)) return false;
        if (element.Closest("h1,h2,h3,h4,h5,h6") is not null || element.QuerySelector("h1,h2,h3,h4,h5,h6") is not null) return true;
        var toggle = element.HasAttribute("aria-expanded") || controlled is not null;
        if (!toggle && CandidateChoice.WordCount(text.ToString()) < 3) return false;
        var panel = controlled ?? element.NextElementSibling;
        if (panel is null || SkippedTags.Contains(panel.LocalName) || FurnitureElements.IsHidden(panel)) return false;
        var panelText = ContentCandidates.VisibleTextLength(panel);
        return panelText >= 40 && panelText >= 2 * text.Length && ContentCandidates.LinkDensity(panel) < 0.5;
    }

    // A caption a template marks by its class rather than with <figcaption> ("wp-caption-text", "image__caption",
    // "styles_caption__x1Y2") in a wrapper holding the image it describes and no other text. A "caption" with no image by
    // it (a quote's attribution) or over more text (an author box's "About the author") is not one.
    private static bool IsImageCaption(IElement element)
    {
        var names = element.ClassName;
        if (names is null || names.IndexOf("caption", StringComparison.OrdinalIgnoreCase) < 0 || !HasCaptionPart(names)) return false;
        var own = ContentCandidates.VisibleTextLength(element);
        for (var (wrapper, level) = (element.ParentElement, 0); wrapper is not null && level < 2; wrapper = wrapper.ParentElement, level++)
        {
            // The wrapper is the image and its caption: no other text ("About the author" over a bio is a heading).
            if (ContentCandidates.VisibleTextLength(wrapper) > own + 20) return false;
            if (wrapper.QuerySelector("img, picture, video") is not null) return true;
        }

        return false;
    }

    private static bool HasCaptionPart(string names)
    {
        foreach (var name in names.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var part in name.Split('-', '_'))
            {
                if (part.Equals("caption", StringComparison.OrdinalIgnoreCase) || part.Equals("captions", StringComparison.OrdinalIgnoreCase)
                    || part.EndsWith("Caption", StringComparison.Ordinal)) return true;
            }
        }

        return false;
    }

    private static bool HoldsContent(IElement figure) => figure.QuerySelector("table, ul, ol, blockquote, pre") is not null;

    private sealed class BlockBuilder
    {
        private readonly StringBuilder _text = new();
        private int _linkChars;
        private BlockContext _context;

        public bool IsEmpty => _text.Length == 0;

        /// <summary>Printed before the next text read (an ordered list item's number), then forgotten.</summary>
        public string? Prefix { get; set; }

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
                else if (!InvisibleText.IsDropped(c))
                {
                    if (_text.Length == 0 && Prefix is not null)
                    {
                        _text.Append(Prefix);
                        Prefix = null;
                    }

                    _text.Append(c);
                }
            }

            if (context.InLink) _linkChars += _text.Length - before;
        }

        public void Separate(string separator)
        {
            // After any text: a first cell of one or two characters ("1", "A") is a cell too.
            if (_text.Length > 0 && _text[^1] == ' ' && !EndsWith(separator)) _text.Length--;
            if (_text.Length > 0 && !EndsWith(separator)) _text.Append(separator);
        }

        private bool EndsWith(string suffix)
        {
            if (_text.Length < suffix.Length) return false;
            for (var i = 0; i < suffix.Length; i++)
            {
                if (_text[_text.Length - suffix.Length + i] != suffix[i]) return false;
            }

            return true;
        }

        public void Flush(List<TextBlock> blocks)
        {
            var text = _text.ToString().Trim().TrimEnd('|').Trim();
            text = InvisibleText.TrimJoiners(text);
            if (text.Length > 0)
            {
                blocks.Add(new TextBlock(text, _context.Kind, _context.InCaption, Math.Min(1.0, (double)_linkChars / text.Length)) { Element = _context.Element });
            }

            _text.Clear();
            _linkChars = 0;
        }
    }

    private readonly record struct BlockContext(BlockKind Kind, bool InLink, bool InCaption, IElement? Element = null, bool InShortCell = false);
}

/// <summary>What reading containers gives: their blocks, furniture skipped.</summary>
internal sealed class BlockReading(BoilerplateCues? cues, int rootTextLength)
{
    public List<TextBlock> Blocks { get; } = [];

    public bool IsFurniture(IElement element)
    {
        if (cues is null || FurnitureElements.Kind(element, cues) is not { } kind) return false;

        // A wrapper that carries a furniture word but holds most of the container ("post has-comments") is the article.
        return kind is "structure" || element.TextContent.Length * 2 <= rootTextLength;
    }
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
internal sealed record TextBlock(string Text, BlockKind Kind, bool InCaption, double LinkDensity)
{
    /// <summary>The innermost block element the text sits in (a paragraph, a list item, a div), for rules on the page's structure.</summary>
    public IElement? Element { get; init; }
}
