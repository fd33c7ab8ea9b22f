using System.Globalization;

namespace Monitoring.Alert.Shifts;

/// <summary>What a CAMEO code weighs: its root, GDELT quad class and Goldstein value, and the root's name.</summary>
public sealed record CameoWeight(string Root, int QuadClass, double Goldstein);

/// <summary>
/// The CAMEO codebook the classify service codes with (<c>Data/cameo-codes.tsv</c>, linked from there): messages carry
/// only the code, and a relation's balance needs its quad class and Goldstein value. A code the table lacks falls back
/// to its root's row, so a finer code added to the coder later still counts.
/// </summary>
public sealed class CameoScale
{
    private readonly Dictionary<string, CameoWeight> _codes;
    private readonly Dictionary<string, string> _names;

    private CameoScale(Dictionary<string, CameoWeight> codes, Dictionary<string, string> names)
    {
        _codes = codes;
        _names = names;
    }

    public static CameoScale Load(string path)
    {
        var codes = new Dictionary<string, CameoWeight>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (line, number) in File.ReadLines(path).Select((line, index) => (line, index + 1)))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var fields = line.Split('\t');
            if (fields.Length < 6 || !int.TryParse(fields[2], CultureInfo.InvariantCulture, out var quad)
                || !double.TryParse(fields[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var goldstein))
            {
                throw new InvalidDataException($"{path}:{number}: expected code, root, quad class, Goldstein, PLOVER, name.");
            }

            codes[fields[0]] = new CameoWeight(fields[1], quad, goldstein);
            // Roots are named in capitals in the codebook ("COERCE"), finer codes in sentence case: both read lower-case here.
            names[fields[0]] = fields[0] == fields[1] ? fields[5].ToLowerInvariant() : fields[5].Length > 0 ? char.ToLowerInvariant(fields[5][0]) + fields[5][1..] : fields[5];
        }

        return new CameoScale(codes, names);
    }

    public static CameoScale LoadShipped() => Load(Path.Combine(AppContext.BaseDirectory, "Data", "cameo-codes.tsv"));

    public CameoWeight? Find(string code) =>
        _codes.TryGetValue(code, out var weight) ? weight : code.Length > 2 && _codes.TryGetValue(code[..2], out var root) ? root : null;

    /// <summary>"coerce" for 17.</summary>
    public string RootName(string root) => _names.GetValueOrDefault(root, "code " + root);

    /// <summary>"sign formal agreement" for 057; a code the table lacks is named by its root.</summary>
    public string Name(string code) =>
        _names.TryGetValue(code, out var name) ? name : code.Length > 2 && _names.TryGetValue(code[..2], out var root) ? root : "code " + code;
}
