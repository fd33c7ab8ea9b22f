using System.Text.Json;
using Monitoring.Classify.Text;

namespace Monitoring.Classify.Gazetteer;

/// <summary>
/// Finds the countries an article names: names in 24 languages, demonyms, capitals and seats of power,
/// each mapped to its ISO-3166 alpha-3 code (<c>Data/countries.json</c>). Latin-script forms must be
/// capitalised in the text, so "china" the porcelain and "chad" the name do not count; all-capital
/// abbreviations ("US", "UK") must match exactly.
/// </summary>
public sealed class CountryGazetteer
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly PhraseMatcher<string> _matcher;

    public CountryGazetteer(IEnumerable<(string Code, string Form)> forms)
    {
        var unambiguous = forms
            .GroupBy(f => f.Form.ToLowerInvariant())
            .Where(group => group.Select(f => f.Code).Distinct().Count() == 1)
            .Select(group => group.First());
        _matcher = new PhraseMatcher<string>(unambiguous.Select(f => new Phrase<string>(
            f.Form, f.Code, ProperNoun: true, CaseSensitive: f.Form.Length <= 6 && f.Form.Any(char.IsLetter) && f.Form.Where(char.IsLetter).All(char.IsUpper))));
    }

    public static CountryGazetteer Load(string path)
    {
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<GazetteerFile>(stream, Json)
            ?? throw new InvalidDataException($"{path}: empty gazetteer");
        return new CountryGazetteer(file.Countries.SelectMany(c => c.Forms.Select(form => (c.Code, form))));
    }

    /// <summary>Country codes in order of how often the article names them, most first.</summary>
    public List<string> Find(string text, List<Token> tokens) =>
        _matcher.Match(text, tokens, longestOnly: true)
            .GroupBy(match => match.Phrase.Value)
            .OrderByDescending(group => group.Count())
            .ThenBy(group => group.Min(m => m.Start))
            .Select(group => group.Key)
            .ToList();

    private sealed record GazetteerFile(List<GazetteerCountry> Countries);

    private sealed record GazetteerCountry(string Code, string Name, List<string> Forms);
}
