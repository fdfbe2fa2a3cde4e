using BenchmarkDotNet.Attributes;
using Vigil.Ads.Export;
using Vigil.Ads.Import;

namespace Vigil.Benchmarks.Ads;

/// <summary>Import rate: one operation parses and validates <see cref="Ads"/> generated ads from an in-memory file.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class AdImportBenchmarks
{
    private byte[] _csv = [];
    private byte[] _jsonLines = [];

    [Params(10_000, 100_000)]
    public int Ads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var ads = AdBenchData.Ads(Ads);
        using var csv = new MemoryStream();
        AdCsvWriter.WriteAsync(ads, csv, CancellationToken.None).GetAwaiter().GetResult();
        _csv = csv.ToArray();
        using var jsonl = new MemoryStream();
        AdJsonLinesWriter.WriteAsync(ads, jsonl, CancellationToken.None).GetAwaiter().GetResult();
        _jsonLines = jsonl.ToArray();
    }

    [Benchmark]
    public Task<int> MetaCsv() => Import(_csv);

    [Benchmark]
    public Task<int> JsonLines() => Import(_jsonLines);

    private static async Task<int> Import(byte[] data)
    {
        var accepted = 0;
        await foreach (var item in new AdImporter().ImportAsync(new MemoryStream(data), new AdImportOptions()))
        {
            accepted += item.Accepted ? 1 : 0;
        }

        return accepted;
    }
}
