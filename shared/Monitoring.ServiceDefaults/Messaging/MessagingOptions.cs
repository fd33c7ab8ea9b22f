namespace Monitoring.ServiceDefaults.Messaging;

public enum MessagingTransport
{
    /// <summary>A real broker: what the deployed services use.</summary>
    RabbitMq,

    /// <summary>MassTransit's in-process transport: only for the one-process host and fast tests.</summary>
    InMemory,
}

public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    public MessagingTransport Transport { get; set; } = MessagingTransport.RabbitMq;
    public RabbitMqOptions RabbitMq { get; set; } = new();

    /// <summary>Messages the broker pushes ahead to each receive endpoint.</summary>
    public int PrefetchCount { get; set; } = 16;

    /// <summary>Messages each receive endpoint handles at once.</summary>
    public int ConcurrentMessageLimit { get; set; } = 8;

    /// <summary>
    /// Per receive endpoint (by queue name, e.g. <c>classify-article</c>), prefetch and concurrency that win over the
    /// bus-wide values above and over a consumer definition's own choice: <c>Messaging:Endpoints:classify-article:ConcurrentMessageLimit</c>.
    /// </summary>
    public Dictionary<string, EndpointOptions> Endpoints { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public RetryOptions Retry { get; set; } = new();
}

public sealed class EndpointOptions
{
    public int? PrefetchCount { get; set; }
    public int? ConcurrentMessageLimit { get; set; }
}

public sealed class RabbitMqOptions
{
    public string? Host { get; set; }
    public ushort Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "/";
    public string? Username { get; set; }
    public string? Password { get; set; }
    public bool UseTls { get; set; }

    /// <summary>Quorum queues replicate across a cluster and survive a node loss; classic queues only for brokers that lack them.</summary>
    public bool QuorumQueues { get; set; } = true;

    /// <summary>
    /// Longest wait between two attempts to reconnect a receive endpoint to the broker (the waits grow from one second up
    /// to this). MassTransit's own ceiling is 30 s, which kept consumers idle for up to half a minute after the broker was back.
    /// </summary>
    public TimeSpan ReconnectInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>Exponential in-process retry before a message is moved to its endpoint's <c>_error</c> queue.</summary>
public sealed class RetryOptions
{
    public int Limit { get; set; } = 4;
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan IntervalDelta { get; set; } = TimeSpan.FromMilliseconds(500);
}
