using System.Net;
using System.Net.Sockets;

namespace Monitoring.ServiceDefaults.Safety;

/// <summary>Which addresses are on the public internet. Everything else (loopback, private, link-local, metadata…) is refused.</summary>
public static class IpAddressRanges
{
    private static readonly IpNetwork[] NonPublicV4 =
    [
        IpNetwork.Parse("0.0.0.0/8"),          // "this network", includes 0.0.0.0
        IpNetwork.Parse("10.0.0.0/8"),
        IpNetwork.Parse("100.64.0.0/10"),      // carrier-grade NAT
        IpNetwork.Parse("127.0.0.0/8"),
        IpNetwork.Parse("169.254.0.0/16"),     // link-local, cloud metadata 169.254.169.254
        IpNetwork.Parse("172.16.0.0/12"),
        IpNetwork.Parse("192.0.0.0/24"),
        IpNetwork.Parse("192.0.2.0/24"),
        IpNetwork.Parse("192.88.99.0/24"),
        IpNetwork.Parse("192.168.0.0/16"),
        IpNetwork.Parse("198.18.0.0/15"),
        IpNetwork.Parse("198.51.100.0/24"),
        IpNetwork.Parse("203.0.113.0/24"),
        IpNetwork.Parse("224.0.0.0/4"),        // multicast
        IpNetwork.Parse("240.0.0.0/4"),        // reserved, broadcast
    ];

    private static readonly IpNetwork[] NonPublicV6 =
    [
        IpNetwork.Parse("::/128"),
        IpNetwork.Parse("::1/128"),
        IpNetwork.Parse("100::/64"),           // discard
        IpNetwork.Parse("2001::/32"),          // Teredo: tunnels to arbitrary IPv4
        IpNetwork.Parse("2001:db8::/32"),      // documentation
        IpNetwork.Parse("fc00::/7"),           // unique local
        IpNetwork.Parse("fe80::/10"),          // link-local
        IpNetwork.Parse("fec0::/10"),          // site-local (deprecated)
        IpNetwork.Parse("ff00::/8"),           // multicast
    ];

    private static readonly IpNetwork Nat64 = IpNetwork.Parse("64:ff9b::/96");
    private static readonly IpNetwork SixToFour = IpNetwork.Parse("2002::/16");
    private static readonly IpNetwork Ipv4Compatible = IpNetwork.Parse("::/96");

    public static bool IsPublic(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return !NonPublicV4.Any(network => network.Contains(address));
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6) return false;

        // IPv4 hidden inside IPv6 is judged as the IPv4 address it reaches.
        if (address.IsIPv4MappedToIPv6) return IsPublic(address.MapToIPv4());
        var bytes = address.GetAddressBytes();
        if (Ipv4Compatible.Contains(address) || Nat64.Contains(address))
        {
            return IsPublic(new IPAddress(bytes.AsSpan(12, 4)));
        }

        if (SixToFour.Contains(address))
        {
            return IsPublic(new IPAddress(bytes.AsSpan(2, 4)));
        }

        return !NonPublicV6.Any(network => network.Contains(address));
    }
}

/// <summary>An IP network in CIDR notation; a bare address is a /32 or /128.</summary>
public readonly record struct IpNetwork(IPAddress Prefix, int PrefixLength)
{
    public static IpNetwork Parse(string value) =>
        TryParse(value, out var network) ? network : throw new FormatException($"'{value}' is not an IP address or CIDR range.");

    public static bool TryParse(string value, out IpNetwork network)
    {
        network = default;
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        var addressPart = slash < 0 ? value : value[..slash];
        if (!IPAddress.TryParse(addressPart.Trim('[', ']'), out var address)) return false;
        var maxLength = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var length = maxLength;
        if (slash >= 0 && (!int.TryParse(value[(slash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out length) || length > maxLength))
        {
            return false;
        }

        network = new IpNetwork(address, length);
        return true;
    }

    public bool Contains(IPAddress address)
    {
        if (address.AddressFamily != Prefix.AddressFamily) return false;
        var candidate = address.GetAddressBytes();
        var prefix = Prefix.GetAddressBytes();
        var bits = PrefixLength;
        for (var i = 0; i < prefix.Length && bits > 0; i++, bits -= 8)
        {
            var mask = bits >= 8 ? 0xFF : (byte)(0xFF << (8 - bits));
            if ((candidate[i] & mask) != (prefix[i] & mask)) return false;
        }

        return true;
    }
}
