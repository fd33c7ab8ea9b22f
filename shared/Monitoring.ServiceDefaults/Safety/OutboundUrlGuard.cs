using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Monitoring.ServiceDefaults.Safety;

/// <summary>
/// Decides whether a URL may be fetched, and opens connections only to addresses it has checked. The check runs
/// before every request and every redirect hop (<see cref="GuardedRedirectHandler"/>); the connection itself is made
/// by <see cref="ConnectAsync"/> to an address resolved and checked at that moment, so a name that resolves to a
/// public address for the check and to a private one for the connection (DNS rebinding) still cannot reach inside.
/// Each guarded client has its own guard (its <see cref="OutboundSafetyOptions.AllowedUrls"/> differ); the unkeyed
/// one applies the shared rules only.
/// </summary>
public sealed class OutboundUrlGuard
{
    private readonly IHostResolver _resolver;
    private readonly OutboundSafetyOptions _options;
    private readonly HashSet<string> _allowedNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<IpNetwork> _allowedNetworks = [];
    private readonly List<Uri> _allowedUrls = [];

    public OutboundUrlGuard(IHostResolver resolver, IOptions<OutboundSafetyOptions> options) : this(resolver, options.Value)
    {
    }

    public OutboundUrlGuard(IHostResolver resolver, OutboundSafetyOptions options)
    {
        _resolver = resolver;
        _options = options;
        foreach (var entry in _options.AllowedHosts.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()))
        {
            if (IpNetwork.TryParse(entry, out var network)) _allowedNetworks.Add(network);
            else _allowedNames.Add(entry.TrimEnd('.'));
        }

