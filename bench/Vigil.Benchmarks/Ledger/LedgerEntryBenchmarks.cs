using BenchmarkDotNet.Attributes;
using Vigil.Ledger.Entries;
using Vigil.Ledger.Merkle;

namespace Vigil.Benchmarks.Ledger;

/// <summary>Per-entry costs: canonical JSON serialization (append path), strict parsing (audit path), leaf hashing.</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class LedgerEntryBenchmarks
{
    private readonly ObjectShared _event = new()
    {
        OccurredAt = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero),
        ObjectId = "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
        ObjectVersion = "2026-05-01T00:00:00.000Z",
        AuthorOrg = "org-platform-1",
        ContentClass = "public-content",
        Recipients = ["org-gov-1", "group-12"],
        Marking = "TLP:GREEN",
    };

    private byte[] _bytes = [];

    [GlobalSetup]
    public void Setup() => _bytes = LedgerEntryCodec.Serialize(_event);

    [Benchmark]
    public byte[] Serialize() => LedgerEntryCodec.Serialize(_event);

    [Benchmark]
    public LedgerEvent Parse() => LedgerEntryCodec.Parse(_bytes);

    [Benchmark]
    public MerkleHash Hash_leaf() => MerkleHasher.HashLeaf(_bytes);
}
