namespace Monitoring.Classify.Taxonomy;

/// <summary>The taxonomy file as written: see <c>Data/taxonomy.yaml</c>.</summary>
public sealed class TaxonomyDefinition
{
    public int Version { get; set; }
    public int MaxHitsPerTerm { get; set; } = 3;
    public List<TopicDefinition> Topics { get; set; } = [];
}

public sealed class TopicDefinition
{
    public string Id { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public double Threshold { get; set; }
    public Dictionary<string, double> Terms { get; set; } = [];
}
