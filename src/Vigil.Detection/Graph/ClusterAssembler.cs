using Vigil.Detection.Activities;
using Vigil.Detection.CooRTweet;
using Vigil.Detection.Results;
using Vigil.Detection.Signals;

namespace Vigil.Detection.Graph;

/// <summary>Turns communities into ranked clusters with accounts, edges, evidence, shared items and timelines.</summary>
internal sealed class ClusterAssembler(
    ActivityTable table,
    DetectionOptions options,
    CoordinationGraph graph,
    List<(int A, int B, CoordinationGraph.EdgeData Data)> edges,
    Communities communities,
    List<string>[] flags)
{
    private const int TimelineBins = 48;
    private const int MaxSharedItems = 25;
    private static readonly SignalKind[] Kinds = Enum.GetValues<SignalKind>();

    public AccountEdge ToAccountEdge(int a, int b, CoordinationGraph.EdgeData data)
    {
        var signals = new Dictionary<string, int>();
        foreach (var kind in Kinds)
        {
            if (data.CoActions[(int)kind] > 0)
            {
                signals[options.CooRTweet is null ? SignalNames.Of(kind) : "co-share"] = data.CoActions[(int)kind];
            }
        }

        return new AccountEdge
        {
            Source = table.Accounts.Ids[a],
            Target = table.Accounts.Ids[b],
            Weight = data.Weight,
            Strength = Math.Round(data.MaxStrength, 3),
            Signals = signals,
        };
    }

    public List<DetectedCluster> Assemble(List<EvidenceSource> sources, IReadOnlyList<CoSharePair>? coSharePairs)
    {
        var members = new Dictionary<int, List<int>>();
        for (var a = 0; a < table.Accounts.Count; a++)
        {
            var c = communities.CommunityOf[a];
            if (c >= 0)
            {
                if (!members.TryGetValue(c, out var list))
                {
                    members[c] = list = [];
                }

                list.Add(a);
            }
        }

        var internalEdges = new Dictionary<int, List<(int A, int B, CoordinationGraph.EdgeData Data)>>();
        foreach (var edge in edges)
        {
            var c = communities.CommunityOf[edge.A];
            if (c == communities.CommunityOf[edge.B])
            {
                if (!internalEdges.TryGetValue(c, out var list))
                {
                    internalEdges[c] = list = [];
                }

                list.Add(edge);
            }
        }

        var candidates = new List<(int Community, List<int> Accounts, double Score)>();
        foreach (var (community, accounts) in members)
        {
            if (accounts.Count >= options.MinClusterSize)
            {
                candidates.Add((community, accounts, Score(accounts, internalEdges.GetValueOrDefault(community) ?? [])));
            }
        }

        candidates.Sort((x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : x.Accounts[0].CompareTo(y.Accounts[0]));
        var clusterOf = new int[table.Accounts.Count];
        Array.Fill(clusterOf, -1);
        var detailed = Math.Min(candidates.Count, options.MaxDetailedClusters);
        for (var i = 0; i < detailed; i++)
        {
            foreach (var a in candidates[i].Accounts)
            {
                clusterOf[a] = i;
            }
        }

        var evidence = CollectEvidence(candidates, internalEdges, detailed, clusterOf, sources, coSharePairs);
        var shared = CollectSharedItems(detailed, clusterOf, sources, coSharePairs);
        var (timelines, activityCounts, firsts, lasts) = Timelines(detailed, clusterOf);
        var perAccount = new int[table.Accounts.Count];
        foreach (var a in table.Account)
        {
            perAccount[a]++;
        }

        var result = new List<DetectedCluster>(candidates.Count);
        for (var rank = 0; rank < candidates.Count; rank++)
        {
            var (community, accounts, score) = candidates[rank];
            var inside = internalEdges.GetValueOrDefault(community) ?? [];
            var degree = new Dictionary<int, int>();
            long coActions = 0;
            foreach (var (a, b, data) in inside)
            {
                degree[a] = degree.GetValueOrDefault(a) + 1;
                degree[b] = degree.GetValueOrDefault(b) + 1;
                coActions += data.Weight;
            }

            var isDetailed = rank < detailed;
            var clusterEdges = new List<ClusterEdge>();
            if (isDetailed)
            {
                foreach (var (a, b, data) in TopEdges(inside))
                {
                    clusterEdges.Add(new ClusterEdge
                    {
                        Edge = ToAccountEdge(a, b, data),
                        Evidence = evidence.GetValueOrDefault(CoordinationGraph.Key(a, b)) ?? [],
                    });
                }
            }

            long activities = 0;
            foreach (var a in accounts)
            {
                activities += perAccount[a];
            }

            result.Add(new DetectedCluster
            {
                Id = rank + 1,
                Rank = rank + 1,
                Score = Math.Round(score, 4),
                Component = communities.ComponentOf[accounts[0]],
                Accounts = accounts.Select(a => table.Accounts.Ids[a]).ToList(),
                AccountDetails = accounts.Select(a => Account(a, perAccount[a], degree.GetValueOrDefault(a))).ToList(),
                Counts = new ClusterCounts
                {
                    Accounts = accounts.Count,
                    Edges = inside.Count,
                    Activities = activities,
                    CoActions = coActions,
                    SharedItems = isDetailed ? shared[rank].Count : 0,
                },
                StrongestSignals = Strengths(inside),
                Edges = clusterEdges,
                SharedItems = isDetailed ? shared[rank] : [],
                Timeline = isDetailed ? timelines[rank] : [],
                FirstActivity = DateTimeOffset.FromUnixTimeSeconds(isDetailed ? firsts[rank] : 0),
                LastActivity = DateTimeOffset.FromUnixTimeSeconds(isDetailed ? lasts[rank] : 0),
            });
        }

        return result;
    }

    private double Score(List<int> accounts, List<(int A, int B, CoordinationGraph.EdgeData Data)> inside)
    {
        var n = accounts.Count;
        double strength = 0;
        var used = new bool[CoordinationGraph.SignalCount];
        foreach (var (_, _, data) in inside)
        {
            strength += data.MaxStrength > 0 ? Math.Min(data.MaxStrength, 50) : Math.Log2(1 + data.Weight);
            for (var s = 0; s < used.Length; s++)
            {
                used[s] |= data.CoActions[s] > 0;
            }
        }

        var flagged = accounts.Count(a => flags[a].Count > 0);
        var density = n < 2 ? 0 : inside.Count / (n * (n - 1) / 2.0);
        var signals = Math.Max(1, used.Count(u => u));
        return strength / n * (0.5 + (0.5 * density)) * (1 + (0.2 * (signals - 1))) * (1 + ((double)flagged / n));
    }

    private IEnumerable<(int A, int B, CoordinationGraph.EdgeData Data)> TopEdges(List<(int A, int B, CoordinationGraph.EdgeData Data)> inside) =>
        inside.Count <= options.MaxEdgesPerCluster
            ? inside
            : inside.OrderByDescending(e => e.Data.Weight).ThenBy(e => e.A).ThenBy(e => e.B).Take(options.MaxEdgesPerCluster);

    private ClusterAccount Account(int a, int activities, int degree)
    {
        var accounts = table.Accounts;
        return new ClusterAccount
        {
            Id = accounts.Ids[a],
            Handle = accounts.Handles[a],
            Platform = accounts.Platforms[a],
            CreatedAt = accounts.CreatedAt[a] == AccountTable.UnknownTime ? null : DateTimeOffset.FromUnixTimeSeconds(accounts.CreatedAt[a]),
            Location = accounts.Locations[a],
            Activities = activities,
            Degree = degree,
            Flags = flags[a],
        };
    }

    private List<SignalStrength> Strengths(List<(int A, int B, CoordinationGraph.EdgeData Data)> inside)
    {
        var list = new List<SignalStrength>();
        foreach (var kind in Kinds)
        {
            var s = (int)kind;
            int count = 0, coActions = 0;
            double max = 0;
            foreach (var (_, _, data) in inside)
            {
                if (data.CoActions[s] > 0)
                {
                    count++;
                    coActions += data.CoActions[s];
                    max = Math.Max(max, data.Strength[s]);
                }
            }

            if (count > 0)
            {
                list.Add(new SignalStrength
                {
                    Signal = options.CooRTweet is null ? SignalNames.Of(kind) : "co-share",
                    Edges = count,
                    CoActions = coActions,
                    MaxStrength = Math.Round(max, 3),
                });
            }
        }

        return [.. list.OrderByDescending(x => x.MaxStrength).ThenByDescending(x => x.CoActions)];
    }

    private Dictionary<ulong, List<EvidenceItem>> CollectEvidence(
        List<(int Community, List<int> Accounts, double Score)> clusters,
        Dictionary<int, List<(int A, int B, CoordinationGraph.EdgeData Data)>> internalEdges,
        int detailed,
        int[] clusterOf,
        List<EvidenceSource> sources,
        IReadOnlyList<CoSharePair>? coSharePairs)
    {
        var evidence = new Dictionary<ulong, List<EvidenceItem>>();
        for (var i = 0; i < detailed; i++)
        {
            foreach (var (a, b, _) in TopEdges(internalEdges.GetValueOrDefault(clusters[i].Community) ?? []))
            {
                evidence[CoordinationGraph.Key(a, b)] = [];
            }
        }

        if (evidence.Count == 0)
        {
            return evidence;
        }

        void Add(int rowX, int rowY, string signal, string item)
        {
            var (ax, ay) = (table.Account[rowX], table.Account[rowY]);
            if (clusterOf[ax] < 0 || clusterOf[ax] != clusterOf[ay]
                || !evidence.TryGetValue(CoordinationGraph.Key(ax, ay), out var list) || list.Count >= options.MaxEvidencePerEdge)
            {
                return;
            }

            if (ax > ay)
            {
                (rowX, rowY) = (rowY, rowX);
            }

            list.Add(new EvidenceItem
            {
                Signal = signal,
                Item = item,
                SourceTime = DateTimeOffset.FromUnixTimeSeconds(table.Time[rowX]),
                TargetTime = DateTimeOffset.FromUnixTimeSeconds(table.Time[rowY]),
                SourceActivity = table.ActivityId[rowX],
                TargetActivity = table.ActivityId[rowY],
            });
        }

        if (coSharePairs is not null)
        {
            foreach (var pair in coSharePairs)
            {
                Add(pair.Older, pair.Newer, "co-share", table.References[table.Reference[pair.Older]]);
            }

            return evidence;
        }

        foreach (var source in sources)
        {
            var occurrences = source.Occurrences;
            var name = SignalNames.Of(occurrences.Kind);
            var signalIndex = (int)occurrences.Kind;
            for (var item = 0; item < occurrences.ItemCount; item++)
            {
                if (!HasTwoClusterAccounts(occurrences, item, clusterOf))
                {
                    continue;
                }

                var label = occurrences.Label(item);
                PairGenerator.VisitItem(occurrences, item, source.WindowSeconds, source.MaxPairsPerShare, (i, j) =>
                {
                    if (graph.TryGet(occurrences.Accounts[i], occurrences.Accounts[j], out var data) && data.CoActions[signalIndex] > 0)
                    {
                        Add(occurrences.Rows[i], occurrences.Rows[j], name, label);
                    }
                });
            }
        }

        return evidence;
    }

    private static bool HasTwoClusterAccounts(Occurrences occurrences, int item, int[] clusterOf)
    {
        var seen = -1;
        for (var p = occurrences.Offsets[item]; p < occurrences.Offsets[item + 1]; p++)
        {
            var account = occurrences.Accounts[p];
            if (clusterOf[account] >= 0)
            {
                if (seen >= 0 && seen != account)
                {
                    return true;
                }

                seen = account;
            }
        }

        return false;
    }

    private List<SharedItem>[] CollectSharedItems(
        int detailed, int[] clusterOf, List<EvidenceSource> sources, IReadOnlyList<CoSharePair>? coSharePairs)
    {
        var perCluster = new Dictionary<(string Signal, string Item), ItemTally>[detailed];
        for (var i = 0; i < detailed; i++)
        {
            perCluster[i] = [];
        }

        void Tally(int cluster, string signal, Func<string> item, int itemKey, int account, long time, Dictionary<(int, int, int), ItemTally> byKey)
        {
            if (!byKey.TryGetValue((cluster, itemKey, 0), out var tally))
            {
                byKey[(cluster, itemKey, 0)] = tally = new ItemTally(signal, item());
                perCluster[cluster][(signal, tally.Item)] = tally;
            }

            tally.Accounts.Add(account);
            tally.Shares++;
            tally.First = Math.Min(tally.First, time);
            tally.Last = Math.Max(tally.Last, time);
        }

        if (coSharePairs is not null)
        {
            var byKey = new Dictionary<(int, int, int), ItemTally>();
            for (var r = 0; r < table.Count; r++)
            {
                var c = clusterOf[table.Account[r]];
                if (c >= 0 && table.Reference[r] >= 0)
                {
                    var reference = table.Reference[r];
                    Tally(c, "co-share", () => table.References[reference], reference, table.Account[r], table.Time[r], byKey);
                }
            }
        }
        else
        {
            foreach (var source in sources)
            {
                var occurrences = source.Occurrences;
                if (occurrences.Kind == SignalKind.SynchronizedActivity)
                {
                    continue;
                }

                var name = SignalNames.Of(occurrences.Kind);
                var byKey = new Dictionary<(int, int, int), ItemTally>();
                for (var item = 0; item < occurrences.ItemCount; item++)
                {
                    if (!HasTwoClusterAccounts(occurrences, item, clusterOf))
                    {
                        continue;
                    }

                    for (var p = occurrences.Offsets[item]; p < occurrences.Offsets[item + 1]; p++)
                    {
                        var c = clusterOf[occurrences.Accounts[p]];
                        if (c >= 0)
                        {
                            var k = item;
                            Tally(c, name, () => occurrences.Label(k), item, occurrences.Accounts[p], occurrences.Times[p], byKey);
                        }
                    }
                }
            }
        }

        var result = new List<SharedItem>[detailed];
        for (var i = 0; i < detailed; i++)
        {
            result[i] = perCluster[i].Values
                .Where(t => t.Accounts.Count >= 2)
                .OrderByDescending(t => t.Accounts.Count).ThenByDescending(t => t.Shares).ThenBy(t => t.Item, StringComparer.Ordinal)
                .Take(MaxSharedItems)
                .Select(t => new SharedItem
                {
                    Signal = t.Signal,
                    Item = t.Item,
                    Accounts = t.Accounts.Count,
                    Shares = t.Shares,
                    First = DateTimeOffset.FromUnixTimeSeconds(t.First),
                    Last = DateTimeOffset.FromUnixTimeSeconds(t.Last),
                })
                .ToList();
        }

        return result;
    }

    private (List<TimelineBin>[] Timelines, long[] Counts, long[] First, long[] Last) Timelines(int detailed, int[] clusterOf)
    {
        var first = new long[detailed];
        var last = new long[detailed];
        var counts = new long[detailed];
        Array.Fill(first, long.MaxValue);
        Array.Fill(last, long.MinValue);
        for (var r = 0; r < table.Count; r++)
        {
            var c = clusterOf[table.Account[r]];
            if (c >= 0)
            {
                counts[c]++;
                first[c] = Math.Min(first[c], table.Time[r]);
                last[c] = Math.Max(last[c], table.Time[r]);
            }
        }

        var bins = new int[detailed, TimelineBins];
        for (var r = 0; r < table.Count; r++)
        {
            var c = clusterOf[table.Account[r]];
            if (c >= 0)
            {
                var span = Math.Max(1, last[c] - first[c] + 1);
                bins[c, (int)((table.Time[r] - first[c]) * TimelineBins / span)]++;
            }
        }

        var timelines = new List<TimelineBin>[detailed];
        for (var c = 0; c < detailed; c++)
        {
            timelines[c] = [];
            if (counts[c] == 0)
            {
                first[c] = last[c] = 0;
                continue;
            }

            var span = Math.Max(1, last[c] - first[c] + 1);
            for (var b = 0; b < TimelineBins; b++)
            {
                timelines[c].Add(new TimelineBin(DateTimeOffset.FromUnixTimeSeconds(first[c] + (span * b / TimelineBins)), bins[c, b]));
            }
        }

        return (timelines, counts, first, last);
    }

    private sealed class ItemTally(string signal, string item)
    {
        public string Signal { get; } = signal;
        public string Item { get; } = item;
        public HashSet<int> Accounts { get; } = [];
        public int Shares { get; set; }
        public long First { get; set; } = long.MaxValue;
        public long Last { get; set; } = long.MinValue;
    }
}