        foreach (var entry in _options.AllowedUrls.Where(e => !string.IsNullOrWhiteSpace(e)))
        {
            _allowedUrls.Add(Uri.TryCreate(entry.Trim(), UriKind.Absolute, out var url) && IsHttp(url)
                ? url
                : throw new InvalidOperationException($"Safety AllowedUrls entry '{entry}' is not an absolute http(s) URL."));
        }
    }

    public OutboundSafetyOptions Options => _options;

    /// <summary>Throws <see cref="OutboundRequestRefusedException"/> unless <paramref name="uri"/> is http(s) and its host resolves only to allowed addresses.</summary>
    public async Task CheckAsync(Uri uri, CancellationToken cancellationToken)
    {
        if (RefusalWithoutLookup(uri) is { } reason)
        {
            SafetyMetrics.Refused.Add(1);
            throw new OutboundRequestRefusedException(uri, reason);
        }

        if (IsAllowedUrl(uri)) return;
        await ResolveAllowedAsync(uri, uri.IdnHost, cancellationToken);
    }

    /// <summary>
    /// Why <paramref name="uri"/> may not be called, as far as the URL alone tells (no DNS lookup, so saving a
    /// subscription never waits on the network), or null: scheme, credentials, names of this machine, literal
    /// addresses that are not public, and IP addresses spelled in any form but the plain one.
    /// </summary>
    public string? RefusalWithoutLookup(Uri uri)
    {
        if (!uri.IsAbsoluteUri || !IsHttp(uri))
        {
            return $"only http and https URLs may be fetched, not '{(uri.IsAbsoluteUri ? uri.Scheme : "relative")}'";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo)) return "URLs with credentials are not fetched";
        var host = uri.IdnHost.Trim('[', ']').TrimEnd('.');
        if (host.Length == 0) return "the URL has no host";

        if (IPAddress.TryParse(host, out var address))
        {
            if (!IsAllowed(address) && !IsAllowedUrl(uri)) return $"{host} resolves to {address}, which is not a public address";

            // Uri has already read 127.1, 2130706433 or 0x7f.0.0.1 as 127.0.0.1; what was written tells the spellings apart.
            // No one configures a real endpoint that way, so it is refused whatever the address, in every mode.
            if (SpelledHost(uri.OriginalString) is { } written && !IsPlainSpelling(written, address))
            {
                return $"'{written}' spells the address {address} in an unusual form; write it as {Plain(address)}";
            }

            return null;
        }

        if (IsLocalName(host) && !_options.AllowPrivateNetworks && !_allowedNames.Contains(host) && !IsAllowedUrl(uri))
        {
            return $"{host} is this machine";
        }

        return null;
    }

    /// <summary>The addresses of <paramref name="host"/>, all of them allowed; refuses when any is not (a mixed answer is an attack, not bad luck).</summary>
    public async Task<IPAddress[]> ResolveAllowedAsync(Uri uri, string host, CancellationToken cancellationToken)
    {
        host = host.Trim('[', ']').TrimEnd('.');
        if (host.Length == 0) throw new OutboundRequestRefusedException(uri, "the URL has no host");

        // IPAddress.TryParse also reads the shorthand, decimal, octal and hex forms (127.1, 2130706433, 0x7f.1) that
        // some resolvers and HTTP stacks accept, so a literal is judged as the address it really is.
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await ResolveAsync(uri, host, cancellationToken);
        if (_options.AllowPrivateNetworks || _allowedNames.Contains(host) || IsAllowedUrl(uri)) return addresses;

        foreach (var address in addresses)
        {
            if (!IsAllowed(address))
            {
                SafetyMetrics.Refused.Add(1);
                throw new OutboundRequestRefusedException(uri, $"{host} resolves to {address}, which is not a public address");
            }
        }

        return addresses;
    }

    public bool IsAllowed(IPAddress address) =>
        _options.AllowPrivateNetworks
        || IpAddressRanges.IsPublic(address)
        || _allowedNetworks.Any(network => network.Contains(address) || (address.IsIPv4MappedToIPv6 && network.Contains(address.MapToIPv4())));

    /// <summary>For <see cref="SocketsHttpHandler.ConnectCallback"/>: resolve, check, connect to a checked address and nothing else.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var uri = context.InitialRequestMessage.RequestUri ?? new Uri($"http://{endpoint.Host}:{endpoint.Port}/");
        var addresses = await ResolveAllowedAsync(uri, endpoint.Host, cancellationToken);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ConnectTimeout);
        SocketException? lastError = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), timeout.Token);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException exception)
            {
                socket.Dispose();
                lastError = exception;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw lastError ?? new SocketException((int)SocketError.HostNotFound);
    }

    /// <summary>One of this client's <see cref="OutboundSafetyOptions.AllowedUrls"/>: same scheme, host, port and path.</summary>
    private bool IsAllowedUrl(Uri uri) => _allowedUrls.Any(allowed =>
        Uri.Compare(allowed, uri, UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
        && string.Equals(allowed.AbsolutePath, uri.AbsolutePath, StringComparison.Ordinal));

    private static bool IsHttp(Uri uri) => uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;

    /// <summary>Names that mean this machine by definition (RFC 6761), whatever a resolver says.</summary>
    private static bool IsLocalName(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || host.Equals("localhost.localdomain", StringComparison.OrdinalIgnoreCase);

    /// <summary>The host as written in <paramref name="url"/> (between <c>//</c> and the path, without credentials or port).</summary>
    internal static string? SpelledHost(string url)
    {
        var start = url.IndexOf("//", StringComparison.Ordinal);
        if (start < 0) return null;
        start += 2;
        var end = url.IndexOfAny(['/', '\\', '?', '#'], start);
        var authority = end < 0 ? url[start..] : url[start..end];
        authority = authority[(authority.LastIndexOf('@') + 1)..];
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            return close < 0 ? authority : authority[..(close + 1)];
        }

        var colon = authority.LastIndexOf(':');
        return (colon < 0 ? authority : authority[..colon]).TrimEnd('.');
    }

    /// <summary>
    /// IPv4 as four plain decimal numbers; IPv6 in brackets, but not IPv6 spellings of an IPv4 address
    /// (<c>[::ffff:127.0.0.1]</c>, <c>[::127.0.0.1]</c>), which only serve to slip an IPv4 address past a check.
    /// </summary>
    private static bool IsPlainSpelling(string written, IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork) return written == address.ToString();
        if (address.IsIPv4MappedToIPv6) return false;
        var bytes = address.GetAddressBytes();
        var compatible = bytes.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0 && !IPAddress.IPv6Loopback.Equals(address) && !IPAddress.IPv6Any.Equals(address);
        return !compatible;
    }

    private static string Plain(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork) return address.ToString();
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4().ToString();
        var bytes = address.GetAddressBytes();
        return bytes.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0 ? new IPAddress(bytes.AsSpan(12, 4)).ToString() : $"[{address}]";
    }

    private async Task<IPAddress[]> ResolveAsync(Uri uri, string host, CancellationToken cancellationToken)
    {
        try
        {
            var addresses = await _resolver.ResolveAsync(host, cancellationToken);
            return addresses.Length > 0 ? addresses : throw new OutboundRequestRefusedException(uri, $"{host} has no address");
        }
        catch (SocketException exception)
        {
            throw new OutboundRequestRefusedException(uri, $"{host} does not resolve ({exception.SocketErrorCode})");
        }
    }
}
