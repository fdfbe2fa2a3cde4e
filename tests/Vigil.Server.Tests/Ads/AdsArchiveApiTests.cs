using System.Net;
using System.Text.Json;
using Vigil.Ads.Import;
using Vigil.Ads.Search;

namespace Vigil.Server.Tests.Ads;

/// <summary><c>/public/ads_archive</c> through the real pipeline, without credentials, on the published archive files.</summary>
public sealed class AdsArchiveApiTests(AdsHubFixture fixture) : IClassFixture<AdsHubFixture>
{
    private const string Snap = "00f8fa37d86e1e841a6abbf2aa8411604883eb6bdc7aee74d3509acb877b8f2d";

    private HttpClient Client => fixture.Hub.Client;

    [Fact]
    public void Every_row_of_the_three_files_was_imported()
    {
        Assert.Equal([667, 659, 1], fixture.Summaries.Select(s => s.Created));
        Assert.All(fixture.Summaries, s => Assert.Empty(s.Skipped));
        Assert.Equal(["meta-csv", "snap-csv", "meta-json"], fixture.Summaries.Select(s => s.Format));
    }

    [Fact]
    public async Task Search_pages_through_next_links_with_metas_shapes_and_matches_the_in_memory_archive()
    {
        var url = "/public/ads_archive?ad_reached_countries=[\"CZ\"]&ad_active_status=ALL&search_terms=Pavel&fields=id,page_name,spend,bylines,ad_delivery_start_time&limit=10";
        var ids = new List<string>();
        var pages = 0;
        while (url is not null)
        {
            using var doc = await GetJsonAsync(url);
            var data = doc.RootElement.GetProperty("data");
            foreach (var ad in data.EnumerateArray())
            {
                ids.Add(ad.GetProperty("id").GetString()!);
                var spend = ad.GetProperty("spend");
                Assert.Equal(JsonValueKind.String, spend.GetProperty("lower_bound").ValueKind);
                Assert.Equal(JsonValueKind.String, spend.GetProperty("upper_bound").ValueKind);
                Assert.False(ad.TryGetProperty("ad_creative_bodies", out _));
            }

            pages++;
            url = doc.RootElement.TryGetProperty("paging", out var paging) ? new Uri(paging.GetProperty("next").GetString()!).PathAndQuery : null;
            if (url is not null)
            {
                Assert.Equal(10, data.GetArrayLength());
                Assert.Equal(JsonValueKind.String, paging.GetProperty("cursors").GetProperty("after").ValueKind);
            }
        }

        var expected = new List<string>();
        await foreach (var ad in fixture.Oracle.StreamAsync(
            new AdsArchiveQuery { ReachedCountries = ["CZ"], ActiveStatus = ActiveStatus.All, SearchTerms = "Pavel" }, DateTimeOffset.UtcNow, CancellationToken.None))
        {
            expected.Add(ad.Id);
        }

        Assert.True(expected.Count > 10, "the search should need more than one page");
        Assert.Equal(expected, ids);
        Assert.Equal((expected.Count + 9) / 10, pages);
    }

    [Fact]
    public async Task List_parameters_take_json_arrays_python_lists_and_comma_lists_alike()
    {
        var forms = new[] { "[\"GB\",\"DK\"]", "['GB','DK']", "GB,DK" };
        var answers = new List<string>();
        foreach (var form in forms)
        {
            using var doc = await GetJsonAsync($"/public/ads_archive?ad_reached_countries={Uri.EscapeDataString(form)}&ad_active_status=ALL&limit=500");
            answers.Add(string.Join(",", doc.RootElement.GetProperty("data").EnumerateArray().Select(a => a.GetProperty("id").GetString())));
        }

        Assert.Equal(36 + 26, answers[0].Split(',').Length);
        Assert.All(answers, a => Assert.Equal(answers[0], a));
    }

