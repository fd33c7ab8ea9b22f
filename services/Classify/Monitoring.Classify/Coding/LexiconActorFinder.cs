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
/// <c>places-LANG.txt</c> (from GeoNames, <c>build-places.py</c>) has the same format; its names are places, which in a
/// script with capitals must be written capitalised ("Cali", not "cali").
/// </summary>
public sealed class LexiconActorFinder
{
    private readonly TriggerLexicon _words;
    private readonly Dictionary<LexiconEntry, (string Code, string? Sector, bool IsPlace)> _actors = new(ReferenceEqualityComparer.Instance);
    private readonly WordShapes _shapes;
    private readonly RoleJoiner _roles;

    private LexiconActorFinder(WordShapes shapes, IEnumerable<(string Code, string? Sector, string Form, bool IsPlace)> entries)
    {
        _shapes = shapes;
        _roles = new RoleJoiner(shapes);
        var lines = new List<string>();
        var owners = new List<(string Code, string? Sector, bool IsPlace)>();
        foreach (var (code, sector, form, isPlace) in entries)
        {
            lines.Add($"01\tn\t{form}");
            owners.Add((code, sector, isPlace));
        }

        // The actors' forms are indexed as a trigger lexicon is (stems, multi-word forms); each entry keeps its owner.
        _words = TriggerLexicon.Parse(lines, "actors", shapes, (entry, line) => _actors[entry] = owners[line]);
    }

    public static LexiconActorFinder Empty { get; } = new(WordShapes.For("en"), []);

    public bool IsEmpty => _actors.Count == 0;

    /// <summary>Whether the lexicon names places of its own (<c>places-LANG.txt</c>).</summary>
    public bool NamesPlaces { get; private init; }

    /// <summary>
    /// Reads <paramref name="path"/> and <paramref name="placesPath"/> (if present) and, for a non-Latin script, the
    /// gazetteer's names written in it.
    /// </summary>
    public static LexiconActorFinder Load(string? path, WordShapes shapes, IEnumerable<(string Code, string Form)> gazetteer, string? placesPath = null)
    {
        var entries = new List<(string, string?, string, bool)>();
        Read(path, entries, isPlace: false);
        Read(placesPath, entries, isPlace: true);
        foreach (var (code, form) in gazetteer) entries.Add((code, null, form.Replace(' ', '_'), false));
        return new LexiconActorFinder(shapes, entries) { NamesPlaces = entries.Exists(e => e.Item4) };
    }

    private static void Read(string? path, List<(string, string?, string, bool)> entries, bool isPlace)
    {
        if (path is not null && File.Exists(path))
        {
            var lineNumber = 0;
            foreach (var raw in File.ReadLines(path))
            {
                lineNumber++;
                var line = raw.TrimEnd('\r');
                if (line.Length == 0 || line[0] == '#') continue;
                var f = line.Split('\t');
                if (f.Length != 3 || (f[0].Length < 3 && f[0] != Nobody)) throw new InvalidDataException($"{path}:{lineNumber}: expected CODE<TAB>SECTOR<TAB>forms, got '{line}'.");
                foreach (var form in f[2].Split(' ', StringSplitOptions.RemoveEmptyEntries)) entries.Add((f[0], f[1] is "-" or "" ? null : f[1], form, isPlace));
            }
        }
    }

    /// <summary><paramref name="recognized"/> with this language's actors added where they do not overlap, roles joined to their country.</summary>
    public List<ActorMention> Merge(string text, List<Token> tokens, IReadOnlyList<ActorMention> recognized, CueWords cues)
    {
        var merged = new List<ActorMention>(recognized);
        if (IsEmpty) return merged;
        var placeLeaders = cues.Set("place-leaders");
        var r = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            while (r < recognized.Count && recognized[r].End <= tokens[i].Start) r++;
            if (r < recognized.Count && recognized[r].Start < tokens[i].End) continue;
            var (entry, length, matched) = Longest(tokens, i);
            if (entry is null) continue;
            var end = tokens[i + length - 1].End;
            var (code, sector, isPlace) = _actors[entry];
            if (code == Nobody)
            {
                // "وكالة الصحافة الفرنسية", the news agency that reports the event, is nobody in it.
                merged.RemoveAll(m => m.Start < end && m.End > tokens[i].Start);
                i += length - 1;
                continue;
            }

            if (r < recognized.Count && recognized[r].Start < end) continue;
            if (isPlace && (_shapes.HasClitics ? !AfterPlaceLeader(tokens, i, entry, placeLeaders) : !tokens[i].Capitalized || InLongerName(text, tokens, i, i + length, merged))) continue;
            var cameo = code.Length > 3 ? code : null;
            var mention = new ActorMention(tokens[i].Start, end, text[tokens[i].Start..end], cameo is null ? code : code[..3], sector, cameo, isPlace);
            merged.Add(length == 1 && sector is not null && code == CodedEvents.UnknownCode && IsPossessed(tokens[i], matched) ? Owned(text, mention, merged) : mention);
            i += length - 1;
        }

