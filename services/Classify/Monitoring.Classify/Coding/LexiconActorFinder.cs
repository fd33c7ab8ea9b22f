using Monitoring.Classify.Text;

namespace Monitoring.Classify.Coding;

/// <summary>
/// The coder's own actor words for a language (<c>Data/coding/actors-LANG.txt</c>, and the country names in that
/// language's script from the gazetteer): demonyms and role words written in lower case ("colombianos", "policía",
/// "المتظاهرين"), matched as the language's <see cref="WordShapes"/> compare words — without accents, without Arabic
/// clitics ("والمتظاهرين", "بالعراق"). Their mentions fill the gaps of the actor layer's, and a role joins the country
/// next to it ("la policía colombiana", "ejército de Colombia", "الشرطة العراقية" → COL/COP, IRQ/COP).
/// Lines are <c>CODE&lt;TAB&gt;SECTOR&lt;TAB&gt;forms</c>: CODE an ISO-3 country, "---" for a role with no country, or
/// an organisation's CAMEO code ("IGOUNO"); SECTOR a CAMEO sector or "-"; forms joined by '_', a stem ends in '*'.
/// </summary>
public sealed class LexiconActorFinder
{
    private readonly TriggerLexicon _words;
    private readonly Dictionary<LexiconEntry, (string Code, string? Sector)> _actors = new(ReferenceEqualityComparer.Instance);
    private readonly WordShapes _shapes;

    private LexiconActorFinder(WordShapes shapes, IEnumerable<(string Code, string? Sector, string Form)> entries)
    {
        _shapes = shapes;
        var lines = new List<string>();
        var owners = new List<(string Code, string? Sector)>();
        foreach (var (code, sector, form) in entries)
        {
            lines.Add($"01\tn\t{form}");
            owners.Add((code, sector));
        }

        // The actors' forms are indexed as a trigger lexicon is (stems, multi-word forms); each entry keeps its owner.
        _words = TriggerLexicon.Parse(lines, "actors", shapes, (entry, line) => _actors[entry] = owners[line]);
    }

    public static LexiconActorFinder Empty { get; } = new(WordShapes.For("en"), []);

    public bool IsEmpty => _actors.Count == 0;

    /// <summary>Reads <paramref name="path"/> (if present) and, for a non-Latin script, the gazetteer's names written in it.</summary>
    public static LexiconActorFinder Load(string? path, WordShapes shapes, IEnumerable<(string Code, string Form)> gazetteer)
    {
        var entries = new List<(string, string?, string)>();
        if (path is not null && File.Exists(path))
        {
            var lineNumber = 0;
            foreach (var raw in File.ReadLines(path))
            {
                lineNumber++;
                var line = raw.TrimEnd('\r');
                if (line.Length == 0 || line[0] == '#') continue;
                var f = line.Split('\t');
                if (f.Length != 3 || f[0].Length < 3) throw new InvalidDataException($"{path}:{lineNumber}: expected CODE<TAB>SECTOR<TAB>forms, got '{line}'.");
                foreach (var form in f[2].Split(' ', StringSplitOptions.RemoveEmptyEntries)) entries.Add((f[0], f[1] is "-" or "" ? null : f[1], form));
            }
        }

        foreach (var (code, form) in gazetteer) entries.Add((code, null, form.Replace(' ', '_')));
        return new LexiconActorFinder(shapes, entries);
    }

    /// <summary><paramref name="recognized"/> with this language's actors added where they do not overlap, roles joined to their country.</summary>
    public List<ActorMention> Merge(string text, List<Token> tokens, IReadOnlyList<ActorMention> recognized, CueWords cues)
    {
        var merged = new List<ActorMention>(recognized);
        if (IsEmpty) return merged;
        var r = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            while (r < recognized.Count && recognized[r].End <= tokens[i].Start) r++;
            if (r < recognized.Count && recognized[r].Start < tokens[i].End) continue;
            var (entry, length) = Longest(tokens, i);
            if (entry is null) continue;
            var end = tokens[i + length - 1].End;
            if (r < recognized.Count && recognized[r].Start < end) continue;
            var (code, sector) = _actors[entry];
            var cameo = code.Length > 3 ? code : null;
            merged.Add(new ActorMention(tokens[i].Start, end, text[tokens[i].Start..end], cameo is null ? code : code[..3], sector, cameo));
            i += length - 1;
        }

        merged.Sort((a, b) => a.Start.CompareTo(b.Start));
        return JoinRoles(text, merged, cues);
    }

    private (LexiconEntry? Entry, int Length) Longest(List<Token> tokens, int i)
    {
        foreach (var candidate in _shapes.Candidates(tokens[i].Lower))
        {
            foreach (var entry in _words.StartingWith(candidate))
            {
                if (i + entry.Words.Length > tokens.Count || !TriggerLexicon.Matches(entry.Words[0], candidate)) continue;
                var matches = true;
                for (var k = 1; k < entry.Words.Length && matches; k++)
                {
                    var form = entry.Words[k];
                    matches = _shapes.Candidates(tokens[i + k].Lower).Any(c => TriggerLexicon.Matches(form, c));
                }

                if (matches) return (entry, entry.Words.Length);
            }
        }

        return (null, 0);
    }

    /// <summary>Nothing, a connector ("de las"), or a short name between two ("del Frente 13 de las"), no punctuation.</summary>
    private static bool IsConnectorGap(string gap, CueWords cues)
    {
        if (gap.Length == 0 || cues.RoleConnectors.Contains(gap)) return true;
        var words = gap.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 6 || gap.IndexOfAny([',', ';', '.', '(', ')']) >= 0) return false;
        for (var k = 1; k < words.Length; k++)
        {
            if (cues.RoleConnectors.Contains(words[0]) && cues.RoleConnectors.Contains(string.Join(' ', words[k..]))) return true;
        }

        return false;
    }

    /// <summary>A role next to a country, either order, at most a connector between: one mention with the country's code and the role's sector.</summary>
    private static List<ActorMention> JoinRoles(string text, List<ActorMention> mentions, CueWords cues)
    {
        for (var i = 0; i + 1 < mentions.Count; i++)
        {
            var (a, b) = (mentions[i], mentions[i + 1]);
            var (role, country) = a.Code == CodedEvents.UnknownCode && a.Sector is not null ? (a, b) : (b, a);
            if (role.Code != CodedEvents.UnknownCode || role.Sector is null || country.Code == CodedEvents.UnknownCode || country.Cameo is not null) continue;
            if (!IsConnectorGap(text[a.End..b.Start].Trim().ToLowerInvariant(), cues)) continue;

            // "guerrilleros de las FARC": the organisation's country and sector; "policía colombiana": the role's.
            mentions[i] = new ActorMention(a.Start, b.End, text[a.Start..b.End], country.Code, country.Sector ?? role.Sector);
            mentions.RemoveAt(i + 1);
        }

        return mentions;
    }
}
