using BenchmarkDotNet.Attributes;

namespace Vigil.Benchmarks.Exchange;

/// <summary>
/// TAXII over loopback against a running hub (for example <c>vigil serve --demo</c>): set VIGIL_BENCH_TAXII_URL,
/// VIGIL_BENCH_TAXII_KEY (an API key that may write) and VIGIL_BENCH_TAXII_COLLECTION. Setup posts
/// <see cref="Objects"/> objects through TAXII; each operation is one round of 32 concurrent page reads
/// (100 indicators, policy enforced). The p50/p99 of every request is printed at cleanup.
/// </summary>
[ShortRunJob]
public class TaxiiLoadBenchmarks
{
    private const int Clients = 32;
    private TaxiiLoadGenerator _load = null!;

    [Params(100_000)]
    public int Objects { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        static string Need(string name) => Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException($"Set {name}.");
        _load = new TaxiiLoadGenerator(new Uri(Need("VIGIL_BENCH_TAXII_URL")), Need("VIGIL_BENCH_TAXII_KEY"), Need("VIGIL_BENCH_TAXII_COLLECTION"));
        var rate = _load.IngestAsync(Objects).GetAwaiter().GetResult();
        Console.WriteLine($"// TAXII ingest: {rate:F0} objects/s");
    }

    [Benchmark(OperationsPerInvoke = Clients)]
    public async Task<LoadResult> ConcurrentPages() => await _load.ReadAsync(Clients, TimeSpan.FromMilliseconds(200));

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine("// " + _load.ReadAsync(Clients, TimeSpan.FromSeconds(10)).GetAwaiter().GetResult());
        _load.Dispose();
    }
}
