using AngleSharp.Dom;

namespace Monitoring.Ingest.Extraction;

/// <summary>
/// A heading's permalink mark: the "#", "¶", "§" or "🔗" link documentation and blog templates print beside each heading
/// so that a reader can copy a link to that section. It is a control, not a word of the heading.
/// </summary>
internal static class HeadingAnchors
{
    private static readonly string[] Marks = ["#", "¶", "§", "🔗", "⚓", "#️⃣"];

    public static bool IsPermalinkMark(IElement element)
    {
        if (element.LocalName != "a" || element.Closest("h1,h2,h3,h4,h5,h6") is null) return false;
        var text = element.TextContent.Trim();
        return Array.IndexOf(Marks, text) >= 0;
    }
}
