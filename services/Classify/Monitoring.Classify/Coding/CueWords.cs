using System.Collections.Frozen;

namespace Monitoring.Classify.Coding;

/// <summary>
/// The cue words of one language (<c>Data/coding/cues-LANG.txt</c>): the small closed word classes the coder reads
/// clauses with — noun markers, auxiliaries, clause words, negations, intent, reporting verbs, places, conjunctions.
/// A set the file does not name is empty. Words are lower case; a multi-word entry is written with '_' and kept with
/// spaces ("as well as"). Map lines give each word a value ("military=2").
/// </summary>
public sealed class CueWords
{
    // What a set or map the file does not name reads as: shared, since stages ask for sets by name on every trigger. Never written to.
    private static readonly HashSet<string> NoWords = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, string> NoValues = new(StringComparer.Ordinal);

    // Frozen: stages look sets and maps up by name on every trigger they test.
    private readonly FrozenDictionary<string, HashSet<string>> _sets;
    private readonly FrozenDictionary<string, Dictionary<string, string>> _maps;

    // The same sets and maps by their interned names: a literal name is found without hashing its characters.
    private readonly ByReference<HashSet<string>> _setsByName;
    private readonly ByReference<Dictionary<string, string>> _mapsByName;

    private CueWords(Dictionary<string, HashSet<string>> sets, Dictionary<string, Dictionary<string, string>> maps, WordShapes? shapes)
    {
        _sets = sets.ToFrozenDictionary(StringComparer.Ordinal);
        _maps = maps.ToFrozenDictionary(StringComparer.Ordinal);
        _setsByName = new ByReference<HashSet<string>>(_sets);
        _mapsByName = new ByReference<Dictionary<string, string>>(_maps);
        NounMarkers = Set("noun-markers");
        BeForms = Set("be-forms");
        Auxiliaries = Set("auxiliaries");
        ClauseBoundaries = Set("clause-boundaries");
        Negations = Set("negations");
        NegatingVerbs = Set("negating-verbs");
        IntentModals = Set("intent-modals");
        IntentWords = Set("intent-words");
        IntentLemmas = Set("intent-lemmas");
        AspectLemmas = Set("aspect-lemmas");
        SpeechLemmas = Set("speech-lemmas");
        DenialLemmas = Set("denial-lemmas");
        LocationPrepositions = Set("location-prepositions");
        Conjunctions = Set("conjunctions");
        ObjectLeaders = Set("object-leaders");
        SubjectNouns = Set("subject-nouns");
        Pronouns = Set("pronouns");
        AidWords = Set("aid-words");
        ReciprocalRoots = Set("reciprocal-roots");
        MutualWords = Set("mutual-words");
        LightVerbs = Set("light-verbs");
        NounLeaders = Set("noun-leaders");
        SpeechWords = Set("speech-words");
        AgainstWords = Set("against-words");
        AgentPrepositions = Set("agent-prepositions");
        ObjectMarkers = Set("object-markers");
        RoleConnectors = Set("role-connectors");
        SubjectAfterVerb = Set("options").Contains("subject-after-verb");
        // Compared with a token's normalised shape (ActorSlots): "ambos países" as "ambos paises".
        BothSides = Set("both-sides").Select(p => p.Split(' ').Select(word => shapes?.Normalize(word) ?? word).ToArray()).ToArray();
        BothSidesFirstWords = BothSides.Select(p => p[0]).Distinct(StringComparer.Ordinal).ToArray();
        NotTriggerPhrases = ByFirstWord(Set("not-triggers"));
        CooperationDomains = Map("cooperation-domains");
        AidKinds = Map("aid-kinds");
    }

    public HashSet<string> NounMarkers { get; }
    public HashSet<string> BeForms { get; }
    public HashSet<string> Auxiliaries { get; }
    public HashSet<string> ClauseBoundaries { get; }
    public HashSet<string> Negations { get; }
    public HashSet<string> NegatingVerbs { get; }
    public HashSet<string> IntentModals { get; }
    public HashSet<string> IntentWords { get; }
    public HashSet<string> IntentLemmas { get; }
    public HashSet<string> AspectLemmas { get; }
    public HashSet<string> SpeechLemmas { get; }
    public HashSet<string> DenialLemmas { get; }
    public HashSet<string> LocationPrepositions { get; }
    public HashSet<string> Conjunctions { get; }
    public HashSet<string> ObjectLeaders { get; }
    public HashSet<string> SubjectNouns { get; }
    public HashSet<string> Pronouns { get; }
    public HashSet<string> AidWords { get; }
    public HashSet<string> ReciprocalRoots { get; }
    public HashSet<string> MutualWords { get; }
    public HashSet<string> LightVerbs { get; }
    public HashSet<string> NounLeaders { get; }

