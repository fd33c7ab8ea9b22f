namespace Monitoring.Classify.Text;

/// <summary>
/// Whether a text is language at all. Binary data posted as text decodes to control characters, replacement
/// characters and private-use code points; any name or term found in it is chance ("US" in random bytes), so such a
/// text gets no topics and no actors. Real text in any script, Chinese included, has almost none of them.
/// </summary>
public static class TextQuality
{
    /// <summary>The share of characters that no text has, above which it is taken for binary data.</summary>
    public const double MaxJunkShare = 0.02;

    public static bool IsReadable(string text)
    {
        if (text.Length == 0) return true;
        var junk = 0;
        foreach (var c in text)
        {
            if (c is '\uFFFD' or (>= '\uE000' and <= '\uF8FF') || (char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            {
                junk++;
            }
        }

        return junk <= MaxJunkShare * text.Length;
    }
}
