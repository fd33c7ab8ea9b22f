using AngleSharp.Dom;

namespace Monitoring.Ingest.Extraction;

/// <summary>Raised marks that point to the page's notes rather than being words of the sentence they follow.</summary>
internal static class NoteMarks
{
    // "…career development<sup><a href="#fn2">2</a></sup>.": a reference to the page's own notes, not a word of the sentence.
    internal static bool IsFootnoteMark(IElement element)
    {
        if (element.LocalName != "sup") return false;
        var link = element.QuerySelector("a[href^='#']");
        if (link is null) return false;
        var text = element.TextContent.AsSpan().Trim();
        if (text.IsEmpty || text.Length > 8) return false;
        foreach (var c in text)
        {
            if (!(char.IsAsciiDigit(c) || c is '[' or ']' or '(' or ')' or ',' or '-' or '*' or '†' or '‡' or ' ')) return false;
        }

        return true;
    }

    // "…pays about $1,000 per class<sup>*</sup>.": an asterisk or dagger raised after a word refers to a note printed
    // elsewhere; the note itself ("<sup>*</sup>This is among…") starts its line with the mark and keeps it. Raised digits
    // without a link stay, as they may be exponents ("40 m<sup>2</sup>").
    internal static bool IsNoteSymbol(IElement element)
    {
        if (element.LocalName != "sup") return false;
        var text = element.TextContent.AsSpan().Trim();
        if (text.IsEmpty || text.Length > 3) return false;
        foreach (var c in text)
        {
            if (c is not ('*' or '†' or '‡' or '§')) return false;
        }

        return true;
    }
}
