using BenchmarkDotNet.Attributes;
using Vigil.Media.Index;
using Vigil.Media.Pdq;

namespace Vigil.Benchmarks.Media;

/// <summary>"All hashes within distance 31" over 1M and 10M random hashes (with planted near copies).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class HashIndexBenchmarks
{
    private PdqHash[] _hashes = [];
    private BruteForceIndex _brute = null!;
    private MultiIndexHashIndex _index = null!;
    private PdqHash[] _queries = [];
    private PdqHash[] _fresh = [];
    private int _next;

    [Params(1_000_000, 10_000_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _hashes = MediaBenchData.RandomHashes(Count, planted: 200);
        _brute = new BruteForceIndex(Count);
        _brute.AddRange(_hashes);
        _index = new MultiIndexHashIndex(_hashes);
        var random = new Random(7);
        // Half the queries have planted neighbours, half are fresh random hashes.
        _queries = Enumerable.Range(0, 64)
            .Select(i => i % 2 == 0 ? _hashes[0] : new PdqHash((ulong)random.NextInt64(), (ulong)random.NextInt64(), (ulong)random.NextInt64(), (ulong)random.NextInt64()))
            .ToArray();
        // Many distinct unrelated queries, so that no query finds its buckets still in the cache from an earlier one.
        _fresh = [.. Enumerable.Range(0, 8192).Select(_ => new PdqHash((ulong)random.NextInt64(), (ulong)random.NextInt64(), (ulong)random.NextInt64(), (ulong)random.NextInt64()))];
        Console.WriteLine($"// {Count} hashes: brute force {_brute.MemoryBytes / (double)Count:F1} B/hash, multi-index {_index.MemoryBytes / (double)Count:F1} B/hash over {_index.ChunkCount} chunks");
    }

    [Benchmark]
    public int BruteForceScan() => _brute.Query(_queries[_next++ & 63], 31).Count;

    [Benchmark]
    public int MultiIndexQuery() => _index.Query(_queries[_next++ & 63], 31).Count;

    [Benchmark]
    public int MultiIndexQueryFresh() => _index.Query(_fresh[_next++ & 8191], 31).Count;

    [Benchmark]
    public int MultiIndexBuild() => new MultiIndexHashIndex(_hashes).ChunkCount;
}
