namespace Monitoring.Ingest.Extraction;

/// <summary>
/// Whether a submission is an article at all. Binary data (control characters, bytes that were not valid text) and
/// encoded blobs (base64, hex: long runs without spaces or words) posted as text or HTML are refused before
/// extraction; a page whose extracted text has too few words to read is refused after it. Nothing refused is stored
/// or published.
/// </summary>
public static class ReadableText
{
    /// <summary>Fewer words than this extracted from a page is not an article (a login wall, an empty shell page, a caption); a short plain-text flash is.</summary>
    public const int MinWords = 5;

    /// <summary>
    /// Why <paramref name="content"/> is not text at all, or null when it reads as text. Binary is checked on anything;
    /// the encoded-blob checks only on plain text, since HTML legitimately carries minified script and data URIs
    /// (its extracted text is checked by <see cref="RefuseExtracted"/>).
    /// </summary>
    public static NotAnArticleException? RefuseContent(string? content, bool isHtml)
    {
        if (string.IsNullOrEmpty(content)) return null;
        var sample = content.AsSpan(0, Math.Min(content.Length, 64 * 1024));
        int control = 0, whitespace = 0, letters = 0, longestRun = 0, run = 0;
        foreach (var c in sample)
        {
            if (c == '\uFFFD' || (char.IsControl(c) && c is not '\n' and not '\r' and not '\t' and not '\f')) control++;
            // Chinese, Japanese, Korean and Thai are written without spaces: each of their letters ends a "run" too.
            if (c is >= '\u0E00' and <= '\u0E7F' or >= '\u3040' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF')
            {
                letters++;
                whitespace++;
                run = 0;
            }
            else if (char.IsWhiteSpace(c) || c is '<' or '>')
            {
                whitespace++;
                run = 0;
            }
            else
            {
                if (char.IsLetter(c)) letters++;
                longestRun = Math.Max(longestRun, ++run);
            }
        }

        if (control > Math.Max(2, sample.Length / 100))
        {
            return new NotAnArticleException($"The body is binary data ({control} control or undecodable characters in the first {sample.Length}), not text or HTML.", binary: true);
        }

        if (isHtml) return null;

        // Prose has a space at least every few dozen characters; base64 or hex has none for thousands.
        if (sample.Length >= 200 && (longestRun > 2_000 || whitespace * 50 < sample.Length))
        {
            return new NotAnArticleException("The body is encoded data (a long run of characters without spaces, such as base64), not article text.");
        }

        return letters * 4 < sample.Length - whitespace && sample.Length >= 200
            ? new NotAnArticleException("The body is mostly digits and symbols, not article text.")
            : null;
    }

    /// <summary>Why the extracted text is no article (empty, encoded, or from a page and too short to read), or null.</summary>
    public static NotAnArticleException? RefuseExtracted(string text, bool fromHtml)
    {
        if (string.IsNullOrWhiteSpace(text)) return new EmptyArticleException();
        if (RefuseContent(text, isHtml: false) is { } junk) return junk;
        var words = CandidateChoice.WordCount(text);
        var cjk = text.Count(c => c is >= '\u3040' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF');
        return fromHtml && words < MinWords && cjk < 10
            ? new NotAnArticleException($"The page has no readable main text: {words} word(s) after extraction, at least {MinWords} are needed.")
            : null;
    }
}

/// <summary>The submission is not an article: binary or encoded data, or no readable main text. Refused, never published.</summary>
public class NotAnArticleException(string message, bool binary = false) : Exception(message)
{
    /// <summary>Binary data rather than text: 415 over HTTP; anything else not an article is 422.</summary>
    public bool Binary { get; } = binary;
}

/// <summary>The article has no main text left once boilerplate is removed.</summary>
public sealed class EmptyArticleException() : NotAnArticleException("The article has no main text after extraction.");
