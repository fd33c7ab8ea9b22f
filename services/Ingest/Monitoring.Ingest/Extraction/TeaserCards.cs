using AngleSharp.Dom;

namespace Monitoring.Ingest.Extraction;

/// <summary>
/// Teaser cards: list items or nested <c>&lt;article&gt;</c>s whose heading is a link to another page and whose text is
/// that heading and a short excerpt, date or label ("More stories" grids, course and post cards). HTML makes an article
/// nested in another a related piece (a teaser, a comment), and a card's linked heading names the page it leads to,
/// where an article's own section headings are not links. A nested article, or two such list items side by side, are
/// furniture; a nested article is one even with its linked heading alone (a grid of headlines). A list item's linked
/// heading alone (a list of product names) is the article's list, not a card.
/// </summary>
internal static class TeaserCards
{
    private const int MinExcerptChars = 16;
    private const int MaxExcerptChars = 340;

    public static bool IsCard(IElement element)
    {
        if (element.LocalName is not ("li" or "article")) return false;
        // HTML's nested article is a related piece: its linked heading alone makes it a teaser ("More stories" grids of headlines).
        if (element.LocalName == "article" && IsTeaser(element, minExcerpt: 0) && InsideArticle(element)) return true;
        if (!IsTeaser(element, MinExcerptChars)) return false;
        return element.ParentElement is { } parent && HasTeaserSibling(parent, element);
    }

    private static bool IsTeaser(IElement element, int minExcerpt)
    {
        if (FirstHeading(element) is not { } heading) return false;
        var headingLength = TextLength(heading);
        if (headingLength < 10) return false;
        var linked = InsideLink(heading, element) ? headingLength : LinkedLength(heading);
        if (linked * 5 < headingLength * 4) return false;
        var length = TextLength(element);
        return length >= headingLength + minExcerpt && length <= headingLength + MaxExcerptChars;
    }

    // Walked by hand: this runs for every list item the reading meets, so no selector and no iterator is allocated.
    private static IElement? FirstHeading(IElement element)
    {
        for (var child = element.FirstElementChild; child is not null; child = child.NextElementSibling)
        {
            if (child.LocalName is "h2" or "h3" or "h4" or "h5" or "h6") return child;
            if (FirstHeading(child) is { } found) return found;
        }

        return null;
    }

    // Non-space characters of the element's text, counted without building the text (TextContent allocates it).
    private static int TextLength(INode node)
    {
        var length = 0;
        for (var child = node.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is IText text)
            {
                foreach (var c in text.Data) if (!char.IsWhiteSpace(c)) length++;
            }
            else if (child is IElement)
            {
                length += TextLength(child);
            }
        }

        return length;
    }

    private static bool InsideLink(IElement heading, IElement card)
    {
        for (var ancestor = heading.ParentElement; ancestor is not null && ancestor != card; ancestor = ancestor.ParentElement)
        {
            if (ancestor.LocalName == "a") return true;
        }

        return false;
    }

    private static int LinkedLength(IElement element)
    {
        var length = 0;
        for (var child = element.FirstElementChild; child is not null; child = child.NextElementSibling)
        {
            length += child.LocalName == "a" ? TextLength(child) : LinkedLength(child);
        }

        return length;
    }

    private static bool InsideArticle(IElement element)
    {
        for (var ancestor = element.ParentElement; ancestor is not null; ancestor = ancestor.ParentElement)
        {
            if (ancestor.LocalName == "article") return true;
        }

        return false;
    }

    private static bool HasTeaserSibling(IElement parent, IElement element)
    {
        for (var sibling = parent.FirstElementChild; sibling is not null; sibling = sibling.NextElementSibling)
        {
            if (sibling != element && sibling.LocalName == element.LocalName && IsTeaser(sibling, MinExcerptChars)) return true;
        }

        return false;
    }
}
