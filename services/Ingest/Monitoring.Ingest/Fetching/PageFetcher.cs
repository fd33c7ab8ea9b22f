using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Monitoring.ServiceDefaults.Safety;

namespace Monitoring.Ingest.Fetching;

public sealed record FetchedPage(Uri FinalUri, HttpStatusCode Status, string? MediaType, string? Charset, byte[] Body, string? ETag, DateTimeOffset? LastModified)
{
    public bool NotModified => Status == HttpStatusCode.NotModified;

    public string DecodeText() => TextDecoding.Decode(Body, Charset);
}

/// <summary>A page or feed the remote server answered with an error status.</summary>
public sealed class UpstreamStatusException(Uri uri, HttpStatusCode status, TimeSpan? retryAfter)
    : HttpRequestException($"{uri} answered {(int)status} {status}.", null, status)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>Every download ingest makes goes through here: the guarded client, the size and time limits, conditional GET.</summary>
public sealed class PageFetcher(IHttpClientFactory clients, IOptions<OutboundSafetyOptions> safety)
{
    public const string ClientName = "ingest-fetch";

    /// <summary>
    /// The client's timeout stops at the response headers; this one also covers the body, so a server that answers
    /// at once and then trickles bytes cannot hold a poll forever.
    /// </summary>
    public async Task<FetchedPage> FetchAsync(Uri uri, long maxBytes, string accept, string? etag = null, DateTimeOffset? lastModified = null, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(safety.Value.Timeout);
        try
        {
            return await FetchWithinAsync(uri, maxBytes, accept, etag, lastModified, timeout.Token);
        }
        catch (OperationCanceledException exception) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested && exception is not TaskCanceledException { InnerException: TimeoutException })
        {
            throw new TaskCanceledException($"{uri} did not answer within {safety.Value.Timeout}.", new TimeoutException());
        }
    }

    private async Task<FetchedPage> FetchWithinAsync(Uri uri, long maxBytes, string accept, string? etag, DateTimeOffset? lastModified, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.ParseAdd(accept);
        if (etag is not null && EntityTagHeaderValue.TryParse(etag, out var tag)) request.Headers.IfNoneMatch.Add(tag);
        if (lastModified is not null) request.Headers.IfModifiedSince = lastModified;

        var client = clients.CreateClient(ClientName);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var finalUri = response.RequestMessage?.RequestUri ?? uri;
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return new FetchedPage(finalUri, response.StatusCode, null, null, [], etag, lastModified);
        }

        if (!response.IsSuccessStatusCode)
        {
            var retryAfter = response.Headers.RetryAfter is { } header
                ? header.Delta ?? (header.Date is { } date ? date - DateTimeOffset.UtcNow : null)
                : null;
            throw new UpstreamStatusException(finalUri, response.StatusCode, retryAfter);
        }

        var body = await response.ReadLimitedAsync(maxBytes, cancellationToken);
        return new FetchedPage(
            finalUri,
            response.StatusCode,
            response.Content.Headers.ContentType?.MediaType,
            response.Content.Headers.ContentType?.CharSet,
            body,
            response.Headers.ETag?.ToString(),
            response.Content.Headers.LastModified);
    }
}
