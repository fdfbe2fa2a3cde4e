using Vigil.Detection.Signals;

namespace Vigil.Detection.Graph;

/// <summary>
/// The kept account-account edges, keyed by (min account, max account), with co-actions per signal,
/// plus communities (Louvain) and connected components over the accounts that have edges.
/// </summary>
internal sealed class CoordinationGraph
{
    public const int SignalCount = 8;

    private readonly Dictionary<ulong, EdgeData> _edges = [];

    public sealed class EdgeData
    {
        public int[] CoActions { get; } = new int[SignalCount];
        public double[] Strength { get; } = new double[SignalCount];
        public int Weight { get; set; }
        public double MaxStrength { get; set; }
    }

    public int EdgeCount => _edges.Count;

    public static ulong Key(int a, int b) => a < b ? ((ulong)(uint)a << 32) | (uint)b : ((ulong)(uint)b << 32) | (uint)a;

    public void Add(int a, int b, SignalKind signal, int coActions, double strength)
    {
        var key = Key(a, b);
        if (!_edges.TryGetValue(key, out var data))
        {
            _edges[key] = data = new EdgeData();
        }

        data.CoActions[(int)signal] += coActions;
        data.Strength[(int)signal] = Math.Max(data.Strength[(int)signal], strength);
        data.Weight += coActions;
        data.MaxStrength = Math.Max(data.MaxStrength, strength);
    }

    public bool TryGet(int a, int b, out EdgeData data) => _edges.TryGetValue(Key(a, b), out data!);

    /// <summary>Edges in a fixed order (by key), so everything downstream is deterministic.</summary>
    public List<(int A, int B, EdgeData Data)> OrderedEdges()
    {
        var keys = _edges.Keys.ToArray();
        Array.Sort(keys);
        var list = new List<(int, int, EdgeData)>(keys.Length);
        foreach (var key in keys)
        {
            list.Add(((int)(key >> 32), (int)(uint)key, _edges[key]));
        }

        return list;
    }
}
