using Vigil.Detection.Signals;

namespace Vigil.Detection.Graph;

/// <summary>
/// Pairs that no single signal convicts but that repeat on several: per signal, a pair with at least
/// two co-actions that was not kept on its own is remembered with its count and its null-model mean.
/// After all signals, a pair seen on two or more signals is tested on the total: co-actions summed
/// over those signals against Poisson(Σλ), kept when P ≤ α / (pairs tested) and the total reaches
/// the minimum co-actions. Co-domain and synchronized activity do not count here: they re-count
/// the same actions as co-link and every other signal, and adding them would double the evidence.
/// </summary>
internal sealed class CombinedEvidence
{
    private readonly Dictionary<ulong, Candidate> _pairs = [];

    public int Count => _pairs.Count;

    public static bool Counts(SignalKind signal) => signal is not (SignalKind.CoDomain or SignalKind.SynchronizedActivity);

    public void Remember(int a, int b, SignalKind signal, int coActions, double expected)
    {
        var key = CoordinationGraph.Key(a, b);
        if (!_pairs.TryGetValue(key, out var candidate))
        {
            _pairs[key] = candidate = new Candidate();
        }

        candidate.CoActions[(int)signal] = coActions;
        candidate.Expected += expected;
        candidate.Total += coActions;
        candidate.Signals++;
    }

    /// <summary>Adds the pairs that pass the combined test to the graph; returns how many.</summary>
    public int AddSignificant(CoordinationGraph graph, int minCoActions, double alpha)
    {
        var tested = 0;
        foreach (var candidate in _pairs.Values)
        {
            tested += candidate.Signals >= 2 ? 1 : 0;
        }

        var threshold = -Math.Log10(alpha / Math.Max(1, tested));
        var kept = 0;
        var keys = _pairs.Keys.ToArray();
        Array.Sort(keys);
        foreach (var key in keys)
        {
            var candidate = _pairs[key];
            if (candidate.Signals < 2 || candidate.Total < minCoActions)
            {
                continue;
            }

            var strength = -NullModel.PoissonTailLog10(candidate.Total, candidate.Expected);
            if (strength < threshold)
            {
                continue;
            }

            kept++;
            for (var s = 0; s < CoordinationGraph.SignalCount; s++)
            {
                if (candidate.CoActions[s] > 0)
                {
                    graph.Add((int)(key >> 32), (int)(uint)key, (SignalKind)s, candidate.CoActions[s], strength);
                }
            }
        }

        return kept;
    }

    private sealed class Candidate
    {
        public int[] CoActions { get; } = new int[CoordinationGraph.SignalCount];
        public double Expected { get; set; }
        public int Total { get; set; }
        public int Signals { get; set; }
    }
}
