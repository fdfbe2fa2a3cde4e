using System.Globalization;
using System.Text;

namespace Vigil.Correlation.Observables;

/// <summary>
/// Normalizes URLs so that the same resource shared by different members gives the same key:
/// <list type="bullet">
/// <item>scheme and host lowercase; IDN hosts in punycode (Unicode kept in <see cref="NormalizedUrl.Display"/>); one trailing dot dropped;</item>
/// <item>default ports (http 80, https 443, ftp 21, ws 80, wss 443) dropped; user information dropped and flagged;</item>
/// <item>path: backslashes read as '/', dot-segments removed, empty path becomes '/';</item>
/// <item>percent-encoding: escapes of unreserved characters decoded, other escapes upper-case hex, characters outside the URL
/// syntax (space, non-ASCII, <c>"&lt;&gt;`{}|^</c>) encoded as UTF-8;</item>
/// <item>query: tracking parameters (<see cref="TrackingParameters"/>) dropped, then the parameters sorted by name (ordinal, stable
/// for repeated names). Sorting is a deliberate choice: parameter order almost never changes the resource, and without it the
/// same link shared through different tools would not correlate. An empty query is dropped;</item>
/// <item>fragment dropped (it never reaches the server);</item>
/// <item>defanged input (<c>hxxp://</c>, <c>[.]</c>, <c>[:]</c>) is refanged and flagged; shorteners are flagged.</item>
/// </list>
/// Only hierarchical web schemes are accepted (http, https, ftp, ws, wss); anything else is an error naming the problem.
/// Thread-safe.
/// </summary>
public sealed class UrlNormalizer(DomainNormalizer domains)
{
    public DomainNormalizer Domains { get; } = domains;

    public NormalizedUrl Normalize(string input) =>
        TryNormalize(input, out var url, out var error) ? url : throw new ObservableFormatException(ObservableKind.Url, input, error);

    public bool TryNormalize(string input, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out NormalizedUrl? url, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(input);
        url = null;
        var flags = ObservableFlags.None;
        var text = input.Trim();
        if (text.Length == 0)
        {
            error = "the URL is empty";
            return false;
        }

        if (text.Length > 65536)
        {
            error = "the URL is longer than 65,536 characters";
            return false;
        }

        text = Refang(text, ref flags);

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !IsScheme(text.AsSpan(0, colon)))
        {
            error = "missing scheme (expected e.g. https://)";
            return false;
        }

        var scheme = text[..colon].ToLowerInvariant();
        var defaultPort = scheme switch
        {
            "http" or "ws" => 80,
            "https" or "wss" => 443,
            "ftp" => 21,
            _ => -1,
        };
        if (defaultPort < 0)
        {
            error = $"scheme '{scheme}' is not supported (http, https, ftp, ws, wss)";
            return false;
        }

        var rest = text.AsSpan(colon + 1);
        var slashes = 0;
        while (slashes < rest.Length && rest[slashes] is '/' or '\\')
        {
            slashes++;
        }

        if (slashes != 2)
        {
            error = "expected '//' and an authority after the scheme";
            return false;
        }

