namespace Monitoring.Classify.Taxonomy;

/// <summary>The taxonomy file as written: see <c>Data/taxonomy.yaml</c>. Lines are kept so that errors can name them.</summary>
public sealed class TaxonomyDefinition
{
    public int Version { get; set; }

    /// <summary>A term adds its weight at most this many times per article.</summary>
    public int MaxHitsPerTerm { get; set; } = 3;

    /// <summary>Default for topics: how many different terms must match (one term repeated is a passing mention).</summary>
    public int MinTerms { get; set; } = 1;

    public List<TopicDefinition> Topics { get; set; } = [];
}

public sealed class TopicDefinition
{
    public string Id { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public double Threshold { get; set; }

    /// <summary>Weighted terms and phrases; a negative weight counts against the topic.</summary>
    public Dictionary<string, double> Terms { get; set; } = [];

    /// <summary>Blocks of alternatives: each block must match at least once (within <see cref="Window"/> of a positive term, when set).</summary>
    public List<List<string>> Required { get; set; } = [];

    /// <summary>Any of these in the article vetoes the topic (within <see cref="Window"/> of a positive term, when set).</summary>
    public List<string> Excluded { get; set; } = [];

    /// <summary>Proximity in tokens between required/excluded matches and the topic's positive terms; null = anywhere.</summary>
    public int? Window { get; set; }

    /// <summary>Overrides <see cref="TaxonomyDefinition.MinTerms"/>.</summary>
    public int? MinTerms { get; set; }

    /// <summary>Line of the topic in its file (0 when built in code).</summary>
    public int Line { get; set; }

    /// <summary>Line of each key of the topic (threshold, window, ...) in the file.</summary>
    public Dictionary<string, int> KeyLines { get; set; } = [];

    /// <summary>Line of each term, required or excluded phrase in the file.</summary>
    public Dictionary<string, int> Lines { get; set; } = [];
}
