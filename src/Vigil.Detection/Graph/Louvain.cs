namespace Vigil.Detection.Graph;

/// <summary>
/// Louvain community detection (modularity, weighted, undirected). Deterministic: nodes are visited
/// in an order drawn from the seed, ties keep the current community, and levels repeat until no
/// node moves.
/// </summary>
internal static class Louvain
{
    /// <summary>Returns a dense community number per node (0..n-1).</summary>
    public static int[] Detect(int nodeCount, IReadOnlyList<WeightedEdge> edges, int seed)
    {
        var membership = new int[nodeCount];
        for (var i = 0; i < nodeCount; i++)
        {
            membership[i] = i;
        }

        if (edges.Count == 0)
        {
            return membership;
        }

        var level = Adjacency.From(nodeCount, edges);
        var random = new Random(seed);
        for (var round = 0; round < 20; round++)
        {
            var community = MoveNodes(level, random);
            var (dense, count) = Renumber(community);
            for (var i = 0; i < nodeCount; i++)
            {
                membership[i] = dense[membership[i]];
            }

            if (count == level.Count)
            {
                break;
            }

            level = level.Aggregate(dense, count);
        }

        return membership;
    }

    private static int[] MoveNodes(Adjacency graph, Random random)
    {
        var n = graph.Count;
        var community = new int[n];
        var total = new double[n];
        for (var i = 0; i < n; i++)
        {
            community[i] = i;
            total[i] = graph.Degree[i];
        }

        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        random.Shuffle(order);
        var twoM = 2 * graph.TotalWeight;
        var toCommunity = new double[n];
        var touched = new List<int>();
        for (var pass = 0; pass < 100; pass++)
        {
            var moved = false;
            foreach (var node in order)
            {
                var current = community[node];
                touched.Clear();
                for (var e = graph.Offsets[node]; e < graph.Offsets[node + 1]; e++)
                {
                    var neighbor = graph.Targets[e];
                    if (neighbor == node)
                    {
                        continue;
                    }

                    var c = community[neighbor];
                    if (toCommunity[c] == 0)
                    {
                        touched.Add(c);
                    }

                    toCommunity[c] += graph.Weights[e];
                }

                var k = graph.Degree[node];
                total[current] -= k;
                var best = current;
                var bestGain = toCommunity[current] - (total[current] * k / twoM);
                foreach (var c in touched)
                {
                    var gain = toCommunity[c] - (total[c] * k / twoM);
                    if (gain > bestGain + 1e-12)
                    {
                        best = c;
                        bestGain = gain;
                    }
                }

                total[best] += k;
                community[node] = best;
                moved |= best != current;
                foreach (var c in touched)
                {
                    toCommunity[c] = 0;
                }

                toCommunity[current] = 0;
            }

            if (!moved)
            {
                break;
            }
        }

        return community;
    }

    private static (int[] Dense, int Count) Renumber(int[] community)
    {
        var map = new int[community.Length];
        Array.Fill(map, -1);
        var dense = new int[community.Length];
        var count = 0;
        for (var i = 0; i < community.Length; i++)
        {
            var c = community[i];
            if (map[c] < 0)
            {
                map[c] = count++;
            }

            dense[i] = map[c];
        }

        return (dense, count);
    }

    private sealed class Adjacency
    {
        public required int Count { get; init; }
        public required int[] Offsets { get; init; }
        public required int[] Targets { get; init; }
        public required double[] Weights { get; init; }
        public required double[] Degree { get; init; }
        public required double TotalWeight { get; init; }

        public static Adjacency From(int n, IReadOnlyList<WeightedEdge> edges)
        {
            var list = new List<(int, int, double)>(edges.Count);
            foreach (var e in edges)
            {
                list.Add((e.A, e.B, e.Weight));
            }

            return Build(n, list);
        }

        public Adjacency Aggregate(int[] communityOf, int count)
        {
            var merged = new Dictionary<long, double>();
            for (var a = 0; a < Count; a++)
            {
                for (var e = Offsets[a]; e < Offsets[a + 1]; e++)
                {
                    var b = Targets[e];
                    if (b < a)
                    {
                        continue; // each undirected edge once (self-loops have b == a)
                    }

                    var (ca, cb) = (communityOf[a], communityOf[b]);
                    if (ca > cb)
                    {
                        (ca, cb) = (cb, ca);
                    }

                    var key = ((long)ca << 32) | (uint)cb;
                    merged[key] = merged.GetValueOrDefault(key) + Weights[e];
                }
            }

            var list = new List<(int, int, double)>(merged.Count);
            foreach (var key in merged.Keys.Order())
            {
                list.Add(((int)(key >> 32), (int)(key & 0xFFFFFFFF), merged[key]));
            }

            return Build(count, list);
        }

        private static Adjacency Build(int n, List<(int A, int B, double W)> edges)
        {
            var offsets = new int[n + 1];
            var degree = new double[n];
            double total = 0;
            foreach (var (a, b, w) in edges)
            {
                offsets[a + 1]++;
                if (a != b)
                {
                    offsets[b + 1]++;
                }

                degree[a] += w;
                degree[b] += w;
                total += w;
            }

            for (var i = 0; i < n; i++)
            {
                offsets[i + 1] += offsets[i];
            }

            var next = offsets.AsSpan(0, n).ToArray();
            var targets = new int[offsets[n]];
            var weights = new double[offsets[n]];
            foreach (var (a, b, w) in edges)
            {
                targets[next[a]] = b;
                weights[next[a]++] = w;
                if (a != b)
                {
                    targets[next[b]] = a;
                    weights[next[b]++] = w;
                }
            }

            return new Adjacency { Count = n, Offsets = offsets, Targets = targets, Weights = weights, Degree = degree, TotalWeight = total };
        }
    }
}
