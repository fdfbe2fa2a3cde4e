using BenchmarkDotNet.Attributes;
using Vigil.Ledger.Entries;
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
        _key = NoteSigner.FromSeed("bench.example/log", NoteKeyType.Ed25519, new byte[32]);
        var at = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var all = new ReadOnlyMemory<byte>[Entries];
        for (var i = 0; i < Entries; i++)
        {
            all[i] = LedgerEntryCodec.Serialize(new ObjectShared
            {
                OccurredAt = at.AddMilliseconds(i),
                ObjectId = $"indicator--{Guid.CreateVersion7():D}",
                ObjectVersion = "2026-05-01T00:00:00.000Z",
                AuthorOrg = $"org-{i % 97}",
                ContentClass = "public-content",
                Recipients = ["org-gov-1", "group-12"],
                Marking = "TLP:GREEN",
            });
        }

        _batches = all.Chunk(BatchSize).Select(c => c.ToList()).ToArray();
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
