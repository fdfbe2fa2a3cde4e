using BenchmarkDotNet.Attributes;
using Vigil.Detection;
using Vigil.Detection.Activities;

namespace Vigil.Benchmarks.Detection;

/// <summary>Detection end to end on a table in memory: all signals, null model, clusters, evidence.</summary>
[ShortRunJob]
[MemoryDiagnoser]
[MedianColumn]
public class EndToEndDetectionBenchmarks
{
    private ActivityTable _table = null!;

    [Params(100_000, 1_000_000, 3_000_000)]
    public int Activities { get; set; }

    [GlobalSetup]
    public void Setup() => _table = DetectionBenchmarkData.Generate(Activities).Table;

    [Benchmark]
    public int Detect() => DetectionEngine.Run(_table, new DetectionOptions()).Summary.Edges;
}
