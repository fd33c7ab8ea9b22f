namespace Monitoring.Classify.Coding;

/// <summary>
/// A CAMEO code's root, its first two digits ("19" of "193"), as one shared string per root: the stages read the root of
/// every code they consider, and cutting it out of the code allocated a string each time.
/// </summary>
internal static class CameoRoot
{
    private static readonly string[] Roots = Enumerable.Range(0, 100).Select(n => n.ToString("00", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    /// <summary>The first two characters of <paramref name="code"/> (as <c>code[..2]</c>, which a shorter code throws on).</summary>
    public static string Of(string code) =>
        code.Length >= 2 && (uint)(code[0] - '0') <= 9 && (uint)(code[1] - '0') <= 9 ? Roots[((code[0] - '0') * 10) + (code[1] - '0')] : code[..2];
}
