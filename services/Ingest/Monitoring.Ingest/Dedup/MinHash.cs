using System.Runtime.InteropServices;
using System.Text;

namespace Monitoring.Ingest.Dedup;

/// <summary>
/// MinHash signatures over word shingles: the fraction of equal positions in two signatures estimates the Jaccard
/// similarity of the two texts' shingle sets. Copies of a story (syndicated, lightly rewritten, re-headlined) share
/// most shingles; different stories on one topic share a few stock phrases. Scripts written without spaces
/// (Chinese, Japanese, Thai) are shingled by character.
/// </summary>
public static class MinHash
{
    public const int Bands = 32;
    public const int RowsPerBand = 3;
    public const int Length = Bands * RowsPerBand;
    public const int ShingleSize = 2;

    private static readonly ulong[] Seeds = CreateSeeds();

    /// <summary>Null when the text has no words to compare.</summary>
    public static uint[]? Compute(string text)
    {
        var tokens = Tokenize(text);
        if (tokens.Count == 0) return null;

        var signature = new uint[Length];
        Array.Fill(signature, uint.MaxValue);
        var size = Math.Min(ShingleSize, tokens.Count);
        for (var start = 0; start + size <= tokens.Count; start++)
        {
            var shingle = Fnv1A(tokens, start, size);
            for (var i = 0; i < Length; i++)
            {
                var value = (uint)Mix(shingle ^ Seeds[i]);
                if (value < signature[i]) signature[i] = value;
            }
        }

        return signature;
    }

    public static double Similarity(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        var equal = 0;
        for (var i = 0; i < Length; i++)
        {
            if (a[i] == b[i]) equal++;
        }

        return (double)equal / Length;
    }

    /// <summary>The LSH bucket of one band: texts equal on all rows of any band become candidates.</summary>
    public static ulong BandKey(ReadOnlySpan<uint> signature, int band)
    {
        var hash = 0xcbf29ce484222325UL ^ (ulong)band;
        foreach (var value in signature.Slice(band * RowsPerBand, RowsPerBand))
        {
            hash = Mix(hash ^ value);
        }

        return hash;
    }

    public static byte[] ToBytes(uint[] signature) => MemoryMarshal.AsBytes(signature.AsSpan()).ToArray();

    public static uint[] FromBytes(byte[] bytes) => MemoryMarshal.Cast<byte, uint>(bytes).ToArray();

    /// <summary>
    /// The text's tokens, lower-cased, as ranges of one character buffer (a string per token, and one per letter on the
    /// way, were the largest share of what ingesting an article allocated); hashed exactly as the strings were.
    /// </summary>
    private sealed class Tokens
    {
        private char[] _chars;
        private int _length;
        private int _wordStart = -1;

        public Tokens(int capacity)
        {
            _chars = new char[Math.Max(16, capacity)];
            Ranges = new List<(int Start, int Length)>(capacity / 5 + 1);
        }

        public List<(int Start, int Length)> Ranges { get; }

        public int Count => Ranges.Count;

        public ReadOnlySpan<char> this[int index] => _chars.AsSpan(Ranges[index].Start, Ranges[index].Length);

        public void AppendToWord(Rune rune)
        {
            if (_wordStart < 0) _wordStart = _length;
            Append(rune);
        }

        public void AddAlone(Rune rune)
        {
            EndWord();
            var start = _length;
            Append(rune);
            Ranges.Add((start, _length - start));
        }

        public void EndWord()
        {
            if (_wordStart >= 0) Ranges.Add((_wordStart, _length - _wordStart));
            _wordStart = -1;
        }

        private void Append(Rune rune)
        {
            if (_length + 2 > _chars.Length) Array.Resize(ref _chars, _chars.Length * 2);
            _length += rune.EncodeToUtf16(_chars.AsSpan(_length));
        }
    }

    private static Tokens Tokenize(string text)
    {
        var tokens = new Tokens(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsUnspacedScript(rune)) tokens.AddAlone(rune);
            else if (Rune.IsLetterOrDigit(rune)) tokens.AppendToWord(Rune.ToLowerInvariant(rune));
            else if (rune.Value is not ('\'' or '’' or '-')) tokens.EndWord();
        }

        tokens.EndWord();
        return tokens;
    }

    private static bool IsUnspacedScript(Rune rune) => rune.Value is (>= 0x3040 and <= 0x30FF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF)
        or (>= 0xF900 and <= 0xFAFF) or (>= 0x0E00 and <= 0x0E7F) or (>= 0x20000 and <= 0x2FA1F);

    private static ulong Fnv1A(Tokens tokens, int start, int count)
    {
        var hash = 0xcbf29ce484222325UL;
        for (var t = start; t < start + count; t++)
        {
            foreach (var c in tokens[t])
            {
                hash = (hash ^ c) * 0x100000001b3UL;
            }

            hash = (hash ^ ' ') * 0x100000001b3UL;
        }

        return hash;
    }

    // SplitMix64 finaliser: cheap, and different seeds give independent-looking permutations.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
        return z ^ (z >> 31);
    }

    private static ulong[] CreateSeeds()
    {
        var seeds = new ulong[Length];
        var state = 0x9E3779B97F4A7C15UL;
        for (var i = 0; i < seeds.Length; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            seeds[i] = Mix(state);
        }

        return seeds;
    }
}
