using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Monitoring.Classify.Text;

namespace Monitoring.Classify.Coding;

/// <summary>The tokens of one sentence: a window on the article's tokens, not a copy (a value: one per sentence).</summary>
internal readonly struct SentenceTokens(List<Token> all, int first, int count)
{
    public int Count { get; } = count;

    /// <summary>By reference: the stages read one field of a token at a time, in every loop (so inlined, the throw kept out of line).</summary>
    public ref readonly Token this[int k]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if ((uint)k >= (uint)Count) OutOfRange(k);
            return ref CollectionsMarshal.AsSpan(all)[first + k];
        }
    }

    [DoesNotReturn]
    private static void OutOfRange(int k) => throw new ArgumentOutOfRangeException(nameof(k), k, null);
}
