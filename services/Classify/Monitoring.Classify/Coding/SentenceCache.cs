namespace Monitoring.Classify.Coding;

/// <summary>
/// What a <see cref="Sentence"/> has computed of its tokens so far — each array from <see cref="Buffers"/>, null until
/// first asked for. One instance per <see cref="SentenceBuffers"/>, reset for each sentence: the coder reads one
/// sentence at a time.
/// </summary>
internal sealed class SentenceCache(SentenceBuffers buffers)
{
    public SentenceBuffers Buffers { get; } = buffers;

    public string? OwnText;
    public byte[]? Punctuation;
    public ShapeCandidates[]? Shapes;
    public string?[]? FirstShapes;
    public List<LexiconEntry>?[]? Lexicon;
    public List<LexiconEntry>?[]? LexiconSecond;
    public int[]? PatternProbes;
    public PatternWords? PatternProbesOf;
    public uint[]? ClassesKnown;
    public uint[]? Classes;
    public int[]? FirstOf;

    // For every token position, how many triggers start and end there and the last trigger ending there: the clause
    // stages ask this for every word they walk over.
    public int[]? StartingAt;
    public int[]? EndingAt;
    public Trigger?[]? LastEndingAt;

    /// <summary>Nothing computed: a new sentence.</summary>
    public SentenceCache Reset()
    {
        (OwnText, Punctuation, Shapes, FirstShapes, Lexicon, LexiconSecond) = (null, null, null, null, null, null);
        (PatternProbes, PatternProbesOf, ClassesKnown, Classes, FirstOf) = (null, null, null, null, null);
        (StartingAt, EndingAt, LastEndingAt) = (null, null, null);
        return this;
    }
}