    /// <summary>Reporting words of a language without the verb dictionary ("dijo", "قال").</summary>
    public HashSet<string> SpeechWords { get; }

    /// <summary>"against": a noun trigger after it is what is protested ("against the visit"), no event of its own.</summary>
    public HashSet<string> AgainstWords { get; }

    /// <summary>"by" of the passive agent ("por", English "by").</summary>
    public HashSet<string> AgentPrepositions { get; }

    /// <summary>Words that mark what follows as the object, never the subject (Spanish personal "a").</summary>
    public HashSet<string> ObjectMarkers { get; }

    /// <summary>Words between a role and its country ("policía de Colombia", "ejército del Perú").</summary>
    public HashSet<string> RoleConnectors { get; }

    /// <summary>The subject may follow its verb (Arabic VSO, Spanish "murieron dos soldados").</summary>
    public bool SubjectAfterVerb { get; }
    public string[][] BothSides { get; }

    /// <summary>The <c>not-triggers</c> phrases (<see cref="NotTriggers"/>) by their first word, each as its words, in the set's order.</summary>
    public Dictionary<string, List<string[]>> NotTriggerPhrases { get; }

    /// <summary>The distinct first words of <see cref="BothSides"/>.</summary>
    public string[] BothSidesFirstWords { get; }
    public Dictionary<string, string> CooperationDomains { get; }
    public Dictionary<string, string> AidKinds { get; }

    /// <summary>A set by its name in the file; empty when the file has none.</summary>
    public HashSet<string> Set(string name) => _setsByName.Find(name) ?? (_sets.TryGetValue(name, out var set) ? set : NoWords);

    /// <summary>A map by its name in the file; empty when the file has none.</summary>
    public Dictionary<string, string> Map(string name) => _mapsByName.Find(name) ?? (_maps.TryGetValue(name, out var map) ? map : NoValues);

    private static Dictionary<string, List<string[]>> ByFirstWord(HashSet<string> phrases)
    {
        var byFirst = new Dictionary<string, List<string[]>>(phrases.Comparer);
        foreach (var phrase in phrases)
        {
            var space = phrase.IndexOf(' ');
            if (space <= 0) continue;
            if (!byFirst.TryGetValue(phrase[..space], out var list)) byFirst[phrase[..space]] = list = [];
            list.Add(phrase.Split(' '));
        }

        return byFirst;
    }

    public static CueWords Load(string path, WordShapes? shapes = null) => Parse(File.ReadLines(path), path, shapes);

    /// <summary>
    /// With the shapes of a language written with clitics (Arabic), a set also holds each word's normalised shape, the
    /// form the stages compare a token in ("على" as "علي", "قتلى" as "قتلي"), beside the word as written. A language
    /// written with accents (Spanish) compares its sets and maps without them (<see cref="WordShapes.Comparer"/>).
    /// </summary>
    public static CueWords Parse(IEnumerable<string> lines, string source, WordShapes? shapes = null)
    {
        var sets = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var maps = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var comparer = shapes?.Comparer ?? StringComparer.Ordinal;
        var lineNumber = 0;
        foreach (var raw in lines)
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#') continue;
            var fields = line.Split('\t');
            if (fields.Length != 2 || fields[0].Length == 0) throw new InvalidDataException($"{source}:{lineNumber}: expected NAME<TAB>words, got '{line}'.");
            var words = fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Replace('_', ' ')).ToList();
            if (words.Count > 0 && words.All(w => w.Contains('=')))
            {
                if (!maps.TryGetValue(fields[0], out var map)) maps[fields[0]] = map = new Dictionary<string, string>(comparer);
                foreach (var pair in words) map[pair[..pair.IndexOf('=')]] = pair[(pair.IndexOf('=') + 1)..];
            }
            else
            {
                if (!sets.TryGetValue(fields[0], out var set)) sets[fields[0]] = set = new HashSet<string>(comparer);
                set.UnionWith(words);
                if (shapes is { HasClitics: true }) set.UnionWith(words.Select(shapes.Normalize));
            }
        }

        return new CueWords(sets, maps, shapes);
    }
}
