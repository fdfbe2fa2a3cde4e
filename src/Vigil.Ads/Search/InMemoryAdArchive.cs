using System.Runtime.CompilerServices;
using System.Text.Json;
using Vigil.Ads.Json;
using Vigil.Ads.Model;

namespace Vigil.Ads.Search;

/// <summary>
/// In-memory <see cref="IAdArchive"/>: the reference implementation for tests and the oracle for SQL ones. Writes take a lock;
/// the search index (archive order plus an inverted index over creative bodies, link titles, captions and descriptions) is
/// rebuilt on the first search after a write, so load first and search after.
/// </summary>
public sealed class InMemoryAdArchive : IAdArchive
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<Ad>> _versions = new(StringComparer.Ordinal);
    private Index? _index;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _versions.Count;
            }
        }
    }

    /// <summary>Archive key of an ad: platform and id (ids are unique per platform only).</summary>
    public static string KeyOf(Ad ad)
    {
        ArgumentNullException.ThrowIfNull(ad);
        return KeyOf(ad.Platform, ad.Id);
    }

    public static string KeyOf(string platform, string id) => string.Concat(platform, ":", id);

    public ValueTask<AdSaveResult> SaveAsync(Ad ad, CancellationToken cancellationToken) => ValueTask.FromResult(Save(ad));

    public Task<IReadOnlyList<AdSaveResult>> SaveManyAsync(IReadOnlyList<Ad> ads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ads);
        return Task.FromResult<IReadOnlyList<AdSaveResult>>([.. ads.Select(Save)]);
    }

    /// <summary>Synchronous save for bulk loading.</summary>
    public AdSaveResult Save(Ad ad)
    {
        ArgumentNullException.ThrowIfNull(ad);
        var key = KeyOf(ad);
        lock (_gate)
        {
            _index = null;
            if (!_versions.TryGetValue(key, out var versions))
            {
                _versions[key] = [ad with { Version = 1 }];
                return AdSaveResult.Created;
            }

            var current = versions[^1];
            if (SameContent(current, ad))
            {
                return AdSaveResult.Unchanged;
            }

            versions.Add(ad with { Version = current.Version + 1, Takedown = ad.Takedown ?? current.Takedown });
            return AdSaveResult.NewVersion;
        }
    }

    public ValueTask<Ad?> GetAsync(string platform, string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_versions.TryGetValue(KeyOf(platform, id), out var v) ? v[^1] : null);
        }
    }

    public ValueTask<IReadOnlyList<Ad>> GetVersionsAsync(string platform, string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<Ad>>(_versions.TryGetValue(KeyOf(platform, id), out var v) ? [.. v] : []);
        }
    }

    public ValueTask<bool> TakeDownAsync(string platform, string id, Takedown takedown, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(takedown);
        lock (_gate)
        {
            if (!_versions.TryGetValue(KeyOf(platform, id), out var versions))
            {
                return ValueTask.FromResult(false);
            }

            _index = null;
            var current = versions[^1];
            versions.Add(current with { Version = current.Version + 1, Takedown = takedown });
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask<AdSearchPage> SearchAsync(AdsArchiveQuery query, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var index = CurrentIndex();
        var ads = new List<Ad>(Math.Min(query.Limit, 1024));
        var more = false;
        foreach (var rank in Matches(index, query, now))
        {
            if (ads.Count == query.Limit)
            {
                more = true;
                break;
            }

            ads.Add(index.ByRank[rank]);
        }

        string? after = null;
        if (more)
        {
            var last = ads[^1];
            after = new AdCursor(Ticks(last), KeyOf(last)) { Sort = query.Sort, Value = AdSorts.ValueOf(last, query.Sort) }.Encode();
        }

        return ValueTask.FromResult(new AdSearchPage(ads, after));
    }

    public async IAsyncEnumerable<Ad> StreamAsync(AdsArchiveQuery query, DateTimeOffset now, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var index = CurrentIndex();
        var n = 0;
        foreach (var rank in Matches(index, query, now))
        {
            if (++n % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.Yield();
            }

            yield return index.ByRank[rank];
        }
    }

    internal static long Ticks(Ad ad) => ad.DeliveryStart?.UtcTicks ?? AdCursor.NoStart;

    private static IEnumerable<int> Matches(Index index, AdsArchiveQuery query, DateTimeOffset now)
    {
        if (query.Sort == AdSort.Newest)
        {
            return ArchiveOrderMatches(index, query, now);
        }

        // Every match in archive order, then stably by value: ties keep the archive order.
        var ranks = ArchiveOrderMatches(index, query with { After = null }, now).ToArray();
        var values = Array.ConvertAll(ranks, r => AdSorts.ValueOf(index.ByRank[r], query.Sort));
        var order = Enumerable.Range(0, ranks.Length).OrderByDescending(i => values[i]).ToArray();
        var start = 0;
        if (query.After is { } after && AdCursor.TryDecode(after, out var cursor))
        {
            while (start < order.Length && AdCursor.Compare(values[order[start]], index.StartTicks[ranks[order[start]]], index.Keys[ranks[order[start]]],
                       cursor.Value, cursor.StartTicks, cursor.Id) <= 0)
            {
                start++;
            }
        }

        return order.Skip(start).Select(i => ranks[i]);
    }

    private static IEnumerable<int> ArchiveOrderMatches(Index index, AdsArchiveQuery query, DateTimeOffset now)
    {
        var filter = new AdFilter(query, now);
        if (!filter.CanMatch)
        {
            yield break;
        }

        var start = 0;
        if (query.After is { } after && AdCursor.TryDecode(after, out var cursor))
        {
            start = index.FirstAfter(cursor);
        }

        var terms = query.SearchTerms is { } text ? AdTokenizer.Tokens(text) : [];
        if (terms.Count == 0)
        {
            for (var rank = start; rank < index.ByRank.Length; rank++)
            {
                if (filter.Matches(index.ByRank[rank]))
                {
                    yield return rank;
                }
            }

            yield break;
        }

        var lists = new List<int[]>(terms.Count);
        foreach (var term in terms.Distinct(StringComparer.Ordinal))
        {
            if (!index.Postings.TryGetValue(term, out var postings))
            {
                yield break;
            }

            lists.Add(postings);
        }

        lists.Sort(static (a, b) => a.Length.CompareTo(b.Length));
        var shortest = lists[0];
        var from = LowerBound(shortest, start);
        for (var i = from; i < shortest.Length; i++)
        {
            var rank = shortest[i];
            var all = true;
            for (var l = 1; l < lists.Count && all; l++)
            {
                all = Array.BinarySearch(lists[l], rank) >= 0;
            }

            if (!all)
            {
                continue;
            }

            var ad = index.ByRank[rank];
            if ((query.SearchType == SearchType.KeywordUnordered || HasPhrase(ad, terms)) && filter.Matches(ad))
            {
                yield return rank;
            }
        }
    }

    private static int LowerBound(int[] sorted, int value)
    {
        var i = Array.BinarySearch(sorted, value);
        return i >= 0 ? i : ~i;
    }

    private static bool HasPhrase(Ad ad, List<string> phrase)
    {
        foreach (var text in Texts(ad))
        {
            var tokens = AdTokenizer.Tokens(text);
            for (var i = 0; i + phrase.Count <= tokens.Count; i++)
            {
                var match = true;
                for (var j = 0; j < phrase.Count && match; j++)
                {
                    match = tokens[i + j] == phrase[j];
                }

                if (match)
                {
                    return true;
                }
            }
        }

        return false;
    }

    internal static IEnumerable<string> Texts(Ad ad) =>
        ad.CreativeBodies.Concat(ad.LinkTitles).Concat(ad.LinkCaptions).Concat(ad.LinkDescriptions);

    private static bool SameContent(Ad a, Ad b) =>
        Serialize(a with { Version = 0 }).AsSpan().SequenceEqual(Serialize(b with { Version = 0 }));

    private static byte[] Serialize(Ad ad)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            AdJsonWriter.Write(writer, ad, AdField.All);
        }

        return stream.ToArray();
    }

    private Index CurrentIndex()
    {
        lock (_gate)
        {
            return _index ??= Index.Build(_versions.Values.Select(v => v[^1]));
        }
    }

    private sealed class Index
    {
        public required Ad[] ByRank { get; init; }
        public required long[] StartTicks { get; init; }
        public required string[] Keys { get; init; }
        public required Dictionary<string, int[]> Postings { get; init; }

        public static Index Build(IEnumerable<Ad> current)
        {
            var ads = current.ToArray();
            var ticks = new long[ads.Length];
            var keys = new string[ads.Length];
            for (var i = 0; i < ads.Length; i++)
            {
                ticks[i] = Ticks(ads[i]);
                keys[i] = KeyOf(ads[i]);
            }

            var order = new int[ads.Length];
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            Array.Sort(order, (a, b) => AdCursor.Compare(ticks[a], keys[a], ticks[b], keys[b]));
            var byRank = new Ad[ads.Length];
            var rankTicks = new long[ads.Length];
            var rankKeys = new string[ads.Length];
            for (var r = 0; r < order.Length; r++)
            {
                byRank[r] = ads[order[r]];
                rankTicks[r] = ticks[order[r]];
                rankKeys[r] = keys[order[r]];
            }

            var building = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            var state = new PostingState(building.GetAlternateLookup<ReadOnlySpan<char>>(), 0);
            for (var r = 0; r < byRank.Length; r++)
            {
                state.Rank = r;
                foreach (var text in Texts(byRank[r]))
                {
                    AdTokenizer.Tokenize(text.AsSpan(), ref state, static (token, ref s) => s.Add(token));
                }
            }

            var postings = new Dictionary<string, int[]>(building.Count, StringComparer.Ordinal);
            foreach (var (token, list) in building)
            {
                postings[token] = [.. list];
            }

            return new Index { ByRank = byRank, StartTicks = rankTicks, Keys = rankKeys, Postings = postings };
        }

        /// <summary>First rank strictly after the cursor position.</summary>
        public int FirstAfter(AdCursor cursor)
        {
            int lo = 0, hi = ByRank.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (AdCursor.Compare(StartTicks[mid], Keys[mid], cursor.StartTicks, cursor.Id) <= 0)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }
    }

    private struct PostingState(Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> lookup, int rank)
    {
        public int Rank = rank;

        public readonly void Add(ReadOnlySpan<char> token)
        {
            if (!lookup.TryGetValue(token, out var list))
            {
                list = [];
                lookup[token] = list;
            }

            if (list.Count == 0 || list[^1] != Rank)
            {
                list.Add(Rank);
            }
        }
    }
}
