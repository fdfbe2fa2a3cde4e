using BenchmarkDotNet.Attributes;
using Vigil.Core.Patterning;
using Vigil.Core.Patterning.Indexing;

namespace Vigil.Benchmarks.Patterning;

/// <summary>Building the term index over already parsed indicators (what a restart or a reload costs).</summary>
[MemoryDiagnoser]
[MedianColumn]
[ShortRunJob]
public class IndicatorIndexBuildBenchmarks
{
    private PatternEntry[] entries = [];

    [Params(10_000, 100_000)]
    public int Indicators { get; set; }

    [GlobalSetup]
    public void Setup() => entries = IndicatorCorpus.Patterns(Indicators)
        .Select((p, i) => new PatternEntry("indicator--" + i, StixPatternParser.Parse(p)))
        .ToArray();

    [Benchmark]
    public int Build() => new IndicatorMatcher(entries).IndexedCount;
}