    [Fact]
    public async Task Filters_on_platform_byline_and_dates_answer_as_the_archive_does()
    {
        using var doc = await GetJsonAsync(
            "/public/ads_archive?publisher_platforms=SNAPCHAT&bylines=[\"NextGen America\"]&ad_delivery_date_min=2018-10-01&ad_delivery_date_max=2018-10-31" +
            "&ad_active_status=ALL&fields=bylines,ad_delivery_start_time,ad_delivery_stop_time,publisher_platforms&limit=100");
        var data = doc.RootElement.GetProperty("data").EnumerateArray().ToList();
        var expected = fixture.Ads.Where(a => a.Byline == "NextGen America"
            && (a.DeliveryStop is null || a.DeliveryStop >= new DateTimeOffset(2018, 10, 1, 0, 0, 0, TimeSpan.Zero))
            && a.DeliveryStart < new DateTimeOffset(2018, 11, 1, 0, 0, 0, TimeSpan.Zero)).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, data.Count);
        Assert.All(data, a => Assert.Equal("NextGen America", a.GetProperty("bylines").GetString()));
        Assert.All(data, a => Assert.Equal("snapchat", a.GetProperty("publisher_platforms")[0].GetString()));
    }

    [Theory]
    [InlineData("ad_reached_countries=[\"XX\"]", "ad_reached_countries")]
    [InlineData("ad_reached_countries=[\"US\"", "ad_reached_countries")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("ad_delivery_date_min=2022-13-01", "ad_delivery_date_min")]
    [InlineData("ad_delivery_date_min=2022-10-02&ad_delivery_date_max=2022-10-01", "ad_delivery_date_max")]
    [InlineData("search_type=FUZZY", "search_type")]
    [InlineData("ad_active_status=SOMETIMES", "ad_active_status")]
    [InlineData("publisher_platforms=MYSPACE", "publisher_platforms")]
    [InlineData("languages=[\"xx\"]", "languages")]
    [InlineData("fields=id,spending", "fields")]
    [InlineData("estimated_audience_size_min=-1", "estimated_audience_size_min")]
    [InlineData("after=not-a-cursor", "after")]
    public async Task A_malformed_parameter_is_a_400_problem_naming_it(string parameters, string name)
    {
        foreach (var path in new[] { "/public/ads_archive", "/public/ads_archive/export" })
        {
            var response = await Client.GetAsync(path + "?" + parameters);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(name, out _), $"{path}?{parameters}: {problem.RootElement}");
            Assert.StartsWith(name + ":", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Unknown_parameters_such_as_access_token_are_ignored_and_other_ad_types_match_nothing()
    {
        using var ok = await GetJsonAsync("/public/ads_archive?access_token=abc&ad_reached_countries=US&ad_active_status=ALL&limit=1");
        Assert.Single(ok.RootElement.GetProperty("data").EnumerateArray());
        using var housing = await GetJsonAsync("/public/ads_archive?ad_type=HOUSING_ADS&ad_active_status=ALL");
        Assert.Empty(housing.RootElement.GetProperty("data").EnumerateArray());
        Assert.False(housing.RootElement.TryGetProperty("paging", out _));
    }

    [Fact]
    public async Task One_ad_by_platform_and_id_has_every_field_and_its_versions()
    {
        using var doc = await GetJsonAsync($"/public/ads_archive/ads/snapchat/{Snap}");
        var ad = doc.RootElement;
        Assert.Equal(Snap, ad.GetProperty("id").GetString());
        Assert.Equal("Voter Participation Center", ad.GetProperty("bylines").GetString());
        Assert.Equal("37", ad.GetProperty("spend").GetProperty("lower_bound").GetString());
        Assert.Equal("37", ad.GetProperty("spend").GetProperty("upper_bound").GetString());
        Assert.Equal("7917", ad.GetProperty("impressions").GetProperty("upper_bound").GetString());
        Assert.Equal("USD", ad.GetProperty("currency").GetString());

        using var some = await GetJsonAsync($"/public/ads_archive/ads/snapchat/{Snap}?fields=id,currency");
        Assert.Equal(["id", "currency"], some.RootElement.EnumerateObject().Select(p => p.Name));

        using var versions = await GetJsonAsync($"/public/ads_archive/ads/snapchat/{Snap}/versions");
        Assert.Equal(1, versions.RootElement.GetProperty("data").EnumerateArray().Single().GetProperty("version").GetInt32());

        var missing = await Client.GetAsync($"/public/ads_archive/ads/meta/{Snap}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains(Snap, await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/public/ads_archive/ads/snapchat/{Snap}/versions".Replace("00f8", "11f8", StringComparison.Ordinal))).StatusCode);
    }

    [Fact]
    public async Task Advertiser_page_sums_spend_by_currency_week_and_region()
    {
        var ads = fixture.Ads.Where(a => a.PageName == "Generál Pavel").ToList();
        var pageId = ads[0].PageId!;
        using var doc = await GetJsonAsync($"/public/ads_archive/pages/meta/{pageId}");
        var page = doc.RootElement;
        Assert.Equal("Generál Pavel", page.GetProperty("page_name").GetString());
        Assert.Equal(375, page.GetProperty("ads").GetInt32());
        Assert.Equal(ads.Select(a => a.Byline!).Distinct().Order(StringComparer.Ordinal), page.GetProperty("bylines").EnumerateArray().Select(b => b.GetString()));
        var spend = page.GetProperty("spend").EnumerateArray().Single();
        Assert.Equal("CZK", spend.GetProperty("currency").GetString());
        Assert.Equal(ads.Sum(a => a.Spend!.Value.Lower), spend.GetProperty("lower_bound").GetDecimal());
        Assert.Equal(ads.Sum(a => a.Spend!.Value.Upper!.Value), spend.GetProperty("upper_bound").GetDecimal());
        var weeks = page.GetProperty("spend_by_week").EnumerateArray().ToList();
        Assert.Equal(ads.Sum(a => a.Spend!.Value.Lower), weeks.Sum(w => w.GetProperty("lower_bound").GetDecimal()));
        Assert.Equal(weeks.Select(w => w.GetProperty("key").GetString()).Order(StringComparer.Ordinal), weeks.Select(w => w.GetProperty("key").GetString()));
        Assert.Contains(page.GetProperty("spend_by_region").EnumerateArray(), r => r.GetProperty("key").GetString() == "Prague");

        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/public/ads_archive/pages/snapchat/{pageId}")).StatusCode);
    }

    [Fact]
    public async Task Csv_export_streams_every_match_and_imports_back_to_the_same_ads()
    {
        var response = await Client.GetAsync("/public/ads_archive/export?format=csv&ad_reached_countries=[\"US\"]&ad_active_status=ALL&limit=5");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("ads_archive.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var items = new List<AdImportItem>();
        await foreach (var item in new AdImporter().ImportAsync(await response.Content.ReadAsStreamAsync(), new AdImportOptions()))
        {
            items.Add(item);
        }

        Assert.All(items, i => Assert.True(i.Accepted, string.Join("; ", i.Problems)));
        var expected = fixture.Ads.Where(a => a.ReachedCountries.Contains("US")).ToList();
        Assert.Equal(499, expected.Count);
        Assert.Equal(expected.Select(a => a.Id).Order(StringComparer.Ordinal), items.Select(i => i.Ad!.Id).Order(StringComparer.Ordinal));
        var snap = items.Single(i => i.Ad!.Id == Snap).Ad!;
        Assert.Equal(fixture.Ads.Single(a => a.Id == Snap).Spend, snap.Spend);
    }

    [Fact]
    public async Task Json_lines_and_json_exports_hold_the_same_ads_in_archive_order()
    {
        var lines = (await Client.GetStringAsync("/public/ads_archive/export?format=jsonl&ad_reached_countries=CZ&ad_active_status=ALL&search_terms=Zima"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var json = await GetJsonAsync("/public/ads_archive/export?format=json&ad_reached_countries=CZ&ad_active_status=ALL&search_terms=Zima&fields=id");
        var fromJson = json.RootElement.GetProperty("data").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        var fromLines = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToList();
        Assert.NotEmpty(fromLines);
        Assert.Equal(fromLines, fromJson);
        Assert.Contains("ad_creative_bodies", lines[0], StringComparison.Ordinal);

        var bad = await Client.GetAsync("/public/ads_archive/export?format=xml");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("format", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spend_aggregates_by_advertiser_never_mix_currencies_and_follow_the_filters()
    {
        using var doc = await GetJsonAsync("/public/ads_archive/spend?group_by=advertiser&publisher_platforms=SNAPCHAT&ad_active_status=ALL");
        var groups = doc.RootElement.GetProperty("data").EnumerateArray().ToList();
        var snap = fixture.Ads.Where(a => a.Platform == "snapchat").ToList();
        Assert.Equal(snap.Select(a => (a.Byline, a.Currency)).Distinct().Count(), groups.Count);
        Assert.Equal(744_802m, groups.Sum(g => g.GetProperty("lower_bound").GetDecimal()));
        var nextGen = groups.Where(g => g.GetProperty("key").GetString() == "NextGen America").ToList();
        Assert.Equal(64, nextGen.Sum(g => g.GetProperty("ads").GetInt32()));
        Assert.All(nextGen, g => Assert.Equal(
            snap.Where(a => a.Byline == "NextGen America" && a.Currency == g.GetProperty("currency").GetString()).Sum(a => a.Spend!.Value.Lower),
            g.GetProperty("lower_bound").GetDecimal()));

        using var weeks = await GetJsonAsync("/public/ads_archive/spend?group_by=week&ad_reached_countries=CZ&ad_active_status=ALL");
        Assert.All(weeks.RootElement.GetProperty("data").EnumerateArray(), w => Assert.Equal("CZK", w.GetProperty("currency").GetString()));
        Assert.Matches(@"^2022-W\d\d$", weeks.RootElement.GetProperty("data")[0].GetProperty("key").GetString()!);

        var bad = await Client.GetAsync("/public/ads_archive/spend?group_by=day");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("group_by", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<JsonDocument> GetJsonAsync(string url)
    {
        var response = await Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }
}
