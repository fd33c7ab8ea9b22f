namespace Monitoring.Ingest.Extraction;

/// <summary>
/// Characters a page carries that a reader never sees and that are no part of its words: zero-width spaces, byte-order
/// marks and word joiners (editors leave them inside words: "H\uFEFFow"), soft hyphens (hyphenation hints) and control
/// characters (a mis-encoded apostrophe stored as U+0092). Dropping them keeps every visible character as printed.
/// Zero-width joiners and non-joiners shape letters and emoji inside a word (Persian, Indic scripts, 👩‍💻) and are kept
/// there; at the edge of a line, where they join nothing, they go.
/// </summary>
internal static class InvisibleText
{
    public static bool IsDropped(char c) =>
        c is '\u200B' or '\uFEFF' or '\u2060' or '\u00AD' || (char.IsControl(c) && !char.IsWhiteSpace(c));

    public static string TrimJoiners(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsJoinerOrSpace(text[start])) start++;
        while (end > start && IsJoinerOrSpace(text[end - 1])) end--;
        return start == 0 && end == text.Length ? text : text[start..end];
    }

    private static bool IsJoinerOrSpace(char c) => c is '\u200C' or '\u200D' or ' ';
}
