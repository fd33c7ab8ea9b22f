using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Monitoring.Classify.Taxonomy;

/// <summary>
/// Reads a taxonomy file through YamlDotNet's node model, so that every error, syntactic or semantic, names its line:
/// <c>taxonomy.yaml:42: topic 'sanctions': unknown key 'treshold'</c>.
/// </summary>
public static class TaxonomyReader
{
    private static readonly HashSet<string> TopLevelKeys = ["version", "maxHitsPerTerm", "minTerms", "titleWeight", "inflect", "minShare", "topics"];
    private static readonly HashSet<string> TopicKeys = ["id", "name", "description", "threshold", "terms", "required", "excluded", "window", "minTerms", "minShare", "minParties", "yieldsTo"];

    public static TaxonomyDefinition Parse(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException exception)
        {
            throw new TaxonomyException(exception.InnerException?.Message ?? exception.Message, (int)exception.Start.Line);
        }

        if (stream.Documents.Count == 0) throw new TaxonomyException("the file is empty", 1);
        if (stream.Documents[0].RootNode is not YamlMappingNode root) throw new TaxonomyException("expected a mapping with version and topics", Line(stream.Documents[0].RootNode));

        var taxonomy = new TaxonomyDefinition();
        foreach (var (keyNode, value) in root.Children)
        {
            var key = Scalar(keyNode, "a key");
            switch (key)
            {
                case "version": taxonomy.Version = Int(value, "version"); break;
                case "maxHitsPerTerm": taxonomy.MaxHitsPerTerm = Int(value, "maxHitsPerTerm"); break;
                case "minTerms": taxonomy.MinTerms = Int(value, "minTerms"); break;
                case "titleWeight": taxonomy.TitleWeight = Number(value, "titleWeight"); break;
                case "minShare": taxonomy.MinShare = Number(value, "minShare"); break;
                case "inflect": taxonomy.Inflect = Bool(value, "inflect"); break;
                case "topics":
                    if (value is not YamlSequenceNode topics) throw new TaxonomyException("topics must be a list", Line(value));
                    taxonomy.Topics.AddRange(topics.Children.Select(ReadTopic));
                    break;
                default: throw new TaxonomyException($"unknown key '{key}' (expected one of {string.Join(", ", TopLevelKeys)})", Line(keyNode));
            }
        }

        return taxonomy;
    }

    private static TopicDefinition ReadTopic(YamlNode node)
    {
        if (node is not YamlMappingNode map) throw new TaxonomyException("a topic must be a mapping with id, threshold and terms", Line(node));
        var topic = new TopicDefinition { Line = Line(node) };
        foreach (var (keyNode, value) in map.Children)
        {
            var key = Scalar(keyNode, "a key");
            var where = topic.Id.Length > 0 ? $"topic '{topic.Id}': " : "";
            topic.KeyLines[key] = Line(keyNode);
            switch (key)
            {
                case "id": topic.Id = Scalar(value, "id"); break;
                case "name": topic.Name = Scalar(value, "name"); break;
                case "description": topic.Description = Scalar(value, "description"); break;
                case "minShare": topic.MinShare = Number(value, where + "minShare"); break;
                case "minParties": topic.MinParties = Int(value, where + "minParties"); break;
                case "yieldsTo":
                    if (value is not YamlSequenceNode yields) throw new TaxonomyException(where + "yieldsTo must be a list of topic ids", Line(value));
                    topic.YieldsTo.AddRange(yields.Children.Select(y => Scalar(y, where + "a topic id in yieldsTo")));
                    break;
                case "threshold": topic.Threshold = Number(value, where + "threshold"); break;
                case "window": topic.Window = Int(value, where + "window"); break;
                case "minTerms": topic.MinTerms = Int(value, where + "minTerms"); break;
                case "terms":
                    if (value is not YamlMappingNode terms) throw new TaxonomyException(where + "terms must be a mapping of term: weight", Line(value));
                    foreach (var (term, weight) in terms.Children)
                    {
                        var text = Scalar(term, where + "a term");
                        if (!topic.Terms.TryAdd(text, Number(weight, $"{where}term '{text}'"))) throw new TaxonomyException($"{where}term '{text}' is listed twice", Line(term));
                        topic.Lines[text] = Line(term);
                    }

                    break;
                case "required":
                    if (value is not YamlSequenceNode blocks) throw new TaxonomyException(where + "required must be a list of blocks (lists of alternatives)", Line(value));
                    foreach (var block in blocks.Children)
                    {
                        var alternatives = block is YamlSequenceNode list ? list.Children : [block];
                        topic.Required.Add(alternatives.Select(a => Remember(topic, Scalar(a, where + "a required phrase"), a)).ToList());
                    }

                    break;
                case "excluded":
                    if (value is not YamlSequenceNode excluded) throw new TaxonomyException(where + "excluded must be a list of phrases", Line(value));
                    topic.Excluded.AddRange(excluded.Children.Select(e => Remember(topic, Scalar(e, where + "an excluded phrase"), e)));
                    break;
                default: throw new TaxonomyException($"{where}unknown key '{key}' (expected one of {string.Join(", ", TopicKeys)})", Line(keyNode));
            }
        }

        return topic;
    }

    private static string Remember(TopicDefinition topic, string phrase, YamlNode node)
    {
        topic.Lines.TryAdd(phrase, Line(node));
        return phrase;
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private static string Scalar(YamlNode node, string what) =>
        node is YamlScalarNode { Value: { } value } ? value : throw new TaxonomyException($"{what} must be a plain value", Line(node));

    private static double Number(YamlNode node, string what) =>
        double.TryParse(Scalar(node, what), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new TaxonomyException($"{what}: '{Scalar(node, what)}' is not a number", Line(node));

    private static bool Bool(YamlNode node, string what) =>
        bool.TryParse(Scalar(node, what), out var value) ? value : throw new TaxonomyException($"{what}: '{Scalar(node, what)}' is not true or false", Line(node));

    private static int Int(YamlNode node, string what) =>
        int.TryParse(Scalar(node, what), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new TaxonomyException($"{what}: '{Scalar(node, what)}' is not a whole number", Line(node));
}
