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
        "navigation", "complementary", "contentinfo", "banner", "search", "menu", "menubar", "dialog", "alertdialog", "toolbar",
    };

    /// <summary>The kind of furniture <paramref name="element"/> is ("nav", "comments", "related", …), or null when it may be content.</summary>
    public static string? Kind(IElement element, BoilerplateCues cues)
    {
        if (FurnitureTags.Contains(element.LocalName)) return "structure";
        if (element.GetAttribute("role") is { } role && FurnitureRoles.Contains(role)) return "structure";
        if (IsHidden(element)) return "hidden";
        if (element.GetAttribute("itemtype") is { } type && (type.EndsWith("/Comment", StringComparison.OrdinalIgnoreCase) || type.EndsWith("/UserComments", StringComparison.OrdinalIgnoreCase))) return "comments";
        return AttributeKind(element.ClassName, cues) ?? AttributeKind(element.Id, cues);
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

            // "comments-area" is a part's name; "menu-innovation-strategies-for-caterers" is a heading's slug.
            if (name.Count('-') + name.Count('_') > 2) continue;
            foreach (var part in name.SplitAny('-', '_'))
            {
                if (lookup.TryGetValue(name[part], out kind)) return kind;
            }
        }

        return null;
    }
}
