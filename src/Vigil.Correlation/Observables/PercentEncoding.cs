using System.Globalization;
using System.Text;

namespace Vigil.Correlation.Observables;

/// <summary>Percent-encoding normalization for URL components (RFC 3986 section 6.2.2.2).</summary>
internal static class PercentEncoding
{
    /// <summary>Decodes escapes of unreserved characters, upper-cases the rest, and encodes characters outside the URL syntax.</summary>
    public static string Normalize(ReadOnlySpan<char> text, PercentContext context)
    {
        if (IsAlreadyNormal(text, context))
        {
            return text.ToString();
        }

        var builder = new StringBuilder(text.Length + 8);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%')
            {
                if (i + 2 < text.Length && char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2]))
                {
                    var value = (char)byte.Parse(text.Slice(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                    if (IsUnreserved(value))
                    {
                        builder.Append(value);
                    }
                    else
                    {
                        builder.Append('%').Append(char.ToUpperInvariant(text[i + 1])).Append(char.ToUpperInvariant(text[i + 2]));
                    }

                    i += 2;
                }
                else
                {
                    builder.Append("%25");
                }

                continue;
            }

            if (c < 0x80 && IsAllowedRaw(c, context))
            {
                builder.Append(c);
                continue;
            }

            var length = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            var written = Encoding.UTF8.GetBytes(text.Slice(i, length), utf8);
            for (var j = 0; j < written; j++)
            {
                builder.Append('%').Append(utf8[j].ToString("X2", CultureInfo.InvariantCulture));
            }

            i += length - 1;
        }

        return builder.ToString();
    }

    private static bool IsAlreadyNormal(ReadOnlySpan<char> text, PercentContext context)
    {
        foreach (var c in text)
        {
            if (c == '%' || c >= 0x80 || !IsAllowedRaw(c, context))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';

    private static bool IsAllowedRaw(char c, PercentContext context) =>
        IsUnreserved(c)
        || c is '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=' or ':' or '@'
        || (context == PercentContext.Query && c is '/' or '?');

    public static string? DecodeHost(ReadOnlySpan<char> host)
    {
        var bytes = new List<byte>(host.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < host.Length; i++)
        {
            if (host[i] == '%')
            {
                if (i + 2 >= host.Length || !byte.TryParse(host.Slice(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
                {
                    return null;
                }

                bytes.Add(b);
                i += 2;
            }
            else
            {
                var written = Encoding.UTF8.GetBytes(host.Slice(i, char.IsHighSurrogate(host[i]) && i + 1 < host.Length ? 2 : 1), utf8);
                if (written > 1 && char.IsHighSurrogate(host[i]))
                {
                    i++;
                }

                for (var j = 0; j < written; j++)
                {
                    bytes.Add(utf8[j]);
                }
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }
}
