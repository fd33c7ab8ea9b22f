using Monitoring.Classify;
using Monitoring.Classify.Actors;
using Monitoring.Classify.Taxonomy;

namespace Monitoring.Classify.Tests.Support;

/// <summary>The shipped taxonomy and actor dictionaries, loaded once for all tests.</summary>
public static class Classifiers
{
    private static readonly Lazy<ActorRecognizer> ShippedActors = new(() => ActorRecognizer.Load(DataFile("countries.json"), DataFile("actors.json")));

    private static readonly Lazy<ArticleClassifier> Shipped = new(() => new ArticleClassifier(TopicTagger.Load(DataFile("taxonomy.yaml")), Actors));

    private static readonly Lazy<Monitoring.Classify.Places.PlaceRecognizer> ShippedPlaces = new(() => new(Monitoring.Classify.Places.PlaceGazetteer.Load(
        DataFile("places/places.tsv"), DataFile("places/country-names.tsv"), DataFile("places/not-places.txt"))));

    public static ArticleClassifier Default => Shipped.Value;

    /// <summary>The places stage on the shipped gazetteer.</summary>
    public static Monitoring.Classify.Places.PlaceRecognizer Places => ShippedPlaces.Value;

    public static ActorRecognizer Actors => ShippedActors.Value;

    public static string DataFile(string name) => RepositoryPaths.Combine("services", "Classify", "Monitoring.Classify", "Data", name);
}
