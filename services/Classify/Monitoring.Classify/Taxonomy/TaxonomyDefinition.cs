namespace Monitoring.Classify.Taxonomy;

/// <summary>The taxonomy file as written: see <c>Data/taxonomy.yaml</c>. Lines are kept so that errors can name them.</summary>
public sealed class TaxonomyDefinition
{
    public int Version { get; set; }

    /// <summary>A term adds its weight at most this many times per article.</summary>
    public int MaxHitsPerTerm { get; set; } = 3;

    /// <summary>Default for topics: how many different terms must match (one term repeated is a passing mention).</summary>
    public int MinTerms { get; set; } = 1;

    /// <summary>A term found in the title counts this many times its weight: the title says what the article is about.</summary>
    public double TitleWeight { get; set; } = 1;

    /// <summary>Lower-case English words of terms also match their regular inflections (see <see cref="EnglishInflection"/>).</summary>
    public bool Inflect { get; set; }

    /// <summary>Default for topics: the share of the article's strongest topic score a topic needs (0 = none); see <see cref="TopicDefinition.MinShare"/>.</summary>
    public double MinShare { get; set; }

    public List<TopicDefinition> Topics { get; set; } = [];
}

public sealed class TopicDefinition
{
    public string Id { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;

    /// <summary>What the topic covers, in a sentence, for analysts choosing it in a subscription.</summary>
    public string Description { get; set; } = string.Empty;
    public double Threshold { get; set; }

    /// <summary>Weighted terms and phrases; a negative weight counts against the topic.</summary>
    public Dictionary<string, double> Terms { get; set; } = [];

    /// <summary>Blocks of alternatives: each block must match at least once (within <see cref="Window"/> of a positive term, when set).</summary>
    public List<List<string>> Required { get; set; } = [];

    /// <summary>Any of these in the article vetoes the topic (within <see cref="Window"/> of a positive term, when set).</summary>
    public List<string> Excluded { get; set; } = [];

    /// <summary>Proximity in tokens between required/excluded matches and the topic's positive terms; null = anywhere.</summary>
    public int? Window { get; set; }

    /// <summary>
    /// A secondary subject is not the article's subject: the topic needs at least this share of the score of the
    /// article's strongest topic (0.3 = a third). Overrides <see cref="TaxonomyDefinition.MinShare"/>.
    /// </summary>
    public double? MinShare { get; set; }

    /// <summary>
    /// For topics between states (tariffs, diplomacy): how many different parties - countries, international
    /// organisations, and the countries of the people named - the article must name. Null = no condition.
    /// </summary>
    public int? MinParties { get; set; }

    /// <summary>
    /// Topics that subsume this one when they score higher: police work in a terrorism story is counter-terrorism
    /// ("law-enforcement" yields to "counter-terrorism"), a hostage-taking by militants is terrorism.
    /// </summary>
    public List<string> YieldsTo { get; set; } = [];

    /// <summary>Overrides <see cref="TaxonomyDefinition.MinTerms"/>.</summary>
    public int? MinTerms { get; set; }

    /// <summary>Line of the topic in its file (0 when built in code).</summary>
    public int Line { get; set; }

    /// <summary>Line of each key of the topic (threshold, window, ...) in the file.</summary>
    public Dictionary<string, int> KeyLines { get; set; } = [];

    /// <summary>Line of each term, required or excluded phrase in the file.</summary>
    public Dictionary<string, int> Lines { get; set; } = [];
}
