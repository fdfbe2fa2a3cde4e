using BenchmarkDotNet.Attributes;
using Vigil.Server.Enrichment;
using Vigil.Storage.Objects;

namespace Vigil.Benchmarks.Enrichment;

/// <summary>
/// Building a reader's indicator snapshot from stored versions (JSON read, pattern parse, index build): the cost paid on
/// the first match request, after <see cref="IndicatorCatalog.MaxAge"/> and when the delta of changes grows too large; a few
/// changes are laid over the snapshot instead (<see cref="IndicatorSnapshot.WithAdded"/>). The store query is not included.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[ShortRunJob]
public class IndicatorSnapshotBenchmarks
{
    private List<StoredObject> stored = [];
    private IndicatorSnapshot snapshot = null!;
    private StoredObject[] added = [];

    [Params(10_000, 100_000)]
    public int Indicators { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        stored = MatchBenchData.Indicators(Indicators);
        snapshot = IndicatorSnapshot.Build(stored, MatchBenchData.Now);
        added = [.. stored.Take(100).Select((s, i) => s with { Seq = s.Seq + Indicators + i })];
    }

    [Benchmark]
    public int Build() => IndicatorSnapshot.Build(stored, MatchBenchData.Now).Count;

    /// <summary>100 changed indicators laid over the built snapshot: what a match request pays after a few new shares.</summary>
    [Benchmark]
    public int AddHundred() => snapshot.WithAdded(added, MatchBenchData.Now)!.Count;
}
