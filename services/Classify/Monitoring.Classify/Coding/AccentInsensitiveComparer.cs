using System.Globalization;
using System.Text;

namespace Monitoring.Classify.Coding;

/// <summary>
/// Compares words as <see cref="WordShapes.Normalize"/> does for a language written with accents (Spanish): without them,
/// "está" = "esta", "señaló" = "senalo". Case is kept (cue sets also hold sector codes, "GOV"). The cue sets of such a
/// language use it, so a stage may look a token up as written or normalised and still find the cue word, however the
/// cue file or the text spells it. ASCII words, most of them, are hashed and compared as they are.
/// </summary>
public sealed class AccentInsensitiveComparer : IEqualityComparer<string>
{
    public static AccentInsensitiveComparer Instance { get; } = new();

    private AccentInsensitiveComparer()
    {
    }

    // The accented letters of Latin-1 and what they fold to; any other letter beyond ASCII takes the decomposition.
    private const string Accented = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝ";
    private const string Plain = "aaaaaaceeeeiiiinooooouuuuyyAAAAAACEEEEIIIINOOOOOUUUUY";

    public bool Equals(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return true;
        if (x is null || y is null) return false;
        if (Ascii.IsValid(x) && Ascii.IsValid(y)) return string.Equals(x, y, StringComparison.Ordinal);
        return string.Equals(Fold(x), Fold(y), StringComparison.Ordinal);
    }

    public int GetHashCode(string word) => Ascii.IsValid(word) ? word.GetHashCode(StringComparison.Ordinal) : Fold(word).GetHashCode(StringComparison.Ordinal);

    /// <summary>The word without its accents (combining marks dropped after decomposition).</summary>
    public static string Fold(string word)
    {
        if (Ascii.IsValid(word)) return word;
        if (word.Length <= 64)
        {
            // Most accented words have only Latin-1 letters: folded by the table, with no decomposition.
            Span<char> folded = stackalloc char[word.Length];
            var latin = true;
            for (var i = 0; i < word.Length && latin; i++)
            {
                var c = word[i];
                var at = c < 0x80 ? -1 : Accented.IndexOf(c, StringComparison.Ordinal);
                latin = c < 0x80 || at >= 0;
                folded[i] = at >= 0 ? Plain[at] : c;
            }

            if (latin) return new string(folded);
        }

        var decomposed = word.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) builder.Append(c);
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
