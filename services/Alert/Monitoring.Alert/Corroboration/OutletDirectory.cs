namespace Monitoring.Alert.Corroboration;

/// <summary>An outlet from <c>Data/outlets.tsv</c>: its country and ownership, and where that comes from.</summary>
public sealed record Outlet(string Name, string Country, string Ownership, string Basis)
{
    /// <summary>Owned or controlled by a government or ruling party (ownership <c>state</c>).</summary>
    public bool StateAffiliated => Ownership == "state";
}

/// <summary>
/// The shipped, editable list of outlets (<c>Data/outlets.tsv</c>). An outlet is found by any of its ids: the source
/// name ingest gives it, or a host, which also matches its subdomains.
/// </summary>
public sealed class OutletDirectory
{
    private static readonly string[] Ownerships = ["state", "public", "private", "cooperative"];
    private readonly Dictionary<string, Outlet> _byId;

    private OutletDirectory(Dictionary<string, Outlet> byId) => _byId = byId;

    public int Count => _byId.Values.Distinct().Count();

    public static OutletDirectory LoadShipped() => Load(Path.Combine(AppContext.BaseDirectory, "Data", "outlets.tsv"));

    /// <summary>Throws <see cref="FormatException"/> naming the line of an entry that is not five fields or has an unknown ownership.</summary>
    public static OutletDirectory Load(string path)
    {
        var byId = new Dictionary<string, Outlet>(StringComparer.OrdinalIgnoreCase);
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var fields = line.Split('\t');
            if (fields.Length != 5) throw new FormatException($"{path}:{number}: expected 5 tab-separated fields (ids, name, country, ownership, basis), found {fields.Length}.");
            if (!Ownerships.Contains(fields[3])) throw new FormatException($"{path}:{number}: ownership '{fields[3]}' is not one of {string.Join(", ", Ownerships)}.");
            var outlet = new Outlet(fields[1], fields[2], fields[3], fields[4]);
            foreach (var id in fields[0].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) byId[id] = outlet;
        }

        return new OutletDirectory(byId);
    }

    /// <summary>The listed outlet for a source name or host ("english.news.cn" finds news.cn), or null.</summary>
    public Outlet? Find(string outlet)
    {
        for (var name = outlet.Trim(); name.Length > 0; name = name.IndexOf('.', StringComparison.Ordinal) is var dot and >= 0 ? name[(dot + 1)..] : "")
        {
            if (_byId.TryGetValue(name, out var found)) return found;
            if (!name.Contains('.', StringComparison.Ordinal)) break;
        }

        return null;
    }
}
