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
/// </summary>
public sealed class OutboundUrlGuard
{
    private readonly IHostResolver _resolver;
    private readonly OutboundSafetyOptions _options;
    private readonly HashSet<string> _allowedNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<IpNetwork> _allowedNetworks = [];

    public OutboundUrlGuard(IHostResolver resolver, IOptions<OutboundSafetyOptions> options)
    {
        _resolver = resolver;
        _options = options.Value;
        foreach (var entry in _options.AllowedHosts.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()))
        {
            if (IpNetwork.TryParse(entry, out var network)) _allowedNetworks.Add(network);
            else _allowedNames.Add(entry.TrimEnd('.'));
        }
    }

    public OutboundSafetyOptions Options => _options;

    /// <summary>Throws <see cref="OutboundRequestRefusedException"/> unless <paramref name="uri"/> is http(s) and its host resolves only to allowed addresses.</summary>
    public async Task CheckAsync(Uri uri, CancellationToken cancellationToken)
    {
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            SafetyMetrics.Refused.Add(1);
            throw new OutboundRequestRefusedException(uri, $"only http and https URLs may be fetched, not '{(uri.IsAbsoluteUri ? uri.Scheme : "relative")}'");
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new OutboundRequestRefusedException(uri, "URLs with credentials are not fetched");
        }

        await ResolveAllowedAsync(uri, uri.IdnHost, cancellationToken);
    }

    /// <summary>The addresses of <paramref name="host"/>, all of them allowed; refuses when any is not (a mixed answer is an attack, not bad luck).</summary>
    public async Task<IPAddress[]> ResolveAllowedAsync(Uri uri, string host, CancellationToken cancellationToken)
    {
        host = host.Trim('[', ']').TrimEnd('.');
        if (host.Length == 0) throw new OutboundRequestRefusedException(uri, "the URL has no host");

        // IPAddress.TryParse also reads the shorthand, decimal, octal and hex forms (127.1, 2130706433, 0x7f.1) that
        // some resolvers and HTTP stacks accept, so a literal is judged as the address it really is.
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await ResolveAsync(uri, host, cancellationToken);
        if (_options.AllowPrivateNetworks || _allowedNames.Contains(host)) return addresses;

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
