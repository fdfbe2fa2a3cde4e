using Vigil.Media.Pdq;

namespace Vigil.Media.Index;

/// <summary>
/// Linear scan: XOR and popcount over packed ulongs, split across all cores for large sets.
/// Memory is 32 bytes per hash; the baseline the sub-linear index must agree with.
/// </summary>
public sealed class BruteForceIndex : IHashIndex
{
    private const int ParallelThreshold = 1 << 16;
    private readonly PackedHashes _hashes;

    public BruteForceIndex(int capacity = 1024) => _hashes = new PackedHashes(capacity);

    public BruteForceIndex(IEnumerable<PdqHash> hashes)
        : this()
    {
        this.AddRange(hashes);
    }

    public int Count => _hashes.Count;

    public long MemoryBytes => _hashes.MemoryBytes;

    public PdqHash this[int index] => _hashes[index];

    public int Add(PdqHash hash) => _hashes.Add(hash);

    public IReadOnlyList<HashMatch> Query(PdqHash query, int maxDistance = IHashIndex.DefaultMaxDistance)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDistance);
        var count = _hashes.Count;
        if (count < ParallelThreshold || Environment.ProcessorCount == 1)
        {
            var single = new List<HashMatch>();
            _hashes.Scan(query, maxDistance, 0, count, single);
            return single;
        }

        var parts = Environment.ProcessorCount * 4;
        var partials = new List<HashMatch>[parts];
        Parallel.For(0, parts, p =>
        {
            var local = new List<HashMatch>();
            _hashes.Scan(query, maxDistance, (int)((long)count * p / parts), (int)((long)count * (p + 1) / parts), local);
            partials[p] = local;
        });

        var matches = new List<HashMatch>(partials.Sum(l => l.Count));
        foreach (var part in partials)
        {
            matches.AddRange(part);
        }

        return matches;
    }
}
