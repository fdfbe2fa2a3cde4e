using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Vigil.Core.Patterning.Evaluation;

/// <summary>An IPv4 or IPv6 address block (a single address is a /32 or /128), held masked to its prefix.</summary>
internal readonly record struct IpNetwork(bool IsV6, UInt128 Network, int PrefixLength)
{
    public int Width => IsV6 ? 128 : 32;

    /// <summary>Reads <c>a.b.c.d</c>, <c>a.b.c.d/n</c>, an IPv6 address or an IPv6 CIDR block; case of hex digits does not matter.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out IpNetwork network)
    {
        network = default;
        var slash = text.IndexOf('/');
        var address = slash < 0 ? text : text[..slash];
        int prefix;
        bool v6;
        UInt128 bits;
        if (address.Contains(':'))
        {
            if (!LooksLikeV6(address) || !IPAddress.TryParse(address, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return false;
            }

            Span<byte> bytes = stackalloc byte[16];
            parsed.TryWriteBytes(bytes, out _);
            bits = System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(bytes);
            v6 = true;
        }
        else if (TryParseV4(address, out var v4))
        {
            bits = v4;
            v6 = false;
        }
        else
        {
            return false;
        }

        var width = v6 ? 128 : 32;
        if (slash < 0)
        {
            prefix = width;
        }
        else
        {
            var digits = text[(slash + 1)..];
            if (digits.IsEmpty || digits.Length > 3 || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > width)
            {
                return false;
            }
        }

        network = new IpNetwork(v6, Mask(bits, prefix, width), prefix);
        return true;
    }

    /// <summary>True when every address of <paramref name="inner"/> is in this block.</summary>
    public bool Contains(IpNetwork inner) =>
        IsV6 == inner.IsV6 && PrefixLength <= inner.PrefixLength && Mask(inner.Network, PrefixLength, Width) == Network;

    /// <summary>The enclosing block of the given prefix length (which must not exceed this block's own).</summary>
    public IpNetwork Truncate(int prefixLength) => new(IsV6, Mask(Network, prefixLength, Width), prefixLength);

    /// <summary>Canonical text, e.g. <c>198.51.100.0/24</c> or <c>2001:db8::/32</c>.</summary>
    public override string ToString()
    {
        string address;
        if (IsV6)
        {
            Span<byte> bytes = stackalloc byte[16];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt128BigEndian(bytes, Network);
            address = new IPAddress(bytes).ToString();
        }
        else
        {
            var v = (uint)Network;
            address = string.Create(CultureInfo.InvariantCulture, $"{v >> 24}.{(v >> 16) & 255}.{(v >> 8) & 255}.{v & 255}");
        }

        return address + "/" + PrefixLength.ToString(CultureInfo.InvariantCulture);
    }

    private static UInt128 Mask(UInt128 bits, int prefix, int width)
    {
        if (prefix == 0)
        {
            return UInt128.Zero;
        }

        var hostBits = width - prefix;
        return hostBits == 0 ? bits : (bits >> hostBits) << hostBits;
    }

    private static bool LooksLikeV6(ReadOnlySpan<char> address)
    {
        foreach (var c in address)
        {
            if (!(char.IsAsciiHexDigit(c) || c is ':' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryParseV4(ReadOnlySpan<char> text, out UInt128 bits)
    {
        bits = 0;
        uint value = 0;
        var parts = 0;
        var i = 0;
        while (parts < 4)
        {
            var start = i;
            uint octet = 0;
            while (i < text.Length && text[i] is >= '0' and <= '9' && i - start < 3)
            {
                octet = (octet * 10) + (uint)(text[i] - '0');
                i++;
            }

            if (i == start || octet > 255)
            {
                return false;
            }

            value = (value << 8) | octet;
            parts++;
            if (parts < 4)
            {
                if (i >= text.Length || text[i] != '.')
                {
                    return false;
                }

                i++;
            }
        }

        bits = value;
        return i == text.Length;
    }
}
