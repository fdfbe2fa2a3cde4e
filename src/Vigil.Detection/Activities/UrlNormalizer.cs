namespace Vigil.Detection.Activities;

/// <summary>
/// Normalizes URLs so trivially different spellings of one link compare equal: lower-case scheme and
/// host, no "www.", no fragment, no default port, no tracking parameters (utm_*, fbclid, gclid), no
/// trailing slash. <see cref="Domain"/> gives the host the co-domain signal groups by.
/// </summary>
public static class UrlNormalizer
{
    public static string? Normalize(string raw)
    {
        var text = raw.Trim().Trim('\'', '"');
        if (text.Length == 0)
        {
            return null;
        }

        if (!text.Contains('.', StringComparison.Ordinal) && !text.Contains('/', StringComparison.Ordinal))
        {
            return text.ToLowerInvariant(); // an opaque link id, not a URL
        }

        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "http://" + text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            return raw.Trim().ToLowerInvariant();
        }

        var host = StripWww(uri.Host.ToLowerInvariant());
        var path = uri.AbsolutePath.TrimEnd('/');
        var query = FilterQuery(uri.Query);
        return string.Concat(host, path, query);
    }

    /// <summary>The host of a normalized URL (everything before the first '/').</summary>
    public static string Domain(string normalizedUrl)
    {
        var slash = normalizedUrl.IndexOf('/', StringComparison.Ordinal);
        var query = normalizedUrl.IndexOf('?', StringComparison.Ordinal);
        var end = slash < 0 ? query : query < 0 ? slash : Math.Min(slash, query);
        return end < 0 ? normalizedUrl : normalizedUrl[..end];
    }

    private static string StripWww(string host) =>
        host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;

    private static string FilterQuery(string query)
    {
        if (query.Length <= 1)
        {
            return "";
        }

        var kept = new List<string>();
        foreach (var part in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = part.Split('=')[0].ToLowerInvariant();
            if (!name.StartsWith("utm_", StringComparison.Ordinal) && name is not ("fbclid" or "gclid" or "igshid" or "ref_src"))
            {
                kept.Add(part);
            }
        }

        return kept.Count == 0 ? "" : "?" + string.Join('&', kept);
    }
}
