using BenchmarkDotNet.Attributes;
using Vigil.Correlation.Observables;

namespace Vigil.Benchmarks.Correlation;

/// <summary>URL normalization rate: one operation normalizes <see cref="Count"/> messy URLs.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class UrlNormalizationBenchmarks
{
    private UrlNormalizer _urls = null!;
    private string[] _inputs = [];

    [Params(10_000, 100_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _urls = new ObservableNormalizer(CorrelationData.LoadSuffixes()).Urls;
        _inputs = CorrelationData.Urls(Count, sites: 5_000);
    }

    [Benchmark]
    public int NormalizeAll()
    {
        var length = 0;
        foreach (var input in _inputs)
        {
            length += _urls.Normalize(input).Url.Length;
        }

        return length;
    }
}
