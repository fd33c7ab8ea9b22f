using System.Collections.Concurrent;
using Monitoring.Alert.Matching.Language;

namespace Monitoring.Alert.Matching;

/// <summary>
/// A query flattened into one int array, for the index's hot loop: with 100 000 subscriptions the node trees no longer
/// fit in cache, and walking one costs a cache miss per node; one array costs one or two. Terms are interned key ids
/// tested against the article's id set; thresholds and phrases, rarer, keep their node.
/// The index copies every program into one array, so a candidate costs one cache miss rather than three.
/// Layout of a node at <c>i</c>: <c>[op, length, …]</c>, length counting the whole node, so AND/OR can skip children.
/// </summary>
public sealed class CompiledQuery
{
    private const int Key = 0;
    private const int Node = 1;
    private const int And = 2;
    private const int Or = 3;
    private const int Not = 4;

    private static readonly ConcurrentDictionary<string, int> KeyIds = new(StringComparer.Ordinal);
    private static int _lastKeyId;

    private readonly int[] _program;
    private readonly QueryNode[] _nodes;

    public CompiledQuery(QueryNode query)
    {
        var program = new List<int>();
        var nodes = new List<QueryNode>();
        Emit(query, program, nodes);
        _program = [.. program];
        _nodes = [.. nodes];
    }

    /// <summary>How many ulongs <see cref="MarkKeyIds"/> needs: one bit per key id interned so far.</summary>
    public static int KeyIdWords => (Volatile.Read(ref _lastKeyId) >> 6) + 1;

    /// <summary>
    /// Sets the bit of every article key that some subscription uses (keys no subscription names cannot matter) in
    /// <paramref name="bits"/>, cleared by the caller and <see cref="KeyIdWords"/> long: a bit test per term instead of a hash lookup.
    /// </summary>
    public static void MarkKeyIds(MatchableArticle article, ulong[] bits)
    {
        foreach (var key in article.Keys)
        {
            if (KeyIds.TryGetValue(key, out var id) && id >> 6 < bits.Length) bits[id >> 6] |= 1UL << (id & 63);
        }
    }

    /// <summary>The flattened program; position independent, so the index can copy it into one contiguous array.</summary>
    public ReadOnlySpan<int> Code => _program;

    /// <summary>Whether the bits from <see cref="MarkKeyIds"/> hold the key id.</summary>
    public static bool Has(ulong[] keyIds, int id) => id >> 6 < keyIds.Length && (keyIds[id >> 6] & (1UL << (id & 63))) != 0;

    /// <summary>Evaluates against the bits from <see cref="MarkKeyIds"/>; a key interned after they were set is absent, as from the article.</summary>
    public bool Matches(MatchableArticle article, ulong[] keyIds) => Evaluate(this, _program, 0, article, keyIds);

    /// <summary>
    /// Evaluates <paramref name="query"/> from a copy of its <see cref="Code"/> at <paramref name="at"/> in
    /// <paramref name="code"/>. Static, so the query object itself is only read for a threshold or phrase.
    /// </summary>
    public static bool Evaluate(CompiledQuery query, int[] code, int at, MatchableArticle article, ulong[] keyIds)
    {
        switch (code[at])
        {
            case Key:
                return Has(keyIds, code[at + 2]);
            case Node:
                return query._nodes[code[at + 2]].Matches(article);
            case Not:
                return !Evaluate(query, code, at + 2, article, keyIds);
            default:
                var isAnd = code[at] == And;
                var end = at + code[at + 1];
                for (var child = at + 2; child < end; child += code[child + 1])
                {
                    if (Evaluate(query, code, child, article, keyIds) != isAnd) return !isAnd;
                }

                return isAnd;
        }
    }

    private static void Emit(QueryNode node, List<int> program, List<QueryNode> nodes)
    {
        var start = program.Count;
        switch (node)
        {
            case TermNode { MinScore: 0 } term:
                program.AddRange([Key, 3, IdOf(term.Key)]);
                return;
            case AndNode or OrNode or NotNode:
                program.AddRange([node switch { AndNode => And, OrNode => Or, _ => Not }, 0]);
                var children = node switch { AndNode a => a.Children, OrNode o => o.Children, NotNode n => [n.Child], _ => [] };
                foreach (var child in children) Emit(child, program, nodes);
                program[start + 1] = program.Count - start;
                return;
            case PhraseNode { Words.Count: > 0 } phrase:
                // Every word present first, a bit test each: most phrases fail there, before any position lookup.
                program.AddRange([And, 0]);
                foreach (var word in phrase.Words.Distinct()) program.AddRange([Key, 3, IdOf(MatchableArticle.KeyOf(TermField.Word, word))]);
                if (phrase.Words.Count > 1)
                {
                    program.AddRange([Node, 3, nodes.Count]);
                    nodes.Add(node);
                }

                program[start + 1] = program.Count - start;
                return;
            default:
                program.AddRange([Node, 3, nodes.Count]);
                nodes.Add(node);
                return;
        }
    }

    /// <summary>The interned id of a key, as programs and <see cref="MarkKeyIds"/> use it.</summary>
    public static int IdOf(string key) => KeyIds.GetOrAdd(key, _ => Interlocked.Increment(ref _lastKeyId));
}
