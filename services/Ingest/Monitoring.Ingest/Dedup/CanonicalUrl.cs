namespace Monitoring.Ingest.Dedup;

/// <summary>
/// One spelling per article URL, so the same article reached through a tracking link or another capitalisation of
/// the host is recognised: lower-case scheme and host, no default port, no fragment, no campaign parameters.
/// </summary>
public static class CanonicalUrl
{
    private static readonly string[] TrackingPrefixes = ["utm_", "mc_", "fbclid", "gclid", "yclid", "msclkid", "ocid", "cmpid", "_ga", "ref_src"];

    public static string? Normalize(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) return null;

        var query = uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !TrackingPrefixes.Any(prefix => pair.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        var builder = new UriBuilder(uri)
        {
            Scheme = uri.Scheme.ToLowerInvariant(),
            Host = uri.IdnHost.ToLowerInvariant(),
            Port = uri.IsDefaultPort ? -1 : uri.Port,
            Fragment = string.Empty,
            Query = string.Join('&', query),
        };
        return builder.Uri.AbsoluteUri;
    }
}
