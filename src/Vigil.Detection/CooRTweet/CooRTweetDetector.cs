using Vigil.Detection.Activities;
using Vigil.Detection.Graph;

namespace Vigil.Detection.CooRTweet;

/// <summary>
/// Reproduces CooRTweet 2.1.3's <c>detect_groups</c> followed by <c>generate_coordinated_network</c>
/// (defaults: full graph, no edge filter), step for step:
/// <list type="number">
/// <item>keep the shares of accounts with at least <c>min_participation</c> shares;</item>
/// <item>per object, every unordered pair of shares whose times differ by at most the window;</item>
/// <item>drop "loops": a share whose content id is the object itself, two shares with the same
/// content id, and two shares by the same account;</item>
/// <item>participation refinement: among the kept shares whose content id is in some pair, an
/// account must have at least <c>min_participation</c>; a pair stays if either of its content ids
/// belongs to such an account;</item>
/// <item>the network: one undirected edge per account pair, weight = number of pairs.</item>
/// </list>
/// Every pair within the window is produced, as CooRTweet does, so this mode is quadratic in the
/// shares of one object inside a window; the engine's own signals cap that.
/// </summary>
public static class CooRTweetDetector
{
    public static CooRTweetResult Detect(ActivityTable table, CooRTweetOptions options)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        var n = table.Count;
        var sharesPerAccount = new int[table.Accounts.Count];
        for (var r = 0; r < n; r++)
        {
            if (table.Reference[r] >= 0)
            {
                sharesPerAccount[table.Account[r]]++;
            }
        }

        // Kept rows, with content ids interned locally; rows whose content is their own object never pair.
        var contents = new StringPool();
        var contentOf = new int[n];
        var kept = new List<int>(n);
        var pairable = new bool[n];
        for (var r = 0; r < n; r++)
        {
            contentOf[r] = -1;
            if (table.Reference[r] < 0 || sharesPerAccount[table.Account[r]] < options.MinParticipation)
            {
                continue;
            }

            kept.Add(r);
            var content = table.ActivityId[r];
            if (content is not null)
            {
                contentOf[r] = contents.Intern(content);
                pairable[r] = !string.Equals(content, table.References[table.Reference[r]], StringComparison.Ordinal);
            }
        }

        var order = kept.ToArray();
        var sortKeys = new (int Object, long Time)[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            sortKeys[i] = (table.Reference[order[i]], table.Time[order[i]]);
        }

        Array.Sort(sortKeys, order);
        var pairs = new List<CoSharePair>();
        for (var start = 0; start < order.Length;)
        {
            var end = start + 1;
            while (end < order.Length && sortKeys[end].Object == sortKeys[start].Object)
            {
                end++;
            }

            for (var i = start; i < end; i++)
            {
                var a = order[i];
                if (!pairable[a])
                {
                    continue;
                }

                for (var j = i + 1; j < end && sortKeys[j].Time - sortKeys[i].Time <= options.WindowSeconds; j++)
                {
                    var b = order[j];
                    if (pairable[b] && contentOf[a] != contentOf[b] && table.Account[a] != table.Account[b])
                    {
                        pairs.Add(new CoSharePair(a, b));
                    }
                }
            }

            start = end;
        }

        var refined = RefineByParticipation(table, options.MinParticipation, order, contentOf, contents.Count, pairs);
        return BuildNetwork(table, refined);
    }

    private static List<CoSharePair> RefineByParticipation(
        ActivityTable table, int minParticipation, int[] keptRows, int[] contentOf, int contentCount, List<CoSharePair> pairs)
    {
        if (minParticipation < 1)
        {
            return pairs;
        }

        var inPairs = new bool[contentCount];
        foreach (var pair in pairs)
        {
            inPairs[contentOf[pair.Older]] = true;
            inPairs[contentOf[pair.Newer]] = true;
        }

        var perAccount = new int[table.Accounts.Count];
        foreach (var r in keptRows)
        {
            if (contentOf[r] >= 0 && inPairs[contentOf[r]])
            {
                perAccount[table.Account[r]]++;
            }
        }

        var qualifying = new bool[contentCount];
        foreach (var r in keptRows)
        {
            if (contentOf[r] >= 0 && inPairs[contentOf[r]] && perAccount[table.Account[r]] >= minParticipation)
            {
                qualifying[contentOf[r]] = true;
            }
        }

        var result = new List<CoSharePair>(pairs.Count);
        foreach (var pair in pairs)
        {
            if (qualifying[contentOf[pair.Older]] || qualifying[contentOf[pair.Newer]])
            {
                result.Add(pair);
            }
        }

        return result;
    }

    private static CooRTweetResult BuildNetwork(ActivityTable table, List<CoSharePair> pairs)
    {
        var edges = new Dictionary<long, (int Weight, long DeltaSum)>();
        foreach (var pair in pairs)
        {
            var a = table.Account[pair.Older];
            var b = table.Account[pair.Newer];
            var key = a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;
            ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(edges, key, out _);
            slot.Weight++;
            slot.DeltaSum += Math.Abs(table.Time[pair.Newer] - table.Time[pair.Older]);
        }

        var list = new List<CooRTweetEdge>(edges.Count);
        var sets = new UnionFind(table.Accounts.Count);
        var vertex = new bool[table.Accounts.Count];
        foreach (var (key, value) in edges)
        {
            var a = (int)(key >> 32);
            var b = (int)(key & 0xFFFFFFFF);
            list.Add(new CooRTweetEdge(a, b, value.Weight, (double)value.DeltaSum / value.Weight));
            sets.Union(a, b);
            vertex[a] = vertex[b] = true;
        }

        list.Sort((x, y) => x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        var accounts = 0;
        var components = 0;
        for (var v = 0; v < vertex.Length; v++)
        {
            if (vertex[v])
            {
                accounts++;
                if (sets.Find(v) == v)
                {
                    components++;
                }
            }
        }

        return new CooRTweetResult { Pairs = pairs, Edges = list, Accounts = accounts, Components = components };
    }
}
