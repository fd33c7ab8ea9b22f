namespace Monitoring.Classify.Coding;

/// <summary>
/// One sentence as the coder's stages see it: its tokens, the actors named in it (<see cref="Slots"/>, and for every
/// token the slot it belongs to, <see cref="InActor"/>), the triggers found in it, and the punctuation between words.
/// </summary>
internal sealed partial class Sentence
{
    private static readonly List<Trigger> NoTriggers = [];
    private static readonly List<Slot> NoSlots = [];

    // The sentence's lazily computed per-token caches live with the reused buffers (a field each here was most of the
    // object, allocated for every sentence); cleared for every new sentence.
    private readonly SentenceCache _cache;
    private List<Trigger> _triggers = NoTriggers;

    public Sentence(string text, int start, int end, SentenceTokens tokens, CodingLanguage language, SentenceBuffers? buffers = null)
    {
        (Text, Language, _cache) = (text, language, (buffers ?? new SentenceBuffers()).Cache);
        Next(start, end, tokens, null);
    }

    /// <summary>
    /// The same object as the next sentence of the same text: the coder reads one sentence at a time, and a new object
    /// per sentence was a fifth of what it allocated. Everything known of the last sentence is forgotten.
    /// </summary>
    public Sentence Next(int start, int end, SentenceTokens tokens, List<ActorMention>? previousSources)
    {
        (Start, End, Tokens, PreviousSources) = (start, end, tokens, previousSources);
        (_triggers, Slots, InActor, DictionaryVerbs, HasEventNouns, IsHeadline) = (NoTriggers, NoSlots, [], null, false, false);
        _cache.Reset();
        return this;
    }

    /// <summary>The arrays and lists reused from one sentence to the next.</summary>
    public SentenceBuffers Buffers => _cache.Buffers;

    public string Text { get; }
    public int Start { get; private set; }
    public int End { get; private set; }
    public SentenceTokens Tokens { get; private set; }
    public CodingLanguage Language { get; }
    public CueWords Cues => Language.Cues;

    /// <summary>The sentence's own text, cut out of <see cref="Text"/> once for all its events.</summary>
    public string OwnText => _cache.OwnText ??= Text[Start..End];

    /// <summary>The actors named in the sentence, in order, as token ranges.</summary>
    public List<Slot> Slots { get; private set; } = NoSlots;

    /// <summary>For every token the index of the actor slot it belongs to, or -1.</summary>
    public int[] InActor { get; private set; } = [];

    /// <summary>The verbs and trigger words of the sentence, in order (never changed once set).</summary>
    public List<Trigger> Triggers
    {
        get => _triggers;
        set
        {
            _triggers = value;
            _cache.EndingAt = null;
        }
    }

    /// <summary>The sources (with a country) of the article's last sentence that gave events: what "it" and "they" stand for.</summary>
    public List<ActorMention>? PreviousSources { get; private set; }

    /// <summary>The CAMEO dictionary's verbs in the sentence as <see cref="TriggerFinder"/> first found them.</summary>
    public List<Trigger>? DictionaryVerbs { get; set; }

    /// <summary>Whether the trigger lexicon has a noun for some word of the sentence (else a noun pass finds nothing new).</summary>
    public bool HasEventNouns { get; set; }

    /// <summary>Whether most words are capitalised, as in a headline: then capitals do not mark names.</summary>
    public bool IsHeadline { get; private set; }

    public void SetSlots(List<Slot> slots)
    {
        Slots = slots;
        InActor = _cache.Buffers.InActor(Tokens.Count);
        Array.Fill(InActor, -1, 0, Tokens.Count);
        for (var s = 0; s < slots.Count; s++)
        {
            for (var i = slots[s].First; i < slots[s].End; i++) InActor[i] = s;
        }

        var capitalized = 0;
        for (var k = 0; k < Tokens.Count; k++) capitalized += Tokens[k].Capitalized ? 1 : 0;
        IsHeadline = capitalized * 10 >= Tokens.Count * 6;
    }

    /// <summary>The characters between two tokens: punctuation, spaces.</summary>
    public ReadOnlySpan<char> Gap(int left, int right) => Text.AsSpan(Tokens[left].End, Tokens[right].Start - Tokens[left].End);

