namespace Monitoring.ServiceDefaults.Safety;

/// <summary>An outbound request the safety rules forbid (scheme, address, redirect count); nothing was sent.</summary>
public sealed class OutboundRequestRefusedException(Uri uri, string reason)
    : HttpRequestException($"Refused to fetch {uri}: {reason}")
{
    public Uri Uri { get; } = uri;
    public string Reason { get; } = reason;
}

/// <summary>A response larger than <see cref="OutboundSafetyOptions.MaxResponseBytes"/>; reading stopped at the limit.</summary>
public sealed class OutboundResponseTooLargeException(Uri? uri, long limit)
    : HttpRequestException($"The response from {uri} exceeds the limit of {limit} bytes.")
{
    public long Limit { get; } = limit;
}
