using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Vigil.Ads.Search;
using Vigil.Storage.Ads;
using Vigil.Storage.Database;

namespace Vigil.Benchmarks.Ads;

/// <summary>
/// SQL archive search (<see cref="SqlAdArchive"/>) with the same queries as <see cref="AdSearchBenchmarks"/>: one operation is one
/// <c>ads_archive</c> page of 25. Generated data at 1x (100,000 ads) and 10x (1,000,000 ads), loaded at setup in batches of 1,000.
/// SQLite always; PostgreSQL too when <c>VIGIL_BENCH_POSTGRES</c> names an empty database.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(PercentileConfig))]
public class SqlAdSearchBenchmarks
{
    private string? _directory;
    private VigilDatabase _database = null!;
    private SqlAdArchive _archive = null!;
    private AdsArchiveQuery _keywordFiltered = null!;
    private AdsArchiveQuery _phrase = null!;
    private AdsArchiveQuery _rareKeyword = null!;
    private AdsArchiveQuery _filtersOnly = null!;
    private AdsArchiveQuery _spendSorted = null!;

    [Params(100_000, 1_000_000)]
    public int Ads { get; set; }

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "sqlite";

    /// <summary>SQLite always; PostgreSQL too when <c>VIGIL_BENCH_POSTGRES</c> is set.</summary>
    public static IEnumerable<string> Providers =>
        Environment.GetEnvironmentVariable("VIGIL_BENCH_POSTGRES") is { Length: > 0 } ? ["sqlite", "postgres"] : ["sqlite"];

    [GlobalSetup]
    public async Task SetupAsync()
    {
        StorageOptions options;
        if (Provider == "postgres")
        {
            options = StorageOptions.ForPostgres(Environment.GetEnvironmentVariable("VIGIL_BENCH_POSTGRES")
                ?? throw new InvalidOperationException("Set VIGIL_BENCH_POSTGRES to the connection string of an empty PostgreSQL database."));
        }
        else
        {
            _directory = Directory.CreateTempSubdirectory("vigil-bench-ads-").FullName;
            options = StorageOptions.ForSqliteFile(Path.Combine(_directory, "vigil.db"));
        }

        _database = new VigilDatabase(options);
        await _database.MigrateAsync(SchemaMigrations.All);
        _archive = new SqlAdArchive(_database);
        foreach (var batch in AdBenchData.Ads(Ads).Chunk(1000))
        {
            await _archive.SaveManyAsync(batch, CancellationToken.None);
        }

        _keywordFiltered = new AdsArchiveQuery
        {
            SearchTerms = "climate future", ReachedCountries = ["US"], ActiveStatus = ActiveStatus.All, PublisherPlatforms = ["INSTAGRAM"],
            DeliveryDateMin = new DateOnly(2025, 1, 1),
        };
        _phrase = new AdsArchiveQuery { SearchTerms = "every voice", SearchType = SearchType.KeywordExactPhrase, ActiveStatus = ActiveStatus.All, ReachedCountries = ["GB"] };
        _rareKeyword = new AdsArchiveQuery { SearchTerms = "gospodarka wybory", ActiveStatus = ActiveStatus.Active, Languages = ["pl"] };
        _filtersOnly = new AdsArchiveQuery { ActiveStatus = ActiveStatus.Inactive, ReachedCountries = ["CZ"], Regions = ["Zlín Region"], AudienceSizeMin = 1_000_000 };
        _spendSorted = new AdsArchiveQuery { ActiveStatus = ActiveStatus.All, ReachedCountries = ["IT"], Sort = AdSort.Spend };
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _database.DisposeAsync();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Benchmark]
    public Task<AdSearchPage> KeywordWithFilters() => _archive.SearchAsync(_keywordFiltered, AdBenchData.Now, CancellationToken.None).AsTask();

    [Benchmark]
    public Task<AdSearchPage> ExactPhrase() => _archive.SearchAsync(_phrase, AdBenchData.Now, CancellationToken.None).AsTask();

    [Benchmark]
    public Task<AdSearchPage> KeywordActiveLanguage() => _archive.SearchAsync(_rareKeyword, AdBenchData.Now, CancellationToken.None).AsTask();

    [Benchmark]
    public Task<AdSearchPage> FiltersOnly() => _archive.SearchAsync(_filtersOnly, AdBenchData.Now, CancellationToken.None).AsTask();

    /// <summary><c>sort=spend_desc</c> with a country filter, as the <c>ads-sql</c> load run measures it.</summary>
    [Benchmark]
    public Task<AdSearchPage> SpendSortedCountry() => _archive.SearchAsync(_spendSorted, AdBenchData.Now, CancellationToken.None).AsTask();

    private sealed class PercentileConfig : ManualConfig
    {
        public PercentileConfig() => AddColumn(StatisticColumn.P95);
    }
}
