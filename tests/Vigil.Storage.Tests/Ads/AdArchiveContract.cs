using Vigil.Ads.Json;
using Vigil.Ads.Model;
using Vigil.Ads.Search;
using Vigil.Storage.Ads;
using Vigil.Storage.Database;

namespace Vigil.Storage.Tests.Ads;

/// <summary>
/// The SQL ad archive against the in-memory oracle on the real archive files: every query is paged through to the end with a
/// small limit, and each page (ads, full content and cursor) must be the oracle's. Run on SQLite and PostgreSQL by the subclasses.
/// </summary>
public abstract class AdArchiveContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2018, 10, 20, 12, 0, 0, TimeSpan.Zero);

    private VigilDatabase _database = null!;
    private SqlAdArchive _sql = null!;
    private InMemoryAdArchive _oracle = null!;
    private List<Ad> _ads = null!;

    protected abstract Task<StorageOptions> StorageAsync();

    public async Task InitializeAsync()
    {
        _database = new VigilDatabase(await StorageAsync());
        await _database.MigrateAsync(SchemaMigrations.All);
        _sql = new SqlAdArchive(_database);
        _oracle = new InMemoryAdArchive();
        _ads = await RealArchive.AdsAsync();
        foreach (var ad in _ads)
        {
            _oracle.Save(ad);
        }

        var saved = await _sql.SaveManyAsync(_ads, CancellationToken.None);
        Assert.Equal(_ads.Count, saved.Count(r => r == AdSaveResult.Created));
    }

    public virtual async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Every_query_pages_through_exactly_as_the_in_memory_archive()
    {
        Assert.Equal(1327, await _sql.CountAsync(CancellationToken.None));
        foreach (var (name, query, now) in Queries())
        {
            await AssertSameAsync(name, query, now);
        }
    }

    [Fact]
    public async Task Export_stream_yields_every_match_in_archive_order()
    {
        foreach (var (name, query, now) in Queries())
        {
            var expected = await Keys(_oracle.StreamAsync(query, now, CancellationToken.None));
            var actual = await Keys(_sql.StreamAsync(query, now, CancellationToken.None));
            Assert.True(expected.SequenceEqual(actual), $"{name}: stream differs ({expected.Count} expected, {actual.Count} streamed)");
        }
    }

    [Fact]
    public async Task Reimport_changes_nothing_and_a_changed_ad_becomes_a_new_version_that_keeps_its_takedown()
    {
        var again = await _sql.SaveManyAsync(_ads, CancellationToken.None);
        Assert.All(again, r => Assert.Equal(AdSaveResult.Unchanged, r));

        var ad = _ads.First(a => a.Platform == "snapchat");
        Assert.True(await _sql.TakeDownAsync(ad.Platform, ad.Id, new Takedown(Now, "impersonates an election office", "hub-reviewer"), CancellationToken.None));
        Assert.False(await _sql.TakeDownAsync(ad.Platform, "no-such-ad", new Takedown(Now, "x"), CancellationToken.None));
        Assert.Equal(AdSaveResult.NewVersion, await _sql.SaveAsync(ad with { Spend = Bounds.Exact(40) }, CancellationToken.None));

        var versions = await _sql.GetVersionsAsync(ad.Platform, ad.Id, CancellationToken.None);
        Assert.Equal([1, 2, 3], versions.Select(v => v.Version));
        Assert.Null(versions[0].Takedown);
        Assert.Equal("impersonates an election office", versions[1].Takedown!.Reason);
        Assert.Equal("impersonates an election office", versions[2].Takedown!.Reason);
        var current = await _sql.GetAsync(ad.Platform, ad.Id, CancellationToken.None);
        Assert.Equal(Bounds.Exact(40), current!.Spend);
        Assert.Equal(3, current.Version);
        Assert.Equal(Canonical(ad with { Spend = Bounds.Exact(40), Version = 3, Takedown = versions[1].Takedown }), Canonical(current));
        Assert.Null(await _sql.GetAsync("meta", ad.Id, CancellationToken.None));
    }

    [Fact]
    public async Task One_batch_that_holds_an_ad_twice_saves_each_version_in_order_as_the_oracle_does()
    {
        var batch = _ads.Take(100).Select(a => a with { CreativeBodies = ["Batched edit"] }).ToList();
        batch.Add(batch[0] with { CreativeBodies = ["Batched edit, twice"] });
        batch.Add(batch[1]);
        var fresh = _ads[2] with { Id = "new-in-this-batch", CreativeBodies = ["Batched arrival"] };
        batch.Add(fresh);
        batch.Add(fresh with { CreativeBodies = ["Batched arrival, corrected"] });

        var results = await _sql.SaveManyAsync(batch, CancellationToken.None);

        Assert.Equal(batch.Select(_oracle.Save), results);
        var versions = await _sql.GetVersionsAsync(batch[0].Platform, batch[0].Id, CancellationToken.None);
        Assert.Equal(["Batched edit", "Batched edit, twice"], versions.Skip(1).Select(v => v.CreativeBodies.Single()));
        var arrived = await _sql.GetVersionsAsync(fresh.Platform, fresh.Id, CancellationToken.None);
        Assert.Equal(["Batched arrival", "Batched arrival, corrected"], arrived.Select(v => v.CreativeBodies.Single()));
        Assert.Equal([1, 2], arrived.Select(v => v.Version));
        var all = new AdsArchiveQuery { ActiveStatus = ActiveStatus.All, Limit = 40 };
        await AssertSameAsync("batched word", all with { SearchTerms = "batched" }, Now);
        await AssertSameAsync("second edit", all with { SearchTerms = "twice" }, Now);
        await AssertSameAsync("arrival", all with { SearchTerms = "arrival" }, Now);
    }

    [Fact]
    public async Task A_new_version_is_found_by_its_new_words_and_date_and_no_longer_by_its_old_ones()
    {
        var ad = _ads.First(a => a.CreativeBodies.Count > 0 && a.DeliveryStart is not null && a.ReachedCountries.Contains("CZ"));
        var old = AdTokenizer.Tokens(ad.CreativeBodies[0]).Distinct(StringComparer.Ordinal).Take(3).ToList();
        var changed = ad with { CreativeBodies = ["Quokkavote: register before Friday"], DeliveryStart = ad.DeliveryStart!.Value.AddDays(-400), ReachedCountries = ["SK"] };
        Assert.Equal(AdSaveResult.NewVersion, await _sql.SaveAsync(changed, CancellationToken.None));
        Assert.Equal(AdSaveResult.NewVersion, _oracle.Save(changed));

        var all = new AdsArchiveQuery { ActiveStatus = ActiveStatus.All, Limit = 40 };
        await AssertSameAsync("new word", all with { SearchTerms = "quokkavote" }, Now);
        await AssertSameAsync("new country", all with { ReachedCountries = ["SK"] }, Now);
        await AssertSameAsync("old country", all with { ReachedCountries = ["CZ"], Limit = 200 }, Now);
        foreach (var word in old)
        {
            await AssertSameAsync("old word " + word, all with { SearchTerms = word }, Now);
        }
    }

    private IEnumerable<(string Name, AdsArchiveQuery Query, DateTimeOffset Now)> Queries()
    {
        var all = new AdsArchiveQuery { ActiveStatus = ActiveStatus.All, Limit = 50 };
        var czech = _ads.Where(a => a.CreativeBodies.Count > 0 && a.ReachedCountries.Contains("CZ")).ToList();
        var frequent = czech.SelectMany(a => AdTokenizer.Tokens(a.CreativeBodies[0]).Distinct())
            .GroupBy(t => t).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
        var body = AdTokenizer.Tokens(czech[17].CreativeBodies[0]);
        var phrase = string.Join(' ', body.Skip(2).Take(3));
        var region = _ads.SelectMany(a => a.Regions).GroupBy(r => r.Region).OrderByDescending(g => g.Count()).First().Key;
        var page = czech[0].PageId!;

        yield return ("everything", all, Now);
        yield return ("everything, limit 7", all with { Limit = 7 }, Now);
        yield return ("active", all with { ActiveStatus = ActiveStatus.Active }, Now);
        yield return ("inactive", all with { ActiveStatus = ActiveStatus.Inactive }, Now);
        yield return ("active in 2022", all with { ActiveStatus = ActiveStatus.Active }, new DateTimeOffset(2022, 9, 1, 0, 0, 0, TimeSpan.Zero));
        yield return ("frequent keyword", all with { SearchTerms = frequent[0], Limit = 20 }, Now);
        yield return ("two keywords, upper case", all with { SearchTerms = (frequent[3] + " " + frequent[8]).ToUpperInvariant(), Limit = 9 }, Now);
        yield return ("unknown keyword", all with { SearchTerms = frequent[0] + " zzqxv" }, Now);
        yield return ("exact phrase", all with { SearchTerms = phrase, SearchType = SearchType.KeywordExactPhrase, Limit = 3 }, Now);
        yield return ("reversed phrase", all with { SearchTerms = string.Join(' ', body.Skip(2).Take(3).Reverse()), SearchType = SearchType.KeywordExactPhrase }, Now);
        yield return ("countries", all with { ReachedCountries = ["GB", "DK"], Limit = 10 }, Now);
        yield return ("US", all with { ReachedCountries = ["US"] }, Now);
        yield return ("language", all with { Languages = ["cs"], Limit = 100 }, Now);
        yield return ("publisher, any case", all with { PublisherPlatforms = ["instagram"] }, Now);
        yield return ("snapchat", all with { PublisherPlatforms = ["SNAPCHAT", "YOUTUBE"] }, Now);
        yield return ("region, other case", all with { Regions = [region.ToLowerInvariant()] }, Now);
        yield return ("page", all with { PageIds = [page, "000"], Limit = 30 }, Now);
        yield return ("bylines", all with { Bylines = ["NextGen America", "Petr Pavel"] }, Now);
        yield return ("October 2018", all with { DeliveryDateMin = new DateOnly(2018, 10, 1), DeliveryDateMax = new DateOnly(2018, 10, 31) }, Now);
        yield return ("from August 2022", all with { DeliveryDateMin = new DateOnly(2022, 8, 1) }, Now);
        yield return ("until 2018-10-05", all with { DeliveryDateMax = new DateOnly(2018, 10, 5), Limit = 5 }, Now);
        yield return ("audience at least 100k", all with { AudienceSizeMin = 100_000 }, Now);
        yield return ("audience 1k to 50k", all with { AudienceSizeMin = 1_000, AudienceSizeMax = 50_000 }, Now);
        yield return ("housing ads", all with { AdType = "HOUSING_ADS" }, Now);
        yield return ("keyword in one country", all with { SearchTerms = frequent[2], ReachedCountries = ["CZ"], Limit = 6 }, Now);
        yield return ("one language and one platform", all with { Languages = ["cs"], PublisherPlatforms = ["INSTAGRAM"], Limit = 8 }, Now);
        yield return ("by spend", all with { Sort = AdSort.Spend, Limit = 30 }, Now);
        yield return ("by impressions, keyword in one country", all with { Sort = AdSort.Impressions, SearchTerms = frequent[0], ReachedCountries = ["CZ"], Limit = 9 }, Now);
        yield return ("by spend, active in 2022", all with { Sort = AdSort.Spend, ActiveStatus = ActiveStatus.Active, Limit = 5 }, new DateTimeOffset(2022, 9, 1, 0, 0, 0, TimeSpan.Zero));
        yield return ("combined", all with
        {
            SearchTerms = frequent[1], ReachedCountries = ["CZ"], PublisherPlatforms = ["FACEBOOK"], Languages = ["cs"],
            DeliveryDateMin = new DateOnly(2022, 9, 1), AudienceSizeMin = 10_000, Limit = 4,
        }, Now);
    }

    private async Task AssertSameAsync(string name, AdsArchiveQuery query, DateTimeOffset now)
    {
        var pages = 0;
        var total = 0;
        for (string? after = null; ; pages++)
        {
            var q = query with { After = after };
            var expected = await _oracle.SearchAsync(q, now, CancellationToken.None);
            var actual = await _sql.SearchAsync(q, now, CancellationToken.None);
            Assert.True(expected.Ads.Select(Canonical).SequenceEqual(actual.Ads.Select(Canonical)),
                $"{name}, page {pages}: expected [{string.Join(", ", expected.Ads.Select(a => a.Id))}], got [{string.Join(", ", actual.Ads.Select(a => a.Id))}]");
            Assert.Equal(expected.After, actual.After);
            total += actual.Ads.Count;
            if (actual.After is null)
            {
                break;
            }

            after = actual.After;
            Assert.True(pages < 1000, name + ": paging does not end");
        }

        Assert.True(total > 0 || name is "unknown keyword" or "housing ads" or "reversed phrase" || name.StartsWith("old word", StringComparison.Ordinal),
            $"{name}: the query should match some ads");
    }

    private static async Task<List<string>> Keys(IAsyncEnumerable<Ad> ads)
    {
        var keys = new List<string>();
        await foreach (var ad in ads)
        {
            keys.Add(InMemoryAdArchive.KeyOf(ad));
        }

        return keys;
    }

    private static string Canonical(Ad ad) => System.Text.Encoding.UTF8.GetString(AdJsonCodec.Encode(ad));
}
