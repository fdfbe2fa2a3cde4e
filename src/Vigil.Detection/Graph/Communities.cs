namespace Vigil.Detection.Graph;

/// <summary>Communities and connected components of the coordination network, per account (−1: not in the network).</summary>
internal sealed record Communities(int[] CommunityOf, int[] ComponentOf, int Vertices, int ComponentCount)
{
    public static Communities Find(int accountCount, List<(int A, int B, CoordinationGraph.EdgeData Data)> edges, int seed, bool weighted)
    {
        var local = new int[accountCount];
        Array.Fill(local, -1);
        var vertices = new List<int>();
        foreach (var (a, b, _) in edges)
        {
            foreach (var v in (ReadOnlySpan<int>)[a, b])
            {
                if (local[v] < 0)
                {
                    local[v] = vertices.Count;
                    vertices.Add(v);
                }
            }
        }

        var weightedEdges = new List<WeightedEdge>(edges.Count);
        var sets = new UnionFind(vertices.Count);
        foreach (var (a, b, data) in edges)
        {
            weightedEdges.Add(new WeightedEdge(local[a], local[b], weighted ? data.Weight : 1));
            sets.Union(local[a], local[b]);
        }

        var membership = Louvain.Detect(vertices.Count, weightedEdges, seed);
        var communityOf = new int[accountCount];
        var componentOf = new int[accountCount];
        Array.Fill(communityOf, -1);
        Array.Fill(componentOf, -1);
        var componentIds = new Dictionary<int, int>();
        for (var i = 0; i < vertices.Count; i++)
        {
            communityOf[vertices[i]] = membership[i];
            var root = sets.Find(i);
            if (!componentIds.TryGetValue(root, out var id))
            {
                componentIds[root] = id = componentIds.Count;
            }

            componentOf[vertices[i]] = id;
        }

        return new Communities(communityOf, componentOf, vertices.Count, componentIds.Count);
    }
}