        merged.Sort((a, b) => a.Start.CompareTo(b.Start));
        return _roles.Join(text, merged, cues);
    }

    /// <summary>
    /// "واجانب", "والجيش": a word that names an actor only without the conjunction و attached, so that it is joined to the
    /// actor before it ("and foreigners"); "واشنطن", "وزير" are names and words of their own.
    /// </summary>
    public bool NamedAfterConjunction(string lower)
    {
        if (!_shapes.HasClitics) return false;
        var word = _shapes.Normalize(lower);
        if (word.Length < 4 || word[0] != 'و' || Names(word)) return false;
        foreach (var shape in _shapes.Candidates(word[1..]))
        {
            if (Names(shape)) return true;
        }

        return false;
    }

    private bool Names(string shape)
    {
        foreach (var entry in _words.StartingWith(shape))
        {
            if (TriggerLexicon.Matches(entry.Words[0], shape)) return true;
        }

        return false;
    }

    /// <summary>The code of a phrase that names nobody (a news agency): its words are no actor.</summary>
    private const string Nobody = "-";

    /// <summary>"جنوده", "قواتها", "جنودنا": a role word with a possessive pronoun suffix.</summary>
    private bool IsPossessed(Token token, string? matched)
    {
        if (!_shapes.HasClitics || matched is null) return false;
        var word = _shapes.Normalize(token.Lower);
        foreach (var suffix in WordShapes.PossessiveSuffixes)
        {
            if (word.EndsWith(matched + suffix, StringComparison.Ordinal)) return true;
        }

        return false;
    }

    /// <summary>
    /// A possessed role belongs to the nearest actor with a country named before it in the same sentence ("قال الجيش
    /// الأميركي إن جنوده …", the U.S. army said its soldiers …): USA/MIL. Places are where, not whose.
    /// </summary>
    private static ActorMention Owned(string text, ActorMention role, List<ActorMention> before)
    {
        for (var k = before.Count - 1; k >= 0; k--)
        {
            var owner = before[k];
            if (owner.Start >= role.Start) continue;
            if (role.Start - owner.End > 200 || text.AsSpan(owner.End, role.Start - owner.End).IndexOfAny(".!?؟") >= 0) break;
            if (owner.IsPlace || owner.Code == CodedEvents.UnknownCode) continue;
            return role with { Code = owner.Code, Cameo = owner.Cameo };
        }

        return role;
    }

    private (LexiconEntry? Entry, int Length, string? Matched) Longest(List<Token> tokens, int i)
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
                    matches = _shapes.Candidates(tokens[i + k].Lower).AnyMatches(form);
                }

                if (matches) return (entry, entry.Words.Length, candidate);
            }
        }

        return (null, 0, null);
    }

    /// <summary>
    /// Without capitals, a town's name reads as a place only where a place is expected: after "في", "مدينة", "شمال",
    /// or with the preposition ب attached ("بالموصل"). Many towns are also ordinary words ("بيان", a statement).
    /// </summary>
    private bool AfterPlaceLeader(List<Token> tokens, int i, LexiconEntry entry, HashSet<string> leaders)
    {
        var word = _shapes.Normalize(tokens[i].Lower);
        // ب joined to a short name is more often part of a word ("بلاد", the land, is not ب + "لاد").
        if ((word.StartsWith('ب') || word.StartsWith("وب", StringComparison.Ordinal)) && !entry.Words[0].StartsWith('ب') && entry.Words[0].Length >= 4) return true;
        return i > 0 && _shapes.Candidates(tokens[i - 1].Lower).AnyIn(leaders);
    }

    /// <summary>
    /// "el presidente Ernesto Pérez Balladares": a town's name joined by a space to a capitalised word before it (not
    /// the first of a sentence) or after it is part of a longer name, a person's or an organisation's — unless that word
    /// is itself an actor or a place ("Arboletes Antioquia", town and region). Headlines, all in capitals, are not read so.
    /// </summary>
    private bool InLongerName(string text, List<Token> tokens, int first, int end, List<ActorMention> merged)
    {
        if (first > 0 && IsNameWord(text, tokens[first - 1]) && Joined(text, tokens, first) && !OpensSentence(text, tokens[first - 1])
            && !merged.Exists(m => m.Start <= tokens[first - 1].Start && m.End >= tokens[first - 1].Start + tokens[first - 1].Length)) return true;
        return end < tokens.Count && IsNameWord(text, tokens[end]) && Joined(text, tokens, end)
            && Longest(tokens, end).Entry is null && !merged.Exists(m => m.Start == tokens[end].Start);
    }

    /// <summary>A capitalised word with lower-case letters after its first ("Ernesto", not "EL" nor "el").</summary>
    private static bool IsNameWord(string text, Token t)
    {
        if (!t.Capitalized || t.Length < 2) return false;
        foreach (var c in text.AsSpan(t.Start + 1, t.Length - 1))
        {
            if (char.IsLower(c)) return true;
        }

        return false;
    }

    /// <summary>Only a space between token <paramref name="k"/> and the one before it.</summary>
    private static bool Joined(string text, List<Token> tokens, int k) => tokens[k].Start - (tokens[k - 1].Start + tokens[k - 1].Length) == 1 && text[tokens[k].Start - 1] == ' ';

    /// <summary>Whether <paramref name="t"/> is the first word of its sentence (nothing or a full stop before it).</summary>
    private static bool OpensSentence(string text, Token t)
    {
        var before = text.AsSpan(0, t.Start).TrimEnd(" \"«“'(".AsSpan());
        return before.IsEmpty || before[^1] is '.' or '!' or '?' or ':' or '\n';
    }
}
