namespace Monitoring.Classify.Coding;

/// <summary>
/// The per-token arrays of a <see cref="Sentence"/>, reused from one sentence to the next of an article: the coder reads
/// one sentence at a time, and allocating them anew for every sentence was a third of all it allocated. Each array is
/// handed out cleared, at least as long as the sentence, and to one user per sentence (indexes past the sentence's
/// tokens are never read).
/// </summary>
internal sealed class SentenceBuffers
{
    // The arrays of numbers and marks, and the list of sentences, are kept per thread from one article to the next
    // (EventCoder codes one article at a time on a thread; nothing it calls codes another): allocating them for every
    // article was a tenth of what it allocated. The arrays that hold references stay per article: kept in an old
    // generation, they would make every young object they point to a cost of each collection.
    [ThreadStatic]
    private static Values? _ofThread;

    private readonly Values _values = _ofThread ??= new Values();

    public SentenceBuffers() => Cache = new SentenceCache(this);

    /// <summary>The current sentence's caches over these arrays.</summary>
    public SentenceCache Cache { get; }

    private ShapeCandidates[] _shapes = [];
    private string?[] _firstShapes = [];
    private List<LexiconEntry>?[] _lexicon = [];
    private List<LexiconEntry>?[] _lexiconSecond = [];
    private Trigger?[] _lastTriggerEnds = [];

    public ShapeCandidates[] Shapes(int count) => Cleared(ref _shapes, count);

    public string?[] FirstShapes(int count) => Cleared(ref _firstShapes, count);

    /// <summary>The lexicon entries of every token's first shape.</summary>
    public List<LexiconEntry>?[] Lexicon(int count) => Cleared(ref _lexicon, count);

    /// <summary>The lexicon entries of every token's second shape (an English singular, a word without its clitic).</summary>
    public List<LexiconEntry>?[] LexiconSecond(int count) => Cleared(ref _lexiconSecond, count);

    public int[] InActor(int count) => Cleared(ref _values.InActor, count);

    /// <summary>The punctuation before every token (<see cref="Sentence.CommaBefore"/>, <see cref="Sentence.StopBefore"/>).</summary>
    public byte[] Punctuation(int count) => Cleared(ref _values.Punctuation, count);

    /// <summary>The tokens a trigger pass has taken (<see cref="TriggerFinder"/>), handed out again for each pass.</summary>
    public bool[] Covered(int count) => Cleared(ref _values.Covered, count);

    /// <summary>How many triggers start at every token position (handed out again for each pass's triggers).</summary>
    public int[] TriggerStarts(int count) => Cleared(ref _values.TriggerStarts, count);

    public int[] TriggerEnds(int count) => Cleared(ref _values.TriggerEnds, count);

    public Trigger?[] LastTriggerEnds(int count) => Cleared(ref _lastTriggerEnds, count);

    public int[] PatternProbes(int count) => Cleared(ref _values.PatternProbes, count);

    /// <summary>Which <see cref="WordClass"/>es of every token are looked up, and which it is in.</summary>
    public uint[] ClassesKnown(int count) => Cleared(ref _values.ClassesKnown, count);

    public uint[] Classes(int count) => Cleared(ref _values.Classes, count);

    /// <summary>One slot per <see cref="WordClass"/> (<see cref="Sentence.AnyBefore"/>).</summary>
    public int[] FirstOf() => Cleared(ref _values.FirstOf, 32);

    private readonly List<Trigger> _dictionaryVerbs = [];
    private readonly List<Trigger> _passTriggers = [];
    private readonly List<Slot> _slots = [];

    /// <summary>The article's sentences (<see cref="SentenceSplitter.Split(string, List{ValueTuple{int, int}})"/>), cleared.</summary>
    public List<(int Start, int End)> Sentences() => Cleared(_values.Sentences);

    /// <summary>The sentence's dictionary verbs as first found (<see cref="Sentence.DictionaryVerbs"/>), cleared.</summary>
    public List<Trigger> DictionaryVerbs() => Cleared(_dictionaryVerbs);

    /// <summary>One trigger pass's triggers, cleared: a new pass replaces the last one's (<see cref="Sentence.Triggers"/>).</summary>
    public List<Trigger> PassTriggers() => Cleared(_passTriggers);

    /// <summary>The sentence's actor slots (<see cref="Sentence.Slots"/>), cleared.</summary>
    public List<Slot> Slots() => Cleared(_slots);

    private static List<T> Cleared<T>(List<T> list)
    {
        list.Clear();
        return list;
    }

    private static T[] Cleared<T>(ref T[] array, int count)
    {
        if (array.Length < count) array = new T[Math.Max(count, array.Length * 2)];
        else array.AsSpan(0, count).Clear();
        return array;
    }

    private sealed class Values
    {
        public int[] InActor = [];
        public byte[] Punctuation = [];
        public bool[] Covered = [];
        public int[] TriggerStarts = [];
        public int[] TriggerEnds = [];
        public int[] PatternProbes = [];
        public uint[] ClassesKnown = [];
        public uint[] Classes = [];
        public int[] FirstOf = [];
        public readonly List<(int Start, int End)> Sentences = [];
    }
}
