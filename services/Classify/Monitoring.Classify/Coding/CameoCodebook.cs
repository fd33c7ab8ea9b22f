using System.Globalization;

namespace Monitoring.Classify.Coding;

/// <summary>What a CAMEO code means: its root, GDELT quad class, Goldstein value and PLOVER category.</summary>
public sealed record CameoCode(string Code, string Root, int QuadClass, double Goldstein, string? Plover, string Name);

/// <summary>Every CAMEO code (<c>Data/cameo-codes.tsv</c>, built by <c>build-cameo-codes.py</c>).</summary>
public sealed class CameoCodebook
{
    private readonly Dictionary<string, CameoCode> _codes;

    private CameoCodebook(Dictionary<string, CameoCode> codes) => _codes = codes;

    public static CameoCodebook Load(string path)
    {
        var codes = new Dictionary<string, CameoCode>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (f.Length != 6 || !int.TryParse(f[2], CultureInfo.InvariantCulture, out var quad) || !double.TryParse(f[3], CultureInfo.InvariantCulture, out var goldstein))
            {
                throw new InvalidDataException($"{path}:{lineNumber}: expected code, root, quad class, Goldstein, PLOVER, name.");
            }

            codes[f[0]] = new CameoCode(f[0], f[1], quad, goldstein, f[4].Length > 0 ? f[4] : null, f[5]);
        }

        return new CameoCodebook(codes);
    }

    /// <summary>Every code, in code order.</summary>
    public IEnumerable<CameoCode> Codes => _codes.Values.OrderBy(c => c.Code, StringComparer.Ordinal);

    /// <summary>The code itself, or null when CAMEO has no such code (the dictionary has a few stale ones).</summary>
    public CameoCode? Find(string code) => _codes.GetValueOrDefault(code);
}
