using System.Text.Json;
using Vigil.Ads.Json;
using Vigil.Ads.Model;
using Vigil.Ads.Search;
using Vigil.Ads.Synthetic;

namespace Vigil.Ads.Tests.Search;

public sealed class InMemoryAdArchiveTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<(InMemoryAdArchive Archive, List<Ad> Ads)> Generated = new(() =>
    {
        var ads = new SyntheticAdGenerator(new SyntheticAdOptions { Advertisers = 300, Ads = 4000, Now = Now }).Ads().ToList();
        var archive = new InMemoryAdArchive();
        foreach (var ad in ads)
        {
            archive.Save(ad);
        }

        return (archive, ads);
    });

    private static async Task<List<Ad>> All(InMemoryAdArchive archive, AdsArchiveQuery query)
    {
        var list = new List<Ad>();
        await foreach (var ad in archive.StreamAsync(query, Now, CancellationToken.None))
        {
            list.Add(ad);
        }

        return list;
    }

    [Fact]
    public async Task Unordered_keywords_match_all_terms_and_exact_phrase_needs_them_adjacent()
    {
        var archive = new InMemoryAdArchive();
        archive.Save(TestAds.Valid("1") with { CreativeBodies = ["Clean energy for every town"] });
        archive.Save(TestAds.Valid("2") with { CreativeBodies = ["Energy that is clean"], LinkTitles = [] });
        archive.Save(TestAds.Valid("3") with { CreativeBodies = ["Nothing here"], LinkTitles = ["CLEAN Energy now!"] });
        archive.Save(TestAds.Valid("4") with { CreativeBodies = ["Clean streets"] });
        var all = new AdsArchiveQuery { ActiveStatus = ActiveStatus.All, SearchTerms = "clean energy" };

        var unordered = await All(archive, all);
        var phrase = await All(archive, all with { SearchType = SearchType.KeywordExactPhrase });

        Assert.Equal(["1", "2", "3"], unordered.Select(a => a.Id).Order());
        Assert.Equal(["1", "3"], phrase.Select(a => a.Id).Order());
        Assert.Empty(await All(archive, all with { SearchTerms = "clean unicorn" }));
    }

    [Fact]
    public async Task Sort_by_spend_puts_the_highest_lower_bound_first_ties_in_archive_order_missing_last_and_pages_by_cursor()
    {
        var (archive, ads) = Generated.Value;
        var query = new AdsArchiveQuery { ActiveStatus = ActiveStatus.All, ReachedCountries = ["DE"], Sort = AdSort.Spend, Limit = 37 };
        var expected = ads.Where(a => a.ReachedCountries.Contains("DE"))
            .OrderByDescending(a => a.Spend?.Lower ?? -1)
            .ThenByDescending(a => a.DeliveryStart?.UtcTicks ?? AdCursor.NoStart)
            .ThenBy(InMemoryAdArchive.KeyOf, StringComparer.Ordinal)
            .Select(InMemoryAdArchive.KeyOf).ToList();

        var paged = new List<string>();
        for (string? after = null; ;)
        {
            var page = await archive.SearchAsync(query with { After = after }, Now, CancellationToken.None);
            paged.AddRange(page.Ads.Select(InMemoryAdArchive.KeyOf));
            if (page.After is null)
            {
                break;
            }

            after = page.After;
        }

        Assert.True(expected.Count > 100);
        Assert.Equal(expected, paged);
        Assert.Equal(expected, (await All(archive, query)).Select(InMemoryAdArchive.KeyOf));
    }

    [Fact]
    public async Task Filters_agree_with_a_brute_force_scan()
    {
        var (archive, ads) = Generated.Value;
        var sample = ads[17];
        AdsArchiveQuery[] queries =
        [
            new() { ActiveStatus = ActiveStatus.All, ReachedCountries = ["DE", "FR"] },
            new() { ActiveStatus = ActiveStatus.Active },
            new() { ActiveStatus = ActiveStatus.Inactive, Languages = ["cs"] },
            new() { ActiveStatus = ActiveStatus.All, PageIds = [sample.PageId!] },
            new() { ActiveStatus = ActiveStatus.All, Bylines = [sample.Byline!] },
            new() { ActiveStatus = ActiveStatus.All, PublisherPlatforms = ["SNAPCHAT", "YOUTUBE"] },
            new() { ActiveStatus = ActiveStatus.All, Regions = ["Texas"] },
            new() { ActiveStatus = ActiveStatus.All, AudienceSizeMin = 1_000_000 },
            new() { ActiveStatus = ActiveStatus.All, DeliveryDateMin = new DateOnly(2025, 1, 1), DeliveryDateMax = new DateOnly(2025, 3, 31) },
            new() { ActiveStatus = ActiveStatus.All, SearchTerms = "klima" },
            new() { ActiveStatus = ActiveStatus.All, AdType = "HOUSING_ADS" },
        ];
        var expected = new Func<Ad, bool>[]
        {
            a => a.ReachedCountries.Any(c => c is "DE" or "FR"),
            a => a.IsActive(Now),
            a => !a.IsActive(Now) && a.Languages.Contains("cs"),
            a => a.PageId == sample.PageId,
            a => a.Byline == sample.Byline,
            a => a.PublisherPlatforms.Any(p => p is "SNAPCHAT" or "YOUTUBE"),
            a => a.Regions.Any(r => r.Region == "Texas" && r.Share > 0),
            a => a.EstimatedAudienceSize is { Upper: null } || a.EstimatedAudienceSize?.Upper >= 1_000_000,
            a => a.DeliveryStart < new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero) && !(a.DeliveryStop < new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)),
            a => a.CreativeBodies.Concat(a.LinkTitles).Any(t => AdTokenizer_Tokens(t).Contains("klima")),
            _ => false,
        };

        for (var i = 0; i < queries.Length; i++)
        {
            var got = (await All(archive, queries[i])).Select(a => a.Id).Order(StringComparer.Ordinal).ToList();
            var want = ads.Where(expected[i]).Select(a => a.Id).Order(StringComparer.Ordinal).ToList();
            Assert.True(want.SequenceEqual(got), $"query {i}: expected {want.Count} ads, got {got.Count}");
            Assert.True(i == queries.Length - 1 || want.Count > 0, $"query {i} matches nothing; the test data should exercise it");
        }
    }

    private static List<string> AdTokenizer_Tokens(string text) => AdTokenizer.Tokens(text);

    [Fact]
    public async Task Paging_with_after_visits_every_match_once_in_archive_order()
    {
        var (archive, _) = Generated.Value;
        var query = new AdsArchiveQuery { ActiveStatus = ActiveStatus.All, ReachedCountries = ["US"], Limit = 97 };
        var expected = await All(archive, query);
        var seen = new List<Ad>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await archive.SearchAsync(query with { After = after }, Now, CancellationToken.None);
            seen.AddRange(page.Ads);
            after = page.After;
            pages++;
        }
        while (after is not null);

        Assert.True(expected.Count > 97);
        Assert.Equal(expected.Select(a => a.Id), seen.Select(a => a.Id));
        Assert.Equal((expected.Count + 96) / 97, pages);
        for (var i = 1; i < seen.Count; i++)
        {
            Assert.True((seen[i - 1].DeliveryStart ?? DateTimeOffset.MinValue) >= (seen[i].DeliveryStart ?? DateTimeOffset.MinValue));
        }
    }

    [Fact]
    public async Task Resubmission_creates_a_version_takedown_is_marked_and_nothing_is_deleted()
    {
        var archive = new InMemoryAdArchive();
        var ct = CancellationToken.None;
        Assert.Equal(AdSaveResult.Created, await archive.SaveAsync(TestAds.Valid("9"), ct));
        Assert.Equal(AdSaveResult.Unchanged, await archive.SaveAsync(TestAds.Valid("9"), ct));
        Assert.Equal(AdSaveResult.NewVersion, await archive.SaveAsync(TestAds.Valid("9") with { Spend = new Bounds(200, 299) }, ct));
        Assert.True(await archive.TakeDownAsync("meta", "9", new Takedown(Now, "court order 12/2026"), ct));
        Assert.False(await archive.TakeDownAsync("meta", "nope", new Takedown(Now, "x"), ct));

        var versions = await archive.GetVersionsAsync("meta", "9", ct);
        Assert.Equal([1, 2, 3], versions.Select(v => v.Version));
        Assert.Equal("court order 12/2026", (await archive.GetAsync("meta", "9", ct))!.Takedown!.Reason);
        Assert.Single(await All(archive, new AdsArchiveQuery { ActiveStatus = ActiveStatus.All }));
    }

    [Fact]
    public async Task Response_has_meta_shapes_and_a_next_link_with_the_cursor()
    {
        var (archive, _) = Generated.Value;
        var query = AdsArchiveQueryParser.Parse(
        [
            new("fields", "id,spend,impressions,demographic_distribution,delivery_by_region,estimated_audience_size,publisher_platforms,bylines"),
            new("ad_active_status", "ALL"), new("ad_reached_countries", "[\"DE\"]"), new("publisher_platforms", "FACEBOOK"), new("limit", "3"),
        ]);
        var page = await archive.SearchAsync(query, Now, CancellationToken.None);
        using var stream = new MemoryStream();
        await AdsArchiveResponseWriter.WriteAsync(stream, page, query, "https://hub.example/public/ads_archive", CancellationToken.None);

        using var doc = JsonDocument.Parse(stream.ToArray());
        var data = doc.RootElement.GetProperty("data");
        Assert.Equal(3, data.GetArrayLength());
        var ad = data[0];
        Assert.Equal(JsonValueKind.String, ad.GetProperty("spend").GetProperty("lower_bound").ValueKind);
        Assert.Equal(JsonValueKind.String, ad.GetProperty("impressions").GetProperty("upper_bound").ValueKind);
        var demo = ad.GetProperty("demographic_distribution")[0];
        Assert.Equal(["percentage", "age", "gender"], demo.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.String, demo.GetProperty("percentage").ValueKind);
        Assert.Equal(["percentage", "region"], ad.GetProperty("delivery_by_region")[0].EnumerateObject().Select(p => p.Name));
        Assert.Contains("facebook", ad.GetProperty("publisher_platforms").EnumerateArray().Select(e => e.GetString()));
        Assert.False(ad.TryGetProperty("ad_creative_bodies", out _));
        var after = doc.RootElement.GetProperty("paging").GetProperty("cursors").GetProperty("after").GetString();
        var next = doc.RootElement.GetProperty("paging").GetProperty("next").GetString()!;
        Assert.StartsWith("https://hub.example/public/ads_archive?", next, StringComparison.Ordinal);
        Assert.Contains("after=" + Uri.EscapeDataString(after!), next, StringComparison.Ordinal);
        Assert.Equal(page.After, after);
    }

    [Fact]
    public void Spend_aggregates_sum_lower_and_upper_bounds_per_currency()
    {
        Ad[] ads =
        [
            TestAds.Valid("1") with { Spend = new Bounds(100, 199), Topics = ["health"], Regions = [new("A", 0.5), new("B", 0.5)] },
            TestAds.Valid("2") with { Spend = new Bounds(0, 99), Topics = ["health", "energy"], Regions = [new("A", 1.0)] },
            TestAds.Valid("3") with { Spend = new Bounds(1000, null), Byline = "Other", Topics = ["energy"] },
            TestAds.Valid("4") with { Spend = new Bounds(5, 5), Currency = "USD" },
            TestAds.Valid("5") with { Spend = null },
        ];

        var byAdvertiser = SpendAggregator.Aggregate(ads, SpendDimension.Advertiser);
        var byTopic = SpendAggregator.Aggregate(ads, SpendDimension.Topic);
        var byRegion = SpendAggregator.Aggregate(ads, SpendDimension.Region);
        var byWeek = SpendAggregator.Aggregate(ads, SpendDimension.Week);

        Assert.Contains(new SpendTotal("Citizens for Testing", "EUR", 100, 298, 2), byAdvertiser);
        Assert.Contains(new SpendTotal("Other", "EUR", 1000, null, 1), byAdvertiser);
        Assert.Contains(new SpendTotal("Citizens for Testing", "USD", 5, 5, 1), byAdvertiser);
        Assert.Contains(new SpendTotal("health", "EUR", 100, 298, 2), byTopic);
        Assert.Contains(new SpendTotal("energy", "EUR", 1000, null, 2), byTopic);
        Assert.Contains(new SpendTotal("A", "EUR", 50, 198.5m, 2), byRegion);
        Assert.Contains(new SpendTotal("2026-W01", "EUR", 1100, null, 3), byWeek);
    }
}
