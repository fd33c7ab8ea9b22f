namespace Monitoring.Classify.Coding;

/// <summary>
/// A Bloom filter over a lexicon's words. Most words of a text are in no lexicon, and a small bit table that stays in
/// the processor's cache says so more cheaply than a probe of a dictionary of thousands of words. It never says no to a
/// word it holds: a "maybe" is then looked up.
/// </summary>
internal sealed class WordFilter
{
    private const int BitCount = 1 << 17;
    private const int Mask = BitCount - 1;

    private readonly ulong[] _bits = new ulong[BitCount / 64];

    public WordFilter(IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            var (a, b) = Positions(word);
            _bits[a >> 6] |= 1UL << (a & 63);
            _bits[b >> 6] |= 1UL << (b & 63);
        }
    }

    public bool MayContain(ReadOnlySpan<char> word)
    {
        var (a, b) = Positions(word);
        return (_bits[a >> 6] & (1UL << (a & 63))) != 0 && (_bits[b >> 6] & (1UL << (b & 63))) != 0;
    }

    private static (int, int) Positions(ReadOnlySpan<char> word)
    {
        // FNV-1a, and a second position from a multiplicative remix of it.
        var hash = 2166136261u;
        foreach (var c in word) hash = (hash ^ c) * 16777619u;
        return ((int)(hash & Mask), (int)((hash * 2654435761u) >> (32 - 17)));
    }
}
