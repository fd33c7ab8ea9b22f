using System.Text.Json.Serialization;

namespace Monitoring.Alert.Subscriptions;

/// <summary>
/// What an analyst wants to hear about and how. An article matches when it satisfies <see cref="Query"/> (the
/// subscription language) and, as shorthand, has any of <see cref="Topics"/>, any of <see cref="Countries"/> and any
/// of <see cref="Keywords"/>; an empty list places no condition.
/// </summary>
public sealed record Subscription
{
    public required string SubscriptionId { get; init; }
    public required string AnalystId { get; init; }
    public required string Name { get; init; }
    public string? Query { get; init; }
    public required IReadOnlyList<string> Topics { get; init; }
    public required IReadOnlyList<string> Countries { get; init; }
    public required IReadOnlyList<string> Keywords { get; init; }

    /// <summary>Minimum score for every topic term that sets none itself (<c>topic:x&gt;=N</c> sets its own).</summary>
    public double? MinScore { get; init; }

    public IReadOnlyList<DeliveryChannel> Channels { get; init; } = [];
    public DeliverySchedule Schedule { get; init; } = DeliverySchedule.Immediate;
    public QuietHours? QuietHours { get; init; }

    /// <summary>Articles that also match this expression are urgent: delivered at once, even in quiet hours.</summary>
    public string? UrgentQuery { get; init; }

    /// <summary>Deliver again when a further article of an alerted story arrives (otherwise the alert is only updated).</summary>
    public bool NotifyOnUpdates { get; init; }

    /// <summary>Kept but not matched: a paused subscription raises no alerts until it is resumed.</summary>
    public bool Paused { get; init; }

    /// <summary>Signs webhook deliveries (HMAC-SHA256). Shown once, when the subscription is created.</summary>
    [JsonIgnore]
    public string? SigningSecret { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The first generic webhook: kept for clients written against the first API.</summary>
    public string? WebhookUrl => Channels.FirstOrDefault(c => c.Type == ChannelType.Webhook)?.Target;
}

[JsonConverter(typeof(JsonStringEnumConverter<ChannelType>))]
public enum ChannelType
{
    /// <summary>Our JSON payload, signed.</summary>
    Webhook,

    /// <summary>A Slack incoming webhook (<c>{"text": …, "blocks": …}</c>).</summary>
    Slack,

    /// <summary>A Microsoft Teams incoming webhook (a MessageCard).</summary>
    Teams,

    /// <summary>An e-mail address, sent through the configured SMTP server.</summary>
    Email,
}

/// <summary>
/// Where alerts go. With <see cref="MinOutlets"/> the channel is gated by corroboration: it receives no story alert,
/// only the subscription's event alert once that many independent outlets report the event ("only when corroborated",
/// <c>Delivery/ChannelGate.cs</c>). Written only when set, so an ungated channel is stored and shown as before.
/// </summary>
public sealed record DeliveryChannel(
    ChannelType Type,
    string Target,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? MinOutlets = null);

[JsonConverter(typeof(JsonStringEnumConverter<ScheduleKind>))]
public enum ScheduleKind
{
    Immediate,
    Hourly,
    Daily,
}

/// <summary>When alerts go out: at once, or gathered in an hourly digest or a daily one at <see cref="At"/> local time in <see cref="TimeZone"/>.</summary>
public sealed record DeliverySchedule(ScheduleKind Kind, TimeOnly? At = null, string? TimeZone = null)
{
    public static readonly DeliverySchedule Immediate = new(ScheduleKind.Immediate);
}

/// <summary>A daily window, local time in <see cref="TimeZone"/>, in which only urgent alerts are delivered; the rest wait for its end. May span midnight.</summary>
public sealed record QuietHours(TimeOnly From, TimeOnly To, string TimeZone);
