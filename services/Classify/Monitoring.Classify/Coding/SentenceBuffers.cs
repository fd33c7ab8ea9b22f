namespace Monitoring.Classify.Coding;

/// <summary>
/// The per-token arrays of a <see cref="Sentence"/>, reused from one sentence to the next of an article: the coder reads
/// one sentence at a time, and allocating them anew for every sentence was a third of all it allocated. Each array is
/// handed out cleared, at least as long as the sentence, and to one user per sentence (indexes past the sentence's
/// tokens are never read).
/// </summary>
internal sealed class SentenceBuffers
{
    [ThreadStatic]
    private static SentenceBuffers? _ofThread;

    public SentenceBuffers() => Cache = new SentenceCache(this);

    /// <summary>
    /// This thread's buffers, kept from one article to the next: <see cref="EventCoder"/> codes one article at a time on
    /// a thread (nothing it calls codes another), and allocating the arrays anew for every article was a tenth of what it
    /// allocated. They grow to the longest sentence the thread has read.
    /// </summary>
    public static SentenceBuffers OfThread() => _ofThread ??= new SentenceBuffers();

    /// <summary>The current sentence's caches over these arrays.</summary>
    public SentenceCache Cache { get; }

    private ShapeCandidates[] _shapes = [];
    private string?[] _firstShapes = [];
    private List<LexiconEntry>?[] _lexicon = [];
    private List<LexiconEntry>?[] _lexiconSecond = [];
    private int[] _inActor = [];
    private byte[] _punctuation = [];
    private bool[] _covered = [];
    private int[] _triggerStarts = [];
    private int[] _triggerEnds = [];
    private Trigger?[] _lastTriggerEnds = [];
    private int[] _patternProbes = [];
    private uint[] _classesKnown = [];
    private uint[] _classes = [];
    private int[] _firstOf = [];

    public ShapeCandidates[] Shapes(int count) => Cleared(ref _shapes, count);

    public string?[] FirstShapes(int count) => Cleared(ref _firstShapes, count);

    /// <summary>The lexicon entries of every token's first shape.</summary>
    public List<LexiconEntry>?[] Lexicon(int count) => Cleared(ref _lexicon, count);

    /// <summary>The lexicon entries of every token's second shape (an English singular, a word without its clitic).</summary>
    public List<LexiconEntry>?[] LexiconSecond(int count) => Cleared(ref _lexiconSecond, count);

    public int[] InActor(int count) => Cleared(ref _inActor, count);

    /// <summary>The punctuation before every token (<see cref="Sentence.CommaBefore"/>, <see cref="Sentence.StopBefore"/>).</summary>
    public byte[] Punctuation(int count) => Cleared(ref _punctuation, count);

    /// <summary>The tokens a trigger pass has taken (<see cref="TriggerFinder"/>), handed out again for each pass.</summary>
    public bool[] Covered(int count) => Cleared(ref _covered, count);

    /// <summary>How many triggers start at every token position (handed out again for each pass's triggers).</summary>
    public int[] TriggerStarts(int count) => Cleared(ref _triggerStarts, count);

    public int[] TriggerEnds(int count) => Cleared(ref _triggerEnds, count);

    public Trigger?[] LastTriggerEnds(int count) => Cleared(ref _lastTriggerEnds, count);

    public int[] PatternProbes(int count) => Cleared(ref _patternProbes, count);

    /// <summary>Which <see cref="WordClass"/>es of every token are looked up, and which it is in.</summary>
    public uint[] ClassesKnown(int count) => Cleared(ref _classesKnown, count);

    public uint[] Classes(int count) => Cleared(ref _classes, count);

    /// <summary>One slot per <see cref="WordClass"/> (<see cref="Sentence.AnyBefore"/>).</summary>
    public int[] FirstOf() => Cleared(ref _firstOf, 32);

    private readonly List<(int Start, int End)> _sentences = [];
    private readonly List<Trigger> _dictionaryVerbs = [];
    private readonly List<Trigger> _passTriggers = [];
    private readonly List<Slot> _slots = [];

    /// <summary>The article's sentences (<see cref="SentenceSplitter.Split(string, List{ValueTuple{int, int}})"/>), cleared.</summary>
    public List<(int Start, int End)> Sentences() => Cleared(_sentences);

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
}
