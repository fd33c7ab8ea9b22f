using AngleSharp.Dom;

namespace Monitoring.Ingest.Extraction;

/// <summary>
/// The number a browser prints before an item of an ordered list ("3. Tirzepatide"): it is on the screen, and steps,
/// rankings and top-ten lists are read by it. Items that already start with their number, and lists styled without
/// markers, print none.
/// </summary>
internal static class ListNumbers
{
    public static string? Marker(IElement element)
    {
        if (element.LocalName != "li" || element.ParentElement is not { LocalName: "ol" } list) return null;
        if (HidesMarkers(list) || HidesMarkers(element)) return null;
        var type = list.GetAttribute("type");
        if (type is not (null or "1")) return null;

        var reversed = list.HasAttribute("reversed");
        var items = list.Children.Where(child => child.LocalName == "li").ToList();
        var number = int.TryParse(list.GetAttribute("start"), out var start) ? start : reversed ? items.Count : 1;
        foreach (var item in items)
        {
            if (int.TryParse(item.GetAttribute("value"), out var value)) number = value;
            if (item == element) break;
            number += reversed ? -1 : 1;
        }

        var text = element.TextContent.AsSpan().TrimStart();
        if (text.IsEmpty || char.IsDigit(text[0])) return null;
        return $"{number}. ";
    }

    private static bool HidesMarkers(IElement element)
    {
        var style = element.GetAttribute("style");
        return style is not null && style.Replace(" ", string.Empty, StringComparison.Ordinal).Contains("list-style:none", StringComparison.OrdinalIgnoreCase)
            || style?.Replace(" ", string.Empty, StringComparison.Ordinal).Contains("list-style-type:none", StringComparison.OrdinalIgnoreCase) == true;
    }
}
