namespace Monitoring.ServiceDefaults.Access;

/// <summary>
/// Who may call the ingest and classify APIs (<c>X-Api-Key</c>) and how often. Write keys post articles (and read);
/// read keys only read. Where the alert service runs in the same process (<c>monitor run</c>), analysts' keys read too.
/// </summary>
public sealed class AccessOptions
{
    public const string SectionName = "Access";

    public List<string> WriteKeys { get; set; } = [];

    public List<string> ReadKeys { get; set; } = [];

    /// <summary>Requests per key (or per client address without one) per <see cref="RateLimitWindow"/> on the reading and analyst APIs; 429 with Retry-After beyond.</summary>
    public int RateLimitPermits { get; set; } = 120;

    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);
}
