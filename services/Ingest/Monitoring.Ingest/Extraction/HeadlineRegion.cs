using AngleSharp.Dom;

namespace Monitoring.Ingest.Extraction;

/// <summary>
/// The visible text around the headline, piece by piece (each text node, whitespace collapsed), in document order:
/// where a page prints its byline and its date line. Navigation, comment threads, related lists and the other
/// furniture of <see cref="FurnitureElements"/> are not read (a comment's date is not the article's); the meta line
/// (byline, date) is. Without a headline, the start of the article or main element.
/// </summary>
internal sealed class HeadlineRegion
{
    private const int PiecesBefore = 30;
    private const int PiecesAfter = 80;

    private readonly Queue<string> _before = new(PiecesBefore);
    private readonly List<string> _after = new(PiecesAfter);
    private readonly IElement? _headline;
    private bool _inHeadline;
    private bool _passedHeadline;

    private HeadlineRegion(IElement? headline) => _headline = headline;

    /// <summary>The pieces before the headline (at most 30, nearest last), the headline's own, then those after it (at most 80).</summary>
    public IReadOnlyList<string> Pieces { get; private set; } = [];

    /// <summary>Where the pieces after the headline start in <see cref="Pieces"/>.</summary>
    public int HeadlineAt { get; private set; }

    public static HeadlineRegion Around(IDocument document, IElement? headline, BoilerplateCues cues)
    {
        if (headline is not null && document.Body is { } body)
        {
            var around = new HeadlineRegion(headline);
            around.Walk(body, cues);
            if (around._passedHeadline) return around.Done();
        }

        // No headline, or one the walk never reached: the start of the article.
        var region = new HeadlineRegion(null) { _passedHeadline = true };
        if ((document.QuerySelector("[itemprop=articleBody], article, main, [role=main]") ?? document.Body) is { } start) region.Walk(start, cues);
        return region.Done();
    }

    private HeadlineRegion Done()
    {
        List<string> before = _headline is null ? [] : [.. _before];
        Pieces = [.. before, .. _after];
        HeadlineAt = before.Count;
        return this;
    }

    private bool Full => _after.Count >= PiecesAfter;

    private void Walk(INode node, BoilerplateCues cues)
    {
        foreach (var child in node.ChildNodes)
        {
            if (Full) return;
            switch (child)
            {
                case IText text:
                    Add(text.Data);
                    break;
                case IElement element when HtmlMainText.SkippedTags.Contains(element.LocalName):
                    break;
                case IElement element when element == _headline:
                    _inHeadline = true;
                    Walk(element, cues);
                    _inHeadline = false;
                    _passedHeadline = true;
                    break;
                case IElement element when FurnitureElements.Kind(element, cues) is { } kind && kind != "meta" && (_headline is null || !element.Contains(_headline)):
                    break;
                case IElement element:
                    Walk(element, cues);
                    break;
            }
        }
    }

    private void Add(string data)
    {
        if (_inHeadline || string.IsNullOrWhiteSpace(data)) return;
        var piece = HtmlMetadata.Clean(data)!;
        if (_passedHeadline)
        {
            _after.Add(piece);
            return;
        }

        if (_before.Count == PiecesBefore) _before.Dequeue();
        _before.Enqueue(piece);
    }
}