    /// <summary>A comma between token <paramref name="k"/> and the one before it.</summary>
    public bool CommaBefore(int k) => k > 0 && (Punctuation()[k] & CommaMark) != 0;

    /// <summary>A ';' or ':' between token <paramref name="k"/> and the one before it.</summary>
    public bool StopBefore(int k) => k > 0 && (Punctuation()[k] & StopMark) != 0;

    /// <summary>One mark per token, all clear, for one trigger pass to note the tokens it has taken (valid until the next call).</summary>
    public bool[] CoveredMarks() => _cache.Buffers.Covered(Tokens.Count);

    /// <summary>Whether token <paramref name="k"/> (as the tokenizer lower-cased it) is in the cue set <paramref name="wordClass"/>, looked up once.</summary>
    public bool Is(int k, WordClass wordClass)
    {
        var bit = 1u << (int)wordClass;
        _cache.ClassesKnown ??= _cache.Buffers.ClassesKnown(Tokens.Count);
        _cache.Classes ??= _cache.Buffers.Classes(Tokens.Count);
        if ((_cache.ClassesKnown[k] & bit) == 0)
        {
            if (Language.WordClassBits is { } all)
            {
                // One probe gives every class of the word.
                _cache.ClassesKnown[k] = uint.MaxValue;
                _cache.Classes[k] = all.TryGetValue(Tokens[k].Lower, out var bits) ? bits : 0;
            }
            else
            {
                _cache.ClassesKnown[k] |= bit;
                if (WordClasses.Contains(Language, wordClass, Tokens[k].Lower)) _cache.Classes[k] |= bit;
            }
        }

        return (_cache.Classes[k] & bit) != 0;
    }

    /// <summary>
    /// Whether a token before <paramref name="end"/> is in <paramref name="wordClass"/>: the stages that walk back from
    /// every verb for such a word (<see cref="Mood"/>, <see cref="Background"/>) need not walk when there is none.
    /// </summary>
    public bool AnyBefore(WordClass wordClass, int end) => FirstOf(wordClass) < end;

    /// <summary>The first token in <paramref name="wordClass"/>, or the token count for none; looked for once. A walk back for such a word can stop there.</summary>
    public int FirstOf(WordClass wordClass)
    {
        // One past the first such token, or the token count plus one for none; 0 while not looked for.
        _cache.FirstOf ??= _cache.Buffers.FirstOf();
        ref var first = ref _cache.FirstOf[(int)wordClass];
        if (first == 0)
        {
            first = Tokens.Count + 1;
            for (var k = 0; k < Tokens.Count; k++)
            {
                if (Is(k, wordClass))
                {
                    first = k + 1;
                    break;
                }
            }
        }

        return first - 1;
    }

    /// <summary>The first trigger starting at or after token <paramref name="k"/>, or null.</summary>
    public Trigger? TriggerFrom(int k)
    {
        foreach (var t in Triggers)
        {
            if (t.First >= k) return t;
        }

        return null;
    }

    /// <summary>Whether a reporting verb starts at or after token <paramref name="from"/> and before <paramref name="to"/>.</summary>
    public bool HasSpeechBetween(int from, int to)
    {
        foreach (var t in Triggers)
        {
            if (t.Kind == TriggerKind.Speech && t.First >= from && t.First < to) return true;
        }

        return false;
    }

    // For every token, what stands in the gap before it: a comma, a ';' or ':'. Both read in one pass over the gaps.
    private const byte CommaMark = 1, StopMark = 2;

    private byte[] Punctuation() => _cache.Punctuation ??= MarkPunctuation(_cache.Buffers.Punctuation(Tokens.Count));

    private byte[] MarkPunctuation(byte[] marks)
    {
        for (var k = 1; k < Tokens.Count; k++)
        {
            byte mark = 0;
            foreach (var c in Gap(k - 1, k)) mark |= c == ',' ? CommaMark : c is ';' or ':' ? StopMark : (byte)0;
            marks[k] = mark;
        }

        return marks;
    }
}

/// <summary>An actor group's place in the sentence: tokens <see cref="First"/> to <see cref="End"/> (exclusive).</summary>
internal sealed record Slot(int First, int End, List<ActorMention> Mentions);
