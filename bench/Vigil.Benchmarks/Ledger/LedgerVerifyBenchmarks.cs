using BenchmarkDotNet.Attributes;
using Vigil.Ledger.Log;
using Vigil.Ledger.Merkle;
using Vigil.Ledger.Notes;
using Vigil.Ledger.Storage;
using Vigil.Ledger.Verification;

namespace Vigil.Benchmarks.Ledger;

/// <summary>Client-side costs: verifying one proof, and a full end-to-end audit (parse every entry, recompute every tile).</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class LedgerVerifyBenchmarks
{
    private NoteSigner? _key;
    private TransparencyLog? _log;
    private InclusionProof? _inclusion;
    private ConsistencyProof? _consistency;
    private MerkleHash _root;
    private MerkleHash _oldRoot;

    [Params(10_000, 100_000)]
    public int Size { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _key = NoteSigner.FromSeed("bench.example/log", NoteKeyType.Ed25519, new byte[32]);
        _log = new TransparencyLog(new InMemoryLogStore(), _key);
        var at = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var entries = new List<ReadOnlyMemory<byte>>(Size);
        for (var i = 0; i < Size; i++)
        {
            entries.Add(Vigil.Ledger.Entries.LedgerEntryCodec.Serialize(new Vigil.Ledger.Entries.DataDeleted
            {
                OccurredAt = at.AddSeconds(i),
                SubjectId = $"indicator--{i:D12}",
                Reason = "retention",
                DeletedBy = "retention-policy",
            }));
        }

        await _log.AppendAsync(entries);
        await _log.SignCheckpointAsync();
        _root = await _log.GetRootAsync(Size);
        _oldRoot = await _log.GetRootAsync(Size / 3);
        _inclusion = await _log.GetInclusionProofAsync(Size / 2, Size);
        _consistency = await _log.GetConsistencyProofAsync(Size / 3, Size);
    }

    [Benchmark]
    public bool Verify_inclusion() =>
        MerkleProof.VerifyInclusion(_inclusion!.LeafHash, _inclusion.LeafIndex, Size, _inclusion.Hashes.ToArray(), _root);

    [Benchmark]
    public bool Verify_consistency() =>
        MerkleProof.VerifyConsistency(Size / 3, Size, _oldRoot, _root, _consistency!.Hashes.ToArray());

    [Benchmark(OperationsPerInvoke = 1)]
    public Task<AuditReport> Full_audit() => new LogAuditor(new LocalLogSource(_log!), _key!.Verifier).AuditAsync(null);

    [GlobalCleanup]
    public void Cleanup()
    {
        _log?.Dispose();
        _key?.Dispose();
    }
}
