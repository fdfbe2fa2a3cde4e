using BenchmarkDotNet.Attributes;
using Vigil.Ledger.Log;
using Vigil.Ledger.Merkle;
using Vigil.Ledger.Notes;
using Vigil.Storage.Database;
using Vigil.Storage.Ledger;

namespace Vigil.Benchmarks.LedgerStorage;

/// <summary>
/// Inclusion and consistency proofs served from the SQLite store (each proof reads a few ranges of stored hashes),
/// at 100k, 1M and 10M entries, to show the cost grows as log n also through the database.
/// </summary>
[ShortRunJob]
public class SqlLogProofBenchmarks
{
    private string? _directory;
    private VigilDatabase? _database;
    private TransparencyLog? _log;
    private NoteSigner? _key;
    private long _index;

    // 10M takes about three minutes to fill; VIGIL_BENCH_PROOF_SIZES (comma-separated) picks other sizes.
    [ParamsSource(nameof(Sizes))]
    public int Entries { get; set; }

    public static IEnumerable<int> Sizes() =>
        Environment.GetEnvironmentVariable("VIGIL_BENCH_PROOF_SIZES") is { Length: > 0 } sizes
            ? sizes.Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))
            : [100_000, 1_000_000, 10_000_000];

    [GlobalSetup]
    public async Task Setup()
    {
        _key = NoteSigner.FromSeed("bench.example/log", NoteKeyType.Ed25519, new byte[32]);
        _directory = Directory.CreateTempSubdirectory("vigil-bench-proof-").FullName;
        _database = new VigilDatabase(StorageOptions.ForSqliteFile(Path.Combine(_directory, "vigil.db")));
        await _database.MigrateAsync(SchemaMigrations.All);
        _log = new TransparencyLog(new SqlLogStore(_database), _key);
        for (var start = 0; start < Entries; start += 5000)
        {
            var batch = new List<ReadOnlyMemory<byte>>(5000);
            for (var i = start; i < start + 5000; i++)
            {
                batch.Add(System.Text.Encoding.UTF8.GetBytes($"{{\"n\":{i}}}"));
            }

            await _log.AppendAsync(batch);
        }
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _log!.Dispose();
        await _database!.DisposeAsync();
        Directory.Delete(_directory!, recursive: true);
    }

    [Benchmark]
    public async Task<InclusionProof> InclusionByIndex()
    {
        _index = (_index + 7919) % Entries;
        return await _log!.GetInclusionProofAsync(_index, Entries);
    }

    [Benchmark]
    public async Task<InclusionProof> InclusionByHash()
    {
        _index = (_index + 7919) % Entries;
        return await _log!.GetInclusionProofByHashAsync(MerkleHasher.HashLeaf(System.Text.Encoding.UTF8.GetBytes($"{{\"n\":{_index}}}")), Entries);
    }

    [Benchmark]
    public async Task<ConsistencyProof> Consistency()
    {
        _index = (_index + 7919) % Entries;
        return await _log!.GetConsistencyProofAsync(Math.Max(1, _index), Entries);
    }
}
