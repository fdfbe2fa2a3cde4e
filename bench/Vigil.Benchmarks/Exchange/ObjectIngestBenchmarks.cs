using BenchmarkDotNet.Attributes;
using Vigil.Core.Privacy;
using Vigil.Storage.Objects;

namespace Vigil.Benchmarks.Exchange;

/// <summary>Envelopes of 1,000 objects written through the object store (audience planning, checks, one transaction). Time is per object.</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class ObjectIngestBenchmarks
{
    private const int EnvelopeSize = 1000;
    private ExchangeBenchData _data = null!;
    private int _seed;

    [Params("sqlite", "postgres")]
    public string Provider { get; set; } = "sqlite";

    /// <summary>Whether the data-minimization policy (the default one) checks every object, as on member writes.</summary>
    [Params(false, true)]
    public bool Policy { get; set; }

    [GlobalSetup]
    public void Setup() => _data = ExchangeBenchData.CreateAsync(Provider).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _data.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = EnvelopeSize)]
    public async Task<bool> AddEnvelope()
    {
        var objects = ExchangeBenchData.Envelope(EnvelopeSize, _seed += EnvelopeSize);
        var result = await _data.Store.AddEnvelopeAsync(new EnvelopeWrite
        {
            Writer = _data.Writer, Collection = _data.Collection, Objects = objects, Policy = Policy ? DataPolicy.Default : null,
        });
        return result.Stored;
    }
}
