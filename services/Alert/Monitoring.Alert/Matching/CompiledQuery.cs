using System.Collections.Concurrent;
using Monitoring.Alert.Matching.Language;

namespace Monitoring.Alert.Matching;

/// <summary>
/// A query flattened into one int array, for the index's hot loop: with 100 000 subscriptions the node trees no longer
/// fit in cache, and walking one costs a cache miss per node; one array costs one or two. Terms are interned key ids
/// tested against the article's id set; thresholds and phrases, rarer, keep their node.
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

    /// <summary>The ids of the article's keys that some subscription uses (keys no subscription names cannot matter).</summary>
    public static HashSet<int> KeyIdsOf(MatchableArticle article)
    {
        var ids = new HashSet<int>(article.Keys.Count);
        foreach (var key in article.Keys)
        {
            if (KeyIds.TryGetValue(key, out var id)) ids.Add(id);
        }

        return ids;
    }

    public bool Matches(MatchableArticle article, HashSet<int> keyIds) => Evaluate(0, article, keyIds);

    private bool Evaluate(int at, MatchableArticle article, HashSet<int> keyIds)
    {
        var program = _program;
        switch (program[at])
        {
            case Key:
                return keyIds.Contains(program[at + 2]);
            case Node:
                return _nodes[program[at + 2]].Matches(article);
            case Not:
                return !Evaluate(at + 2, article, keyIds);
            default:
                var isAnd = program[at] == And;
                var end = at + program[at + 1];
                for (var child = at + 2; child < end; child += program[child + 1])
                {
                    if (Evaluate(child, article, keyIds) != isAnd) return !isAnd;
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
                program.AddRange([Key, 3, KeyIds.GetOrAdd(term.Key, _ => Interlocked.Increment(ref _lastKeyId))]);
                return;
            case AndNode or OrNode or NotNode:
                program.AddRange([node switch { AndNode => And, OrNode => Or, _ => Not }, 0]);
                var children = node switch { AndNode a => a.Children, OrNode o => o.Children, NotNode n => [n.Child], _ => [] };
                foreach (var child in children) Emit(child, program, nodes);
                program[start + 1] = program.Count - start;
                return;
            default:
                program.AddRange([Node, 3, nodes.Count]);
                nodes.Add(node);
                return;
        }
    }
}
