using Monitoring.Alert.Subscriptions;
using Monitoring.Monitor;

namespace Monitoring.Monitor.Tests.Commands;

public sealed class VocabularyCommandTests
{
    [Fact]
    public void The_alert_service_s_vocabulary_is_what_the_classify_data_produces()
    {
        var shipped = File.ReadAllText(RepositoryPaths.Combine("services", "Alert", "Monitoring.Alert", "Data", "vocabulary.json")).Trim();

        var built = VocabularyCommand.Build();

        Assert.True(shipped == built.ToJson().Trim(),
            "services/Alert/Monitoring.Alert/Data/vocabulary.json is stale: run `dotnet run --project services/Monitor/Monitoring.Monitor -- vocabulary > services/Alert/Monitoring.Alert/Data/vocabulary.json`.");
        Assert.Contains(built.Topics, t => t.Id == "crime-justice" && t.Description is { Length: > 0 });
        Assert.Contains(SubscriptionVocabulary.LoadShipped().Countries, c => c.Id == "IRN");
    }
}