        rest = rest[2..];
        var authorityEnd = rest.IndexOfAny("/\\?#");
        var authority = authorityEnd < 0 ? rest : rest[..authorityEnd];
        var tail = authorityEnd < 0 ? ReadOnlySpan<char>.Empty : rest[authorityEnd..];

        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            flags |= ObservableFlags.UserInfo;
            authority = authority[(at + 1)..];
        }

        if (!SplitHostPort(authority, out var hostText, out var port, out error))
        {
            return false;
        }

        if (port == defaultPort)
        {
            port = -1;
        }
        else if (port >= 0)
        {
            flags |= ObservableFlags.NonDefaultPort;
        }

        string host;
        string displayHost;
        string? registrable = null;
        string? skeleton = null;
        if (hostText.StartsWith('[') || IpNormalizer.TryParseDottedQuad(hostText, out _))
        {
            if (!IpNormalizer.TryNormalize(hostText.ToString(), out var ip, out var ipError) || ip.Value.Contains('/', StringComparison.Ordinal))
            {
                error = "the host is not a valid IP address (" + (ipError ?? "a prefix is not allowed") + ")";
                return false;
            }

            flags |= ObservableFlags.IpHost;
            host = ip.Value;
            displayHost = ip.Kind == ObservableKind.Ipv6 ? "[" + host + "]" : host;
        }
        else
        {
            var decodedHost = hostText.Contains('%') ? PercentEncoding.DecodeHost(hostText) : hostText.ToString();
            if (decodedHost is null)
            {
                error = "the host has an invalid percent-escape";
                return false;
            }

            if (!Domains.TryNormalize(decodedHost, out var domain, out var hostError))
            {
                error = "invalid host: " + hostError;
                return false;
            }

            flags |= domain.Flags & ~ObservableFlags.Defanged;
            host = domain.Host;
            displayHost = domain.Unicode;
            registrable = domain.RegistrableDomain;
            skeleton = domain.Skeleton;
            if (UrlShorteners.IsShortener(host))
            {
                flags |= ObservableFlags.Shortener;
            }
        }

        var hostPart = (flags & ObservableFlags.IpHost) != 0 && host.Contains(':', StringComparison.Ordinal) ? "[" + host + "]" : host;
        var builder = new StringBuilder(text.Length + 8);
        builder.Append(scheme).Append("://");
        var hostStart = builder.Length;
        builder.Append(hostPart);
        var hostEnd = builder.Length;
        if (port >= 0)
        {
            builder.Append(':').Append(port.ToString(CultureInfo.InvariantCulture));
        }

        var fragment = tail.IndexOf('#');
        if (fragment >= 0)
        {
            tail = tail[..fragment];
        }

        var question = tail.IndexOf('?');
        var path = question < 0 ? tail : tail[..question];
        var query = question < 0 ? ReadOnlySpan<char>.Empty : tail[(question + 1)..];
        UrlPathAndQuery.AppendPath(builder, path);
        UrlPathAndQuery.AppendQuery(builder, query);

        var normalized = builder.ToString();
        var display = ReferenceEquals(displayHost, host) || displayHost == hostPart
            ? normalized
            : string.Concat(normalized.AsSpan(0, hostStart), displayHost, normalized.AsSpan(hostEnd));
        url = new NormalizedUrl
        {
            Url = normalized,
            Display = display,
            Scheme = scheme,
            Host = host,
            RegistrableDomain = registrable,
            Port = port >= 0 ? port : null,
            Flags = flags,
            Skeleton = skeleton,
        };
        error = null;
        return true;
    }

    internal static string Refang(string text, ref ObservableFlags flags)
    {
        var result = text;
        if (result.StartsWith("hxxp", StringComparison.OrdinalIgnoreCase) || result.StartsWith("hxxps", StringComparison.OrdinalIgnoreCase))
        {
            result = "http" + result[4..];
        }

        if (result.Contains('[', StringComparison.Ordinal))
        {
            result = result.Replace("[.]", ".", StringComparison.Ordinal).Replace("[:]", ":", StringComparison.Ordinal)
                .Replace("[://]", "://", StringComparison.Ordinal).Replace("[dot]", ".", StringComparison.OrdinalIgnoreCase);
        }

        if (result != text)
        {
            flags |= ObservableFlags.Defanged;
        }

        return result;
    }

    private static bool IsScheme(ReadOnlySpan<char> scheme)
    {
        if (!char.IsAsciiLetter(scheme[0]))
        {
            return false;
        }

        foreach (var c in scheme)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SplitHostPort(ReadOnlySpan<char> authority, out ReadOnlySpan<char> host, out int port, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        port = -1;
        host = authority;
        ReadOnlySpan<char> portText = default;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']');
            if (close < 0)
            {
                error = "the IPv6 host has no closing ']'";
                return false;
            }

            host = authority[..(close + 1)];
            var after = authority[(close + 1)..];
            if (!after.IsEmpty)
            {
                if (after[0] != ':')
                {
                    error = "unexpected characters after the IPv6 host";
                    return false;
                }

                portText = after[1..];
            }
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            if (colon >= 0)
            {
                host = authority[..colon];
                portText = authority[(colon + 1)..];
            }
        }

        if (host.IsEmpty)
        {
            error = "the host is empty";
            return false;
        }

        if (!portText.IsEmpty)
        {
            if (portText.Length > 5 || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535)
            {
                error = $"port '{portText}' is not a number from 0 to 65535";
                return false;
            }
        }

        error = null;
        return true;
    }
}
