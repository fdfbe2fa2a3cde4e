using System.Globalization;

namespace Vigil.Correlation.Sources;

/// <summary>
/// Reads the host (and path) that the source registry keys on from a URL or a bare domain: scheme, user information, port,
/// query and fragment dropped; lowercase; IDN labels in punycode; one trailing dot and a leading <c>www.</c> dropped.
/// Deliberately lighter than URL normalization, because enrichment runs over millions of URLs.
/// </summary>
public static class SourceHost
{
    /// <summary>Splits a URL or domain into its registry host and its path (empty when none).</summary>
    public static bool TryParse(string input, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? host, out string path, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(input);
        host = null;
        Split(input, out var authority, out var pathSpan);
        path = pathSpan.ToString();
        if (authority.IsEmpty)
        {
            error = "no host name";
            return false;
        }

        var text = IsLowerAscii(authority) ? authority.ToString() : authority.ToString().ToLowerInvariant();
        if (!System.Text.Ascii.IsValid(text))
        {
            try
            {
                text = new IdnMapping().GetAscii(text);
            }
            catch (ArgumentException e)
            {
                error = $"host '{text}' is not a valid internationalized name ({e.Message})";
                return false;
            }
        }

        if (text.StartsWith("www.", StringComparison.Ordinal) && text.Length > 4)
        {
            text = text[4..];
        }

        if (!HasHostCharacters(text))
        {
            error = $"host '{text}' has characters not allowed in a host name";
            return false;
        }

        host = text;
        error = null;
        return true;
    }

    /// <summary>
    /// The allocation-free path: succeeds only when the host is already lowercase ASCII with valid characters (the common case);
    /// the caller falls back to <see cref="TryParse"/> otherwise.
    /// </summary>
    internal static bool TrySplitCanonical(ReadOnlySpan<char> input, out ReadOnlySpan<char> host, out ReadOnlySpan<char> path)
    {
        Split(input, out host, out path);
        if (host.IsEmpty || !IsLowerAscii(host) || !HasHostCharacters(host))
        {
            return false;
        }

        if (host.StartsWith("www.", StringComparison.Ordinal) && host.Length > 4)
        {
            host = host[4..];
        }

        return true;
    }

    private static void Split(ReadOnlySpan<char> input, out ReadOnlySpan<char> authority, out ReadOnlySpan<char> path)
    {
        var span = input.Trim();
        var scheme = span.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            span = span[(scheme + 3)..];
        }

        var end = span.IndexOfAny("/?#\\");
        authority = end < 0 ? span : span[..end];
        path = default;
        if (end >= 0 && span[end] is '/' or '\\')
        {
            var rest = span[end..];
            var stop = rest.IndexOfAny('?', '#');
            path = stop < 0 ? rest : rest[..stop];
        }

        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            authority = authority[(at + 1)..];
        }

        var colon = authority.LastIndexOf(':');
        if (colon >= 0 && !authority.StartsWith('['))
        {
            authority = authority[..colon];
        }

        if (authority.EndsWith('.'))
        {
            authority = authority[..^1];
        }
    }

    private static bool HasHostCharacters(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or ':' or '[' or ']'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLowerAscii(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c > 0x7F || c is >= 'A' and <= 'Z')
            {
                return false;
            }
        }

        return true;
    }
}
