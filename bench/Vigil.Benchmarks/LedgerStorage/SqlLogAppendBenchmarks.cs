using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Vigil.Benchmarks.Ledger;
using Vigil.Ledger.Log;
using Vigil.Ledger.Notes;
using Vigil.Storage.Database;
using Vigil.Storage.Ledger;

namespace Vigil.Benchmarks.LedgerStorage;

/// <summary>
/// Appending to the SQLite-backed log: <see cref="Entries"/> canonical-JSON entries in batches of 1,000 (one
/// transaction each) and one signed checkpoint per batch, into a fresh database file. 10k vs 100k shows the rate
/// holds as the tables and the leaf-hash index grow. Entries/s = Entries / reported time.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class SqlLogAppendBenchmarks
{
    private const int BatchSize = 1000;
    private List<ReadOnlyMemory<byte>>[] _batches = [];
    private NoteSigner? _key;
    private string? _directory;
    private VigilDatabase? _database;
    private TransparencyLog? _log;

    [Params(10_000, 100_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _key = LedgerBenchData.Signer();
        _batches = LedgerBenchData.Batches(Entries, BatchSize);
    }

    [IterationSetup]
    public void NewDatabase()
    {
        _directory = Directory.CreateTempSubdirectory("vigil-bench-log-").FullName;
        _database = new VigilDatabase(StorageOptions.ForSqliteFile(Path.Combine(_directory, "vigil.db")));
        _database.MigrateAsync(SchemaMigrations.All).GetAwaiter().GetResult();
        _log = new TransparencyLog(new SqlLogStore(_database), _key!);
    }

    [IterationCleanup]
    public void DropDatabase()
    {
        _log!.Dispose();
        _database!.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_directory!, recursive: true);
    }

    [Benchmark]
    public async Task AppendAndSignPerBatch()
    {
        foreach (var batch in _batches)
        {
            await _log!.AppendAsync(batch);
            await _log.SignCheckpointAsync();
        }
    }
}
