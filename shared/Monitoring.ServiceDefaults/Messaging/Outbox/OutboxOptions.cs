namespace Monitoring.ServiceDefaults.Messaging.Outbox;

/// <summary><c>Messaging:Outbox</c>: how announcements written with the store's changes are published.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Messaging:Outbox";

    /// <summary>
    /// The longest a publish may wait for the broker's confirmation. Past it the message stays in the outbox for the
    /// dispatcher, and the caller goes on: an HTTP post answers instead of hanging for the client's own timeout.
    /// </summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the dispatcher looks for messages that were not published at once (broker away, process killed).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A message younger than this is still being published by the request that wrote it: the dispatcher leaves it alone.</summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromSeconds(10);

    public int BatchSize { get; set; } = 200;
}
