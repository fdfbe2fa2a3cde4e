using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Vigil.Correlation.Observables;

/// <summary>
/// Canonical IP addresses: IPv4 as strict dotted decimal (no octal, hex or short forms), IPv6 in RFC 5952 form (lowercase,
/// longest zero run compressed). An IPv4-mapped IPv6 address (<c>::ffff:1.2.3.4</c>) becomes the IPv4 address. CIDR blocks
/// keep their prefix with host bits cleared; a full-length prefix (/32, /128) is dropped.
/// </summary>
public static class IpNormalizer
{
    public static ObservableKey Normalize(string input) =>
        TryNormalize(input, out var key, out var error) ? key : throw new ObservableFormatException(ObservableKind.Ipv4, input, error);

    public static bool TryNormalize(string input, out ObservableKey key, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(input);
        key = default;
        var text = input.AsSpan().Trim();
        if (text.StartsWith('[') && text.EndsWith(']'))
        {
            text = text[1..^1];
        }

        var prefix = -1;
        var slash = text.IndexOf('/');
        if (slash >= 0)
        {
            if (!int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out prefix))
            {
                error = "the CIDR prefix length is not a number";
                return false;
            }

            text = text[..slash];
        }

        IPAddress? address;
        if (text.Contains(':'))
        {
            if (!IPAddress.TryParse(text, out address) || address.AddressFamily != AddressFamily.InterNetworkV6)
            {
                error = "not an IPv6 address";
                return false;
            }

            if (address.IsIPv4MappedToIPv6)
            {
                address = address.MapToIPv4();
                prefix = prefix < 0 ? -1 : prefix - 96;
            }
        }
        else if (!TryParseDottedQuad(text, out address))
        {
            error = "not an IPv4 address in dotted decimal form (a.b.c.d, each 0-255)";
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            address.ScopeId = 0;
        }

        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (prefix > bits || (slash >= 0 && prefix < 0))
        {
            error = $"the CIDR prefix length must be 0-{bits}";
            return false;
        }

        var kind = bits == 32 ? ObservableKind.Ipv4 : ObservableKind.Ipv6;
        var value = prefix < 0 || prefix == bits
            ? address.ToString()
            : string.Concat(Mask(address, prefix).ToString(), "/", prefix.ToString(CultureInfo.InvariantCulture));
        key = new ObservableKey(kind, string.Empty, value);
        error = null;
        return true;
    }

    /// <summary>Strict dotted decimal: four parts, 1–3 digits each, 0–255, no leading zeros beyond a lone 0.</summary>
    public static bool TryParseDottedQuad(ReadOnlySpan<char> text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IPAddress? address)
    {
        address = null;
        Span<byte> bytes = stackalloc byte[4];
        var part = 0;
        var value = 0;
        var digits = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '.')
            {
                if (digits == 0 || part > 3 || (digits > 1 && text[i - digits] == '0'))
                {
                    return false;
                }

                bytes[part++] = (byte)value;
                value = 0;
                digits = 0;
                continue;
            }

            var c = text[i];
            if (c is < '0' or > '9' || ++digits > 3)
            {
                return false;
            }

            value = (value * 10) + (c - '0');
            if (value > 255)
            {
                return false;
            }
        }

        if (part != 4)
        {
            return false;
        }

        address = new IPAddress(bytes);
        return true;
    }

    private static IPAddress Mask(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }

        return new IPAddress(bytes);
    }
}
