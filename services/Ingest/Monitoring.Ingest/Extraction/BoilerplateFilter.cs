using System.Text.RegularExpressions;

namespace Monitoring.Ingest.Extraction;

/// <summary>
/// Drops the lines a scraper picks up around an article: short lines the page repeats (menus, copyright,
/// hotlines printed twice), cookie and consent banners and menu words (in the languages of <see cref="BoilerplateCues"/>), copyright and licence notices, and photo captions
/// ending in an agency credit such as "/CFP".
/// </summary>
public static partial class BoilerplateFilter
{
    // A short line that recurs is navigation or a footer; a long one is a paragraph scraped twice, kept once.
    private const int ShortLineLength = 160;

    public static IReadOnlyList<string> Clean(IEnumerable<string> rawLines)
    {
        var lines = rawLines
            .Select(line => Whitespace().Replace(line, " ").Trim())
            .Where(line => line.Length > 0)
            .ToList();

        var counts = lines.GroupBy(line => line, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var kept = new List<string>(lines.Count);
        foreach (var line in lines)
        {
            if (counts[line] > 1 && line.Length <= ShortLineLength) continue;
            if (!seen.Add(line)) continue;
            if (IsBoilerplate(line)) continue;
            kept.Add(line);
        }

        return kept;
    }

    /// <summary>
    /// For HTML, whose blocks come from markup rather than a scraper: only the pattern rules. A line the page
    /// repeats is kept unless it is a whole paragraph, since tables and product lists repeat short cells ("N/A", "Fees based on income") legitimately.
    /// </summary>
    public static IReadOnlyList<string> CleanBlocks(IEnumerable<string> blocks)
    {
        // A paragraph the page renders twice (a mobile and a desktop copy, a pull quote) is read once.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return blocks.Select(block => Whitespace().Replace(block, " ").Trim())
            .Where(block => block.Length > 0 && !IsBoilerplate(block) && (block.Length < 80 || seen.Add(block)))
            .ToList();
    }

    public static bool IsBoilerplate(string line) =>
        (line.Length <= 600 && BoilerplateCues.Default.IsConsentNotice(line))
        || (line.Length <= ShortLineLength && (FooterNotice().IsMatch(line) || BoilerplateCues.IsLine(BoilerplateCues.Default.NavigationWords, line)))
        || (line.Length <= 300 && (PhotoCredit().IsMatch(line) || PhotographerCredit().IsMatch(line)))
        // A template's placeholder text, left in a block the page never filled.
        || line.StartsWith("Lorem ipsum", StringComparison.OrdinalIgnoreCase)
        || (line.Length <= 40 && BoilerplateCues.Default.IsReadingTime(line))
        || BoilerplateCues.Default.IsAdLabel(line)
        || (line.Length <= 400 && BoilerplateCues.Default.IsAffiliateDisclosure(line))
        || (line.Length <= 80 && (BoilerplateCues.Default.IsSourceCredit(line) || BoilerplateCues.Default.IsImageCredit(line)));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(copyright|©|\(c\)\s*\d{4}|all rights reserved|hotline|ICP备|terms of (use|service)|privacy policy)", RegexOptions.IgnoreCase)]
    private static partial Regex FooterNotice();

    // "A file photo of ... /CFP", "Protesters in ... /Reuters": a caption that ends with the agency that shot it.
    [GeneratedRegex(@"\s/\s?(?:[A-Z][A-Za-z]*|[A-Z]{2,})(?:\s?(?:Photo|Images))?\.?$")]
    private static partial Regex PhotoCredit();

    // "The harbour at dawn. Photo by: 'Jane Doe'.", "… | Photo by Jane Doe", "Foto: Max Muster": a caption ending in the
    // photographer's credit (a name, capitalised), in the languages of the cue tables.
    [GeneratedRegex(@"(?i:\b(?:photo|photograph|foto|bild|фото)s?|\bimage (?:credit|courtesy)|图片|摄影)\s*(?i:by|credit|courtesy|von|de|di|par)?\s*[:：]?\s*[«""'‘“]?\p{Lu}[\p{L}.'’ -]{0,40}[»""'’”]?\.?$")]
    private static partial Regex PhotographerCredit();
}
