using BenchmarkDotNet.Attributes;
using Vigil.Ads.Search;

namespace Vigil.Benchmarks.Ads;

/// <summary>
/// In-memory archive search (the oracle for the SQL implementations): one operation is one <c>ads_archive</c> page of 25.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AdSearchBenchmarks
{
    private InMemoryAdArchive _archive = null!;
    private AdsArchiveQuery _keywordFiltered = null!;
    private AdsArchiveQuery _phrase = null!;
    private AdsArchiveQuery _rareKeyword = null!;
    private AdsArchiveQuery _filtersOnly = null!;

    [Params(100_000, 1_000_000)]
    public int Ads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var ads = AdBenchData.Ads(Ads);
        _archive = AdBenchData.Archive(ads);
        _keywordFiltered = new AdsArchiveQuery
        {
            SearchTerms = "climate future", ReachedCountries = ["US"], ActiveStatus = ActiveStatus.All, PublisherPlatforms = ["INSTAGRAM"],
            DeliveryDateMin = new DateOnly(2025, 1, 1),
        };
        _phrase = new AdsArchiveQuery { SearchTerms = "every voice", SearchType = SearchType.KeywordExactPhrase, ActiveStatus = ActiveStatus.All, ReachedCountries = ["GB"] };
        _rareKeyword = new AdsArchiveQuery { SearchTerms = "gospodarka wybory", ActiveStatus = ActiveStatus.Active, Languages = ["pl"] };
        _filtersOnly = new AdsArchiveQuery { ActiveStatus = ActiveStatus.Inactive, ReachedCountries = ["CZ"], Regions = ["Zlín Region"], AudienceSizeMin = 1_000_000 };
    }

    [Benchmark]
    public Task<AdSearchPage> KeywordWithFilters() => _archive.SearchAsync(_keywordFiltered, AdBenchData.Now, CancellationToken.None).AsTask();

    [Benchmark]
    public Task<AdSearchPage> ExactPhrase() => _archive.SearchAsync(_phrase, AdBenchData.Now, CancellationToken.None).AsTask();

    [Benchmark]
    public Task<AdSearchPage> KeywordActiveLanguage() => _archive.SearchAsync(_rareKeyword, AdBenchData.Now, CancellationToken.None).AsTask();

    [Benchmark]
    public Task<AdSearchPage> FiltersOnly() => _archive.SearchAsync(_filtersOnly, AdBenchData.Now, CancellationToken.None).AsTask();
}
