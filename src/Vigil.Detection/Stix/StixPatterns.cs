namespace Vigil.Detection.Stix;

/// <summary>STIX patterns for shared URLs and domains, with string literals escaped as the patterning grammar wants.</summary>
public static class StixPatterns
{
    /// <summary>A quoted STIX pattern string literal: backslash and single quote are escaped with a backslash.</summary>
    public static string Literal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
    }

    /// <summary>
    /// A pattern for a URL the co-link signal normalized (scheme, <c>www.</c>, fragment and tracking parameters removed):
    /// matches it over http and https.
    /// </summary>
    public static string Url(string normalizedUrl) =>
        $"[url:value = {Literal("https://" + normalizedUrl)} OR url:value = {Literal("http://" + normalizedUrl)}]";

    public static string Domain(string domain) => $"[domain-name:value = {Literal(domain)}]";

    /// <summary>True when a co-link item is a URL (host with a dot), not an opaque link id such as a hashed URL.</summary>
    public static bool IsUrl(string normalizedUrl)
    {
        ArgumentNullException.ThrowIfNull(normalizedUrl);
        var host = Activities.UrlNormalizer.Domain(normalizedUrl);
        return IsDomain(host) && !normalizedUrl.Any(char.IsWhiteSpace);
    }

    /// <summary>True when the value looks like a host name: labels of letters, digits and hyphens, at least one dot.</summary>
    public static bool IsDomain(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length is 0 or > 253 || !value.Contains('.', StringComparison.Ordinal) || value[0] == '.' || value[^1] == '.')
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' || c > 127))
            {
                return false;
            }
        }

        return true;
    }
}
