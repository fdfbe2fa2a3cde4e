using System.Numerics;
using Vigil.Media.Pdq;

namespace Vigil.Media.Index;

/// <summary>
/// Multi-index hashing (Norouzi et al.): the 256 bits are cut into m chunks of about log2(n) bits,
/// each with a direct-address table from chunk value to hash indexes. Two hashes within distance d
/// agree within floor(d/m) bits on at least one chunk (pigeonhole), so probing every chunk value
/// within that radius finds every candidate, and each candidate is verified on all 256 bits.
/// Hashes added after a build are scanned linearly until the next rebuild.
/// </summary>
public sealed class MultiIndexHashIndex : IHashIndex
{
    private const int MinChunkBits = 8;
    private const int MaxChunkBits = 24;
    private readonly PackedHashes _hashes;
    private ChunkLayout? _layout;
    private ChunkTable[] _tables = [];
    private int _indexed;
    private readonly int _fixedChunkBits;
    private readonly bool _alwaysProbe;

    public MultiIndexHashIndex(int capacity = 1024) => _hashes = new PackedHashes(capacity);

    public MultiIndexHashIndex(IEnumerable<PdqHash> hashes)
        : this()
    {
        ArgumentNullException.ThrowIfNull(hashes);
        foreach (var h in hashes)
        {
            _hashes.Add(h);
        }

        Build();
    }

    /// <summary>For tests: fixed chunk width, and probe even where a scan would be cheaper.</summary>
    internal MultiIndexHashIndex(IEnumerable<PdqHash> hashes, int chunkBits, bool alwaysProbe)
        : this()
    {
        (_fixedChunkBits, _alwaysProbe) = (chunkBits, alwaysProbe);
        foreach (var h in hashes)
        {
            _hashes.Add(h);
        }

        Build();
    }

    public int Count => _hashes.Count;

    /// <summary>Number of chunks the current tables use (0 before the first build).</summary>
    public int ChunkCount => _tables.Length;

    public long MemoryBytes => _hashes.MemoryBytes + _tables.Sum(t => t.MemoryBytes);

    public PdqHash this[int index] => _hashes[index];

    public int Add(PdqHash hash)
    {
        var index = _hashes.Add(hash);
        if (Count - _indexed > Math.Max(4096, _indexed / 4))
        {
            Build();
        }

        return index;
    }

    /// <summary>Rebuilds the chunk tables over every hash added so far.</summary>
    public void Build()
    {
        var n = _hashes.Count;
        var bits = _fixedChunkBits > 0 ? _fixedChunkBits : Math.Clamp((int)Math.Ceiling(Math.Log2(Math.Max(2, n))), MinChunkBits, MaxChunkBits);
        var layout = new ChunkLayout((PdqHash.BitCount + bits - 1) / bits);
        var tables = new ChunkTable[layout.Count];
        Parallel.For(0, layout.Count, c => tables[c] = ChunkTable.Build(_hashes, n, layout.Offset(c), layout.Width(c)));
        (_layout, _tables, _indexed) = (layout, tables, n);
    }

    public IReadOnlyList<HashMatch> Query(PdqHash query, int maxDistance = IHashIndex.DefaultMaxDistance)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDistance);
        var matches = new List<HashMatch>();
        var indexed = _indexed;
        if (_layout is { } layout && IsWorthProbing(layout, maxDistance, indexed))
        {
            Probe(query, maxDistance, layout, matches);
            matches.Sort(static (a, b) => a.Index.CompareTo(b.Index));
        }
        else
        {
            indexed = 0;
        }

        _hashes.Scan(query, maxDistance, indexed, _hashes.Count, matches);
        return matches;
    }

    private bool IsWorthProbing(ChunkLayout layout, int maxDistance, int indexed)
    {
        var radius = maxDistance / layout.Count;
        if (_alwaysProbe)
        {
            return radius <= 4;
        }

        double probes = 0;
        for (var c = 0; c < layout.Count; c++)
        {
            probes += Neighbourhood.Size(layout.Width(c), radius) * (1.0 + ((double)indexed / (1L << layout.Width(c))));
        }

        // A probe is a random access; a scanned hash is a sequential one, several times cheaper.
        return probes * 8 < indexed;
    }

    private void Probe(PdqHash query, int maxDistance, ChunkLayout layout, List<HashMatch> matches)
    {
        var radius = maxDistance / layout.Count;
        for (var c = 0; c < layout.Count; c++)
        {
            var table = _tables[c];
            var width = layout.Width(c);
            var value = layout.Extract(query, c);
            var visitor = new ProbeVisitor(this, table, query, maxDistance, layout, c, radius, matches);
            Neighbourhood.Visit(value, width, radius, ref visitor);
        }
    }

    private bool FoundInEarlierChunk(PdqHash query, int index, ChunkLayout layout, int chunk, int radius)
    {
        var candidate = _hashes[index];
        for (var c = 0; c < chunk; c++)
        {
            if (BitOperations.PopCount(layout.Extract(query, c) ^ layout.Extract(candidate, c)) <= radius)
            {
                return true;
            }
        }

        return false;
    }

    private struct ProbeVisitor(
        MultiIndexHashIndex owner, ChunkTable table, PdqHash query, int maxDistance, ChunkLayout layout, int chunk, int radius, List<HashMatch> matches)
        : Neighbourhood.IVisitor
    {
        public readonly void Visit(ulong value)
        {
            foreach (var index in table.Bucket(value))
            {
                var d = owner._hashes.Distance(query, index);
                if (d <= maxDistance && !owner.FoundInEarlierChunk(query, index, layout, chunk, radius))
                {
                    matches.Add(new HashMatch(index, d));
                }
            }
        }
    }
}
