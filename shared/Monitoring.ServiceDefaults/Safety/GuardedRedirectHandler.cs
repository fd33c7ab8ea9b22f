using System.Net;
using System.Net.Http.Headers;

namespace Monitoring.ServiceDefaults.Safety;

/// <summary>
/// Follows redirects itself (the primary handler's are off) so every hop's URL passes the guard before it is
/// requested, and drops credentials when a redirect leaves the original origin.
/// </summary>
public sealed class GuardedRedirectHandler(OutboundUrlGuard guard) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // HTTP/3 runs over QUIC, which does not go through ConnectCallback, so it would escape the address pinning.
        if (request.Version.Major >= 3)
        {
            request.Version = System.Net.HttpVersion.Version20;
            request.VersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
        }

        var current = request;
        for (var hop = 0; ; hop++)
        {
            var uri = current.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
            await guard.CheckAsync(uri, cancellationToken);
            var response = await base.SendAsync(current, cancellationToken);
            if (!IsRedirect(response.StatusCode) || response.Headers.Location is not { } location) return response;

            response.Dispose();
            if (hop >= guard.Options.MaxRedirects)
            {
                throw new OutboundRequestRefusedException(uri, $"more than {guard.Options.MaxRedirects} redirects");
            }

            var next = location.IsAbsoluteUri ? location : new Uri(uri, location);
            current = Redirected(current, next, response.StatusCode);
        }
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static HttpRequestMessage Redirected(HttpRequestMessage previous, Uri next, HttpStatusCode status)
    {
        var keepMethod = status is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect
            || previous.Method == HttpMethod.Get || previous.Method == HttpMethod.Head;
        var redirected = new HttpRequestMessage(keepMethod ? previous.Method : HttpMethod.Get, next)
        {
            Version = previous.Version,
            VersionPolicy = previous.VersionPolicy,
            Content = keepMethod ? previous.Content : null,
        };

        var sameOrigin = Uri.Compare(previous.RequestUri, next, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
        foreach (var header in previous.Headers)
        {
            if (!sameOrigin && (header.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || header.Key.Equals("Cookie", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            redirected.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        foreach (var option in previous.Options)
        {
            ((IDictionary<string, object?>)redirected.Options)[option.Key] = option.Value;
        }

        return redirected;
    }
}
