using Monitoring.Classify;
using Monitoring.Classify.Gazetteer;
using Monitoring.Classify.Taxonomy;

namespace Monitoring.Tests.Support;

/// <summary>The shipped taxonomy and gazetteer, loaded once for all tests.</summary>
public static class Classifiers
{
    private static readonly Lazy<ArticleClassifier> Shipped = new(() => new ArticleClassifier(
        TopicTagger.Load(DataFile("taxonomy.yaml")),
        CountryGazetteer.Load(DataFile("countries.json"))));

    public static ArticleClassifier Default => Shipped.Value;

    public static string DataFile(string name) => RepositoryPaths.Combine("services", "Classify", "Monitoring.Classify", "Data", name);
}
