using Vigil.Correlation.Observables;
using Vigil.Correlation.PublicSuffix;

namespace Vigil.Correlation.Sources;

/// <summary>
/// An immutable, thread-safe in-memory registry of source ratings and state-media labels, keyed by host (without <c>www.</c>).
/// A lookup reads the host from the URL, then tries the exact host and each parent down to the registrable domain, so it costs
/// one dictionary probe per label (the Public Suffix List is consulted only when a parent hits) and allocates nothing for a miss
/// on a lowercase ASCII host. Build with <see cref="SourceRegistryBuilder"/>.
/// </summary>
public sealed class SourceRegistry : ISourceLookup
{
    private readonly Dictionary<string, Entry> _entries;
    private readonly Dictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly PublicSuffixList _suffixes;
    private readonly Dictionary<ObservableKey, StateMediaLabel[]> _accounts;

    internal SourceRegistry(Dictionary<string, Entry> entries, Dictionary<ObservableKey, StateMediaLabel[]> accounts, PublicSuffixList suffixes)
    {
        _accounts = accounts;
        _entries = entries;
        _bySpan = entries.GetAlternateLookup<ReadOnlySpan<char>>();
        _suffixes = suffixes;
    }

    /// <summary>Number of hosts with at least one rating or label.</summary>
    public int HostCount => _entries.Count;

    public int RatingCount { get; internal init; }
    public int StateMediaCount { get; internal init; }

    /// <summary>Looks up a URL (any scheme) or a bare domain. Input that has no readable host gives <see cref="SourceLookup.None"/>.</summary>
    public SourceLookup Lookup(string urlOrDomain)
    {
        ArgumentNullException.ThrowIfNull(urlOrDomain);
        if (SourceHost.TrySplitCanonical(urlOrDomain, out var hostSpan, out var pathSpan))
        {
            return Find(hostSpan, pathSpan);
        }

        return SourceHost.TryParse(urlOrDomain, out var host, out var path, out _) ? Find(host, path) : SourceLookup.None;
    }

    /// <summary>State-media labels of the outlets that run a social-media account (from the labels' <see cref="StateMediaLabel.Accounts"/>).</summary>
    public IReadOnlyList<StateMediaLabel> LookupAccount(ObservableKey account) =>
        _accounts.TryGetValue(account, out var labels) ? labels : [];

    /// <summary>Looks up a host already in registry form (lowercase ASCII, no <c>www.</c>), with an optional URL path for path-limited entries.</summary>
    public SourceLookup LookupHost(string host, string path = "")
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(path);
        return Find(host, path);
    }

    private SourceLookup Find(ReadOnlySpan<char> host, ReadOnlySpan<char> path)
    {
        Entry? ratingsEntry = null;
        Entry? labelsEntry = null;
        var ratingsAt = -1;
        var labelsAt = -1;
        var stop = int.MaxValue;
        var start = 0;
        while (true)
        {
            if (_bySpan.TryGetValue(host[start..], out var entry))
            {
                if (start > 0 && stop == int.MaxValue)
                {
                    // Only a hit on a parent needs the Public Suffix List: parents above the registrable domain do not count.
                    stop = Math.Max(0, _suffixes.Match(host).RegistrableStart);
                }

                if (start > stop)
                {
                    break;
                }

                if (ratingsEntry is null && entry.Ratings.Length > 0)
                {
                    ratingsEntry = entry;
                    ratingsAt = start;
                }

                if (labelsEntry is null && entry.Labels.Length > 0)
                {
                    labelsEntry = entry;
                    labelsAt = start;
                }

                if (ratingsEntry is not null && labelsEntry is not null)
                {
                    break;
                }
            }

            var dot = host[start..].IndexOf('.');
            if (dot < 0 || start > stop)
            {
                break;
            }

            start += dot + 1;
        }

        if (ratingsEntry is null && labelsEntry is null)
        {
            return SourceLookup.None;
        }

        var hostText = host.ToString();
        return new SourceLookup
        {
            Host = hostText,
            Ratings = ratingsEntry is null ? [] : ByPath(ratingsEntry.Ratings, path, static r => r.PathPrefix),
            StateMedia = labelsEntry is null ? [] : ByPath(labelsEntry.Labels, path, static l => l.PathPrefix),
            RatingsMatchedOn = ratingsAt < 0 ? null : hostText[ratingsAt..],
            StateMediaMatchedOn = labelsAt < 0 ? null : hostText[labelsAt..],
        };
    }

    /// <summary>Entries limited to a path prefix that the path starts with win over whole-host entries; otherwise whole-host entries.</summary>
    private static T[] ByPath<T>(T[] items, ReadOnlySpan<char> path, Func<T, string?> prefixOf)
    {
        var hasPrefixed = false;
        foreach (var item in items)
        {
            hasPrefixed |= prefixOf(item) is not null;
        }

        if (!hasPrefixed)
        {
            return items;
        }

        var best = 0;
        foreach (var item in items)
        {
            if (prefixOf(item) is { } prefix && PathMatches(path, prefix))
            {
                best = Math.Max(best, prefix.Length);
            }
        }

        var selected = new List<T>();
        foreach (var item in items)
        {
            var prefix = prefixOf(item);
            if (best == 0 ? prefix is null : prefix is not null && prefix.Length == best && PathMatches(path, prefix))
            {
                selected.Add(item);
            }
        }

        return [.. selected];
    }

    private static bool PathMatches(ReadOnlySpan<char> path, string prefix) =>
        path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && (path.Length == prefix.Length || path[prefix.Length] == '/');

    internal sealed record Entry(SourceRating[] Ratings, StateMediaLabel[] Labels);
}
