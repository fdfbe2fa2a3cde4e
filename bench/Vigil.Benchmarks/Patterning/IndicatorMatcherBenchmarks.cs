using BenchmarkDotNet.Attributes;
using Vigil.Core.Patterning;
using Vigil.Core.Patterning.Evaluation;
using Vigil.Core.Patterning.Indexing;

namespace Vigil.Benchmarks.Patterning;

/// <summary>
/// Indicator matching service: a batch of observables against the indexed indicators (the index is built once,
/// in setup). The target is 10,000 observables against 100,000 indicators in under a second.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[ShortRunJob]
public class IndicatorMatcherBenchmarks
{
    private IndicatorMatcher matcher = null!;
    private ObservationInput[] observables = [];

    [Params(10_000, 100_000)]
    public int Indicators { get; set; }

    [Params(1_000, 10_000)]
    public int Observables { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var entries = IndicatorCorpus.Patterns(Indicators)
            .Select((p, i) => new PatternEntry("indicator--" + i, StixPatternParser.Parse(p)))
            .ToArray();
        matcher = new IndicatorMatcher(entries);
        observables = IndicatorCorpus.Observables(Observables, Indicators);
    }

    [Benchmark]
    public int MatchBatch() => matcher.Match(observables).Matches.Count;
}
