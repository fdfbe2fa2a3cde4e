using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Vigil.Core.Sharing;
using Vigil.Correlation.Observables;
using Vigil.Storage.Correlation;
using Vigil.Storage.Database;

namespace Vigil.Benchmarks.CorrelationStore;

/// <summary>
/// Policy-aware correlation lookup of one value on SQLite with <see cref="IndexedValues"/> indexed keys (one object version each,
/// generated in SQL at setup). The looked-up value is touched by 12 versions from several orgs under CLEAR/GREEN/AMBER/RED,
/// so the visibility predicate, the campaign join and the sighting aggregate all run. A miss is measured too.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(PercentileConfig))]
public class CorrelationLookupBenchmarks
{
    private const string Collection = "c1";
    private static readonly ObservableKey Target = new(ObservableKind.Url, string.Empty, "https://target-example.com/landing");
    private static readonly ObservableKey Missing = new(ObservableKind.Url, string.Empty, "https://nowhere-example.com/");

    private string _directory = string.Empty;
    private VigilDatabase _database = null!;
    private SqlCorrelationStore _store = null!;
    private Reader _reader = null!;

    /// <summary>1x, 10x and 100x; <c>VIGIL_BENCH_CORRELATION_SIZES</c> (comma-separated) picks others, e.g. only the 10M run.</summary>
    public static IEnumerable<int> Sizes =>
        (Environment.GetEnvironmentVariable("VIGIL_BENCH_CORRELATION_SIZES") ?? "100000,1000000,10000000")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s, CultureInfo.InvariantCulture));

    [ParamsSource(nameof(Sizes))]
    public int IndexedValues { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _directory = Directory.CreateTempSubdirectory("vigil-bench-corr-").FullName;
        _database = new VigilDatabase(StorageOptions.ForSqliteFile(Path.Combine(_directory, "vigil.db")));
        await _database.MigrateAsync(SchemaMigrations.All);
        _store = new SqlCorrelationStore(_database);
        _reader = new Reader { OrgId = "org-1", Principals = [Principal.Org("org-1"), Principal.Collection(Collection)] };
        var n = IndexedValues.ToString(CultureInfo.InvariantCulture);
        await ExecuteAsync($$"""
            WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < {{n}})
            INSERT INTO stix_objects (seq, collection_id, object_id, type, spec_version, version, version_ticks, tlp, author_org, revoked, is_latest, status_id, json)
            SELECT i, '{{Collection}}', 'url--' || i, 'url', '2.1', 'v', i, 1 + (i % 3), 'org-' || (i % 50), 0, 1, NULL, '{}' FROM g;
            WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < {{n}})
            INSERT INTO correlation_keys (key, seq) SELECT 'url:https://site-' || (i * 7919 % {{n}}) || '.example.com/p/' || i, i FROM g;
            INSERT INTO stix_audience (seq, principal) SELECT seq, 'org:org-' || (seq % 7) FROM stix_objects WHERE tlp >= 3;
            """);
        for (var i = 1; i <= 12; i++)
        {
            // The 12 hits reuse existing rows so the table keeps IndexedValues versions.
            await ExecuteAsync($"INSERT INTO correlation_keys (key, seq) VALUES ('{Target}', {(i * 7_777).ToString(CultureInfo.InvariantCulture)})");
        }

        var hits = await _store.FindAsync(Target, _reader, [Collection]);
        if (hits.Count == 0)
        {
            throw new InvalidOperationException("The generated data gives the reader no visible hit; the benchmark would measure nothing.");
        }
    }

    [Benchmark]
    public async Task<int> FindVisibleHits() => (await _store.FindAsync(Target, _reader, [Collection])).Count;

    [Benchmark]
    public async Task<int> FindMissingValue() => (await _store.FindAsync(Missing, _reader, [Collection])).Count;

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await _database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }

    private sealed class PercentileConfig : ManualConfig
    {
        public PercentileConfig() => AddColumn(StatisticColumn.P95, StatisticColumn.Max);
    }
}
