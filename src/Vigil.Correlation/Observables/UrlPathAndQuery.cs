using System.Text;

namespace Vigil.Correlation.Observables;

/// <summary>Path (dot-segments removed) and query (tracking parameters dropped, sorted by name) normalization of a URL.</summary>
internal static class UrlPathAndQuery
{
    public static void AppendPath(StringBuilder builder, ReadOnlySpan<char> path)
    {
        var segments = new List<string>();
        var trailingSlash = false;
        foreach (var range in path.SplitAny('/', '\\'))
        {
            var raw = path[range];
            var segment = PercentEncoding.Normalize(raw, PercentContext.Path);
            trailingSlash = false;
            if (segment.Length == 0 && range.Start.Value == 0)
            {
                continue;
            }

            if (segment == ".")
            {
                trailingSlash = true;
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                trailingSlash = true;
                continue;
            }

            segments.Add(segment);
        }

        foreach (var segment in segments)
        {
            builder.Append('/').Append(segment);
        }

        if (segments.Count == 0 || trailingSlash)
        {
            builder.Append('/');
        }
    }

    public static void AppendQuery(StringBuilder builder, ReadOnlySpan<char> query)
    {
        if (query.IsEmpty)
        {
            return;
        }

        var kept = new List<(string Name, string Pair)>();
        foreach (var range in query.Split('&'))
        {
            var raw = query[range];
            if (raw.IsEmpty)
            {
                continue;
            }

            var equals = raw.IndexOf('=');
            var name = PercentEncoding.Normalize(equals < 0 ? raw : raw[..equals], PercentContext.Query);
            if (TrackingParameters.IsTracking(name))
            {
                continue;
            }

            var pair = equals < 0 ? name : string.Concat(name, "=", PercentEncoding.Normalize(raw[(equals + 1)..], PercentContext.Query));
            kept.Add((name, pair));
        }

        if (kept.Count == 0)
        {
            return;
        }

        // Insertion sort: stable, and queries are short.
        for (var i = 1; i < kept.Count; i++)
        {
            var current = kept[i];
            var j = i - 1;
            while (j >= 0 && string.CompareOrdinal(kept[j].Name, current.Name) > 0)
            {
                kept[j + 1] = kept[j];
                j--;
            }

            kept[j + 1] = current;
        }

        var separator = '?';
        foreach (var item in kept)
        {
            builder.Append(separator).Append(item.Pair);
            separator = '&';
        }
    }
}
