using AngleSharp.Dom;

namespace Monitoring.Ingest.Extraction;

/// <summary>
/// Which elements inside a content container are page furniture and are not read: navigation, asides and
/// footers by their tag or ARIA role; comment threads by the markers comment systems put on them (schema.org
/// <c>Comment</c>, the words comment systems use in class and id); related lists, newsletter and share boxes,
/// author bios, ads, cookie banners by the general class/id vocabulary of <see cref="BoilerplateCues"/>; and
/// elements the page hides. None of it names a site.
/// </summary>
internal static class FurnitureElements
{
    private static readonly HashSet<string> FurnitureTags = new(StringComparer.OrdinalIgnoreCase) { "nav", "aside", "footer", "form", "dialog", "menu" };

    private static readonly HashSet<string> FurnitureRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "complementary", "contentinfo", "banner", "search", "menu", "menubar", "dialog", "alertdialog", "toolbar", "tooltip",
    };

    /// <summary>The kind of furniture <paramref name="element"/> is ("nav", "comments", "related", …), or null when it may be content.</summary>
    public static string? Kind(IElement element, BoilerplateCues cues)
    {
        if (FurnitureTags.Contains(element.LocalName) || IsBanner(element)) return "structure";
        if (element.GetAttribute("role") is { } role && FurnitureRoles.Contains(role)) return "structure";
        if (IsHidden(element)) return "hidden";
        var type = element.GetAttribute("itemtype");
        if (type is not null && (type.EndsWith("/Comment", StringComparison.OrdinalIgnoreCase) || type.EndsWith("/UserComments", StringComparison.OrdinalIgnoreCase))) return "comments";
        // An author box: a person described in microdata as a block of its own (a byline's inline name is not a box).
        if (element.LocalName is "div" or "section" or "aside" or "li" or "p" && type?.EndsWith("/Person", StringComparison.OrdinalIgnoreCase) == true) return "bio";
        // A heading's class names its place in the page's outline ("tocHeader": listed in the table of contents), not a box.
        if (element.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6") return null;
        if (TeaserCards.IsCard(element)) return "related";
        return AttributeKind(element.ClassName, cues) ?? AttributeKind(element.Id, cues);
    }

    // HTML's implicit roles: a <header> outside any article, aside, main, nav or section is the page's banner (logo,
    // menus, mega-menus), unless it holds the headline. A header inside the article is the article's own.
    private static bool IsBanner(IElement element)
    {
        if (element.LocalName != "header" || element.QuerySelector("h1") is not null) return false;
        for (var ancestor = element.ParentElement; ancestor is not null; ancestor = ancestor.ParentElement)
        {
            if (ancestor.LocalName is "article" or "aside" or "main" or "nav" or "section" || ancestor.GetAttribute("role") is "main" or "article") return false;
        }

        return true;
    }

    /// <summary>Hidden by the page itself: the <c>hidden</c> attribute, <c>aria-hidden</c>, or an inline <c>display:none</c>.</summary>
    public static bool IsHidden(IElement element)
    {
        if (element.HasAttribute("hidden") || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)) return true;
        var style = element.GetAttribute("style");
        return style is not null && (Compact(style).Contains("display:none", StringComparison.OrdinalIgnoreCase) || Compact(style).Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase));
    }

    private static string Compact(string style) => style.Contains(' ') ? style.Replace(" ", string.Empty) : style;

    // "comments-area", "post_share", "author-bio": each class is looked up whole and by its -/_ parts.
    private static string? AttributeKind(string? value, BoilerplateCues cues)
    {
        if (string.IsNullOrEmpty(value)) return null;
        var lookup = cues.AttributeTokens.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in value.AsSpan().SplitAny(' ', '\t', '\n'))
        {
            var name = value.AsSpan()[range];
            // WordPress and similar CMSs label a post with its categories and tags ("tag-share", "category-social"): topics, not parts.
            if (name.IsEmpty || name.StartsWith("tag-") || name.StartsWith("category-")) continue;
            if (lookup.TryGetValue(name, out var kind)) return kind;
            // WordPress's box for a widget area (sidebar, footer, below the post); "elementor-widget" wraps content.
            if (name.Equals("widget", StringComparison.OrdinalIgnoreCase)) return "navigation";

            // "comments-area" is a part's name; "menu-innovation-strategies-for-caterers" is a heading's slug.
            // A CSS module's hash ("…_root__x1Y2") is not a part: parts are counted, not separators.
            if (PartCount(name) > 3) continue;
            foreach (var part in name.SplitAny('-', '_'))
            {
                if (lookup.TryGetValue(name[part], out kind)) return kind;
                if (CamelKind(name[part], lookup) is { } camel) return camel;
            }
        }

        return null;
    }

    private static int PartCount(ReadOnlySpan<char> name)
    {
        var count = 0;
        foreach (var part in name.SplitAny('-', '_'))
        {
            if (part.End.Value > part.Start.Value) count++;
        }

        return count;
    }

    // CSS modules and styled components name a part in camel case with a hash ("ArticleRelatedContentModule_root__x1Y2"):
    // each capitalised word is looked up ("Related").
    private static string? CamelKind(ReadOnlySpan<char> part, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup)
    {
        var start = 0;
        for (var i = 1; i <= part.Length; i++)
        {
            if (i < part.Length && !(char.IsUpper(part[i]) && char.IsLower(part[i - 1]))) continue;
            if (start == 0 && i == part.Length) return null;
            if (lookup.TryGetValue(part[start..i], out var kind)) return kind;
            start = i;
        }

        return null;
    }
}
