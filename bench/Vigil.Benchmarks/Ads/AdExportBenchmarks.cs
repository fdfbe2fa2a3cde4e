using BenchmarkDotNet.Attributes;
using Vigil.Ads.Export;
using Vigil.Ads.Model;

namespace Vigil.Benchmarks.Ads;

/// <summary>Export rate: one operation streams <see cref="Ads"/> ads to a discarding stream as CSV or JSON Lines.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class AdExportBenchmarks
{
    private List<Ad> _ads = [];

    [Params(100_000, 1_000_000)]
    public int Ads { get; set; }

    [GlobalSetup]
    public void Setup() => _ads = AdBenchData.Ads(Ads);

    [Benchmark]
    public Task<long> Csv() => AdCsvWriter.WriteAsync(_ads, Stream.Null, CancellationToken.None);

    [Benchmark]
    public Task<long> JsonLines() => AdJsonLinesWriter.WriteAsync(_ads, Stream.Null, CancellationToken.None);
}
