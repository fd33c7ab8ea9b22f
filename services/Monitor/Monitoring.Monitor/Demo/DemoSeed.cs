using Monitoring.Alert.Subscriptions;

namespace Monitoring.Monitor.Demo;

/// <summary><c>seeds/demo-subscription.json</c>: a demo analyst with a known key and the subscriptions to create for them.</summary>
public sealed record DemoSeed(DemoAnalyst Analyst, IReadOnlyList<SubscriptionRequest> Subscriptions)
{
    public const string FileName = "demo-subscription.json";

    /// <summary>Stands for the host's own address in a webhook URL.</summary>
    public const string SelfPlaceholder = "{self}";
}

public sealed record DemoAnalyst(string Name, string ApiKey);
