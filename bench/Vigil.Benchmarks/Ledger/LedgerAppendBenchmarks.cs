using BenchmarkDotNet.Attributes;
using Vigil.Ledger.Log;
using Vigil.Ledger.Notes;
using Vigil.Ledger.Storage;

namespace Vigil.Benchmarks.Ledger;

/// <summary>
/// Append rate of the in-memory log: realistic canonical-JSON entries appended in batches, with one signed
/// checkpoint per batch (batched signing). Reported time is per entry.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class LedgerAppendBenchmarks
{
    private const int Entries = 100_000;
    private List<ReadOnlyMemory<byte>>[] _batches = [];
    private NoteSigner? _key;
    private TransparencyLog? _log;

    [Params(100, 1000)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _key = LedgerBenchData.Signer();
        _batches = LedgerBenchData.Batches(Entries, BatchSize);
    }

    [IterationSetup]
    public void NewLog()
    {
        _log?.Dispose();
        _log = new TransparencyLog(new InMemoryLogStore(), _key!);
    }

    [Benchmark(OperationsPerInvoke = Entries)]
    public async Task Append_with_a_checkpoint_per_batch()
    {
        foreach (var batch in _batches)
        {
            await _log!.AppendAsync(batch);
            await _log.SignCheckpointAsync();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _log?.Dispose();
        _key?.Dispose();
    }
}
