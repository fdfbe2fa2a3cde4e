using BenchmarkDotNet.Attributes;
using Vigil.Ledger.Log;
using Vigil.Ledger.Merkle;
using Vigil.Ledger.Notes;
using Vigil.Ledger.Storage;

namespace Vigil.Benchmarks.Ledger;

/// <summary>
/// Root, inclusion and consistency proofs computed from stored tile hashes at 100k, 1M and 10M entries (leaves
/// generated at run time). Each invocation cycles through precomputed random indexes and sizes.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class LedgerProofBenchmarks
{
    private const int Probes = 1024;
    private readonly long[] _indexes = new long[Probes];
    private readonly long[] _oldSizes = new long[Probes];
    private NoteSigner? _key;
    private TransparencyLog? _log;
    private int _next;

    [Params(100_000, 1_000_000, 10_000_000)]
    public int Size { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _key = NoteSigner.FromSeed("bench.example/log", NoteKeyType.Ed25519, new byte[32]);
        _log = new TransparencyLog(new InMemoryLogStore(indexLeafHashes: false), _key);
        const int batch = 1 << 16;
        var entries = new List<ReadOnlyMemory<byte>>(batch);
        for (long start = 0; start < Size; start += batch)
        {
            entries.Clear();
            var end = Math.Min(Size, start + batch);
            for (var i = start; i < end; i++)
            {
                entries.Add(BitConverter.GetBytes(i));
            }

            await _log.AppendAsync(entries);
        }

        var random = new Random(42);
        for (var i = 0; i < Probes; i++)
        {
            _indexes[i] = random.NextInt64(Size);
            _oldSizes[i] = 1 + random.NextInt64(Size - 1);
        }
    }

    [Benchmark]
    public Task<MerkleHash> Root() => _log!.GetRootAsync(Size - (_next++ % Probes));

    [Benchmark]
    public Task<InclusionProof> Inclusion_proof() => _log!.GetInclusionProofAsync(_indexes[_next++ % Probes], Size);

    [Benchmark]
    public Task<ConsistencyProof> Consistency_proof() => _log!.GetConsistencyProofAsync(_oldSizes[_next++ % Probes], Size);

    [GlobalCleanup]
    public void Cleanup()
    {
        _log?.Dispose();
        _key?.Dispose();
    }
}
