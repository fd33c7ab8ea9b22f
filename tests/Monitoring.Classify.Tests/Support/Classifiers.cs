using Monitoring.Classify;
using Monitoring.Classify.Actors;
using Monitoring.Classify.Taxonomy;

namespace Monitoring.Classify.Tests.Support;

/// <summary>The shipped taxonomy and actor dictionaries, loaded once for all tests.</summary>
public static class Classifiers
{
    private static readonly Lazy<ActorRecognizer> ShippedActors = new(() => ActorRecognizer.Load(DataFile("countries.json"), DataFile("actors.json")));

    private static readonly Lazy<ArticleClassifier> Shipped = new(() => new ArticleClassifier(TopicTagger.Load(DataFile("taxonomy.yaml")), Actors));

    public static ArticleClassifier Default => Shipped.Value;

    public static ActorRecognizer Actors => ShippedActors.Value;

    public static string DataFile(string name) => RepositoryPaths.Combine("services", "Classify", "Monitoring.Classify", "Data", name);
}
