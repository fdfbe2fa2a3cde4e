using BenchmarkDotNet.Attributes;
using Vigil.Core.Patterning;

namespace Vigil.Benchmarks.Patterning;

/// <summary>Parse rate: 1,000 typical indicator patterns per operation.</summary>
[MemoryDiagnoser]
[MedianColumn]
[ShortRunJob]
public class PatternParseBenchmarks
{
    private string[] patterns = [];

    [GlobalSetup]
    public void Setup() => patterns = IndicatorCorpus.Patterns(1_000);

    [Benchmark(OperationsPerInvoke = 1_000)]
    public int Parse()
    {
        var nodes = 0;
        foreach (var pattern in patterns)
        {
            nodes += StixPatternParser.Parse(pattern).Text.Length;
        }

        return nodes;
    }
}
