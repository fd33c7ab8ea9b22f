namespace Monitoring.Alert;

public sealed class AlertOptions
{
    public const string SectionName = "Alert";

    /// <summary>The key that authenticates as admin (creates analysts). Unset means no admin access over HTTP.</summary>
    public string? AdminApiKey { get; set; }

    /// <summary>Encrypts webhook signing secrets at rest (<see cref="Delivery.SigningSecrets"/>): at least 32 random characters. Required.</summary>
    public string? SecretKey { get; set; }

    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long one delivery attempt owns an alert before another may try it: longer than an attempt can take (every
    /// channel's timeout), short enough that an alert whose process died is taken over soon by <see cref="Delivery.DeliverySweeper"/>.
    /// </summary>
    public TimeSpan DeliveryLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the sweeper looks for pending alerts that no delivery holds.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// A pending alert never claimed for this long is announced again by the sweeper (its announcement was lost, or waits
    /// behind a backlog; the claim makes a second announcement harmless).
    /// </summary>
    public TimeSpan StalledAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the in-memory subscription index is rebuilt from the store (changes made here apply at once).</summary>
    public TimeSpan IndexRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often scheduled alerts (quiet hours, digests) are checked for being due.</summary>
    public TimeSpan SchedulerInterval { get; set; } = TimeSpan.FromSeconds(15);

    public int MaxSubscriptionsPerAnalyst { get; set; } = 200;

    /// <summary>Messages RabbitMQ pushes ahead to <c>match-subscriptions</c> (see <see cref="AlertExtensions.AddAlert"/>).</summary>
    public int MatchPrefetchCount { get; set; } = 16;

    /// <summary>Articles <c>match-subscriptions</c> matches at once (see <see cref="AlertExtensions.AddAlert"/>).</summary>
    public int MatchConcurrentMessageLimit { get; set; } = 8;

    /// <summary>How long classified articles are kept for the preview and the feedback export.</summary>
    public TimeSpan RecentArticlesRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How far back a preview looks: 7 days unless asked, never more than <see cref="PreviewMaxDays"/>.</summary>
    public int PreviewMaxDays { get; set; } = 30;

    /// <summary>At most this many of the most recent articles are read by one preview.</summary>
    public int PreviewMaxArticles { get; set; } = 5000;

    /// <summary>At most this many matches are returned by one preview (the count of all matches is still given).</summary>
    public int PreviewMaxMatches { get; set; } = 200;

    /// <summary>A preview stops scanning after this long and says it was truncated.</summary>
    public TimeSpan PreviewTimeout { get; set; } = TimeSpan.FromSeconds(3);

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Relation-shift detection (Shifts/ShiftDetector.cs): windows and thresholds.</summary>
    public Shifts.ShiftOptions Shifts { get; set; } = new();

    /// <summary>Breaking-story detection (Breaking/BreakingDetector.cs): ratio and minimum growth.</summary>
    public Breaking.BreakingOptions Breaking { get; set; } = new();

    /// <summary>Ingest and classify, when they run as services of their own: where the desk's story, event and feed pages are forwarded (Desk/UpstreamForwarding.cs).</summary>
    public Desk.UpstreamOptions Upstreams { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public bool UseTls { get; set; } = true;
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "monitoring@localhost";
}
