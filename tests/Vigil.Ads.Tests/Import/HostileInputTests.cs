using Vigil.Ads.Import;

namespace Vigil.Ads.Tests.Import;

public sealed class HostileInputTests
{
    private const string OlderMetaHeader =
        "adlib_id,ad_creative_body,funding_entity,page_id,page_name,currency,spend_lower,spend_upper,impressions_lower,impressions_upper," +
        "potential_reach_lower,potential_reach_upper,ad_delivery_start_time,ad_delivery_stop_time,languages,female_18-24,male_18-24,Prague,Brno";

    [Fact]
    public async Task Older_meta_csv_with_bom_and_NA_imports_and_missing_values_stay_missing()
    {
        var csv = "\uFEFF" + OlderMetaHeader + "\n" +
            "111,\"Hello, \"\"world\"\"\nsecond line\",Funder A,9,Page,CZK,100,199,1000,1999,5000,NA,2022-07-09,NA,NA,0.5,0.5,0.6,NA\n";

        var item = Assert.Single(await TestAds.ImportTextAsync(csv));

        var ad = item.Ad;
        Assert.NotNull(ad);
        Assert.Equal("111", ad.Id);
        Assert.Equal("Hello, \"world\"\nsecond line", ad.CreativeBodies.Single());
        Assert.Equal("Funder A", ad.Byline);
        Assert.Equal(new Model.Bounds(5000, null), ad.EstimatedAudienceSize);
        Assert.Null(ad.DeliveryStop);
        Assert.Empty(ad.Languages);
        Assert.Equal(2, ad.Demographics.Count);
        Assert.Equal([new Model.RegionShare("Prague", 0.6)], ad.Regions);
        Assert.Empty(ad.ReachedCountries);
        Assert.Null(ad.CreatedAt);
    }

    [Fact]
    public async Task Bad_meta_csv_rows_are_rejected_with_row_field_and_reason_and_the_rest_imports()
    {
        var csv = OlderMetaHeader + "\n" +
            "1,ok,F,9,P,CZK,100,199,0,999,,,2022-07-09,2022-07-10,cs,0.5,0.5,,\n" +
            "2,inverted,F,9,P,CZK,500,199,0,999,,,2022-07-09,2022-07-10,cs,0.5,0.5,,\n" +
            "3,no byline,,9,P,CZK,100,199,0,999,,,2022-07-09,2022-07-10,cs,0.5,0.5,,\n" +
            "4,shares,F,9,P,CZK,100,199,0,999,,,2022-07-09,2022-07-10,cs,0.5,0.1,,\n" +
            "5,stop first,F,9,P,CZK,100,199,0,999,,,2022-07-09,2022-07-01,cs,0.5,0.5,,\n" +
            "6,language,F,9,P,CZK,100,199,0,999,,,2022-07-09,2022-07-10,xx,0.5,0.5,,\n" +
            "7,date,F,9,P,CZK,100,199,0,999,,,yesterday,2022-07-10,cs,0.5,0.5,,\n" +
            "8,short row,F\n" +
            "9,number,F,9,P,CZK,abc,199,0,999,,,2022-07-09,2022-07-10,cs,0.5,0.5,,\n" +
            "10,ok again,F,9,P,CZK,100,199,0,999,,,2022-07-09,2022-07-10,cs,0.5,0.5,,\n";

        var items = await TestAds.ImportTextAsync(csv);

        Assert.Equal(10, items.Count);
        Assert.Equal(["1", "10"], items.Where(i => i.Accepted).Select(i => i.Ad!.Id));
        string Field(int row) => string.Join(",", items[row - 1].Problems.Select(p => p.Field));
        Assert.Equal("spend", Field(2));
        Assert.Contains("inverted", items[1].Problems[0].Reason, StringComparison.Ordinal);
        Assert.Equal("bylines", Field(3));
        Assert.Equal("demographic_distribution", Field(4));
        Assert.Equal("ad_delivery_stop_time", Field(5));
        Assert.Equal("languages", Field(6));
        Assert.Equal("ad_delivery_start_time", Field(7));
        Assert.Equal("row", Field(8));
        Assert.Equal("spend", Field(9));
        Assert.Equal(Enumerable.Range(1, 10), items.Select(i => i.Row));
        Assert.Equal(9, items[7].Line);
    }

    [Fact]
    public async Task Unterminated_quote_rejects_only_the_last_row()
    {
        var csv = OlderMetaHeader + "\n" +
            "1,ok,F,9,P,CZK,100,199,0,999,,,2022-07-09,2022-07-10,cs,0.5,0.5,,\n" +
            "2,\"never closed,F,9,P,CZK,100,199,0,999,,,2022-07-09,2022-07-10,cs,0.5,0.5,,\n";

        var items = await TestAds.ImportTextAsync(csv);

        Assert.True(items[0].Accepted);
        Assert.Contains("unterminated", Assert.Single(items[1].Problems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snap_row_with_unknown_country_or_bad_spend_is_rejected_and_others_import()
    {
        var csv = "ADID,Currency Code,Spend,Impressions,StartDate,EndDate,OrganizationName,PayingAdvertiserName,CountryCode\n" +
            "a1,USD,10,100,2018/10/01 22:00:57Z,,Org,Payer,united states\n" +
            "a2,USD,10,100,2018/10/01 22:00:57Z,,Org,Payer,atlantis\n" +
            "a3,USD,ten,100,2018/10/01 22:00:57Z,,Org,Payer,canada\n" +
            "a4,USD,10,100,2018/10/01 22:00:57Z,,Org,,canada\n";

        var items = await TestAds.ImportTextAsync(csv);

        Assert.Equal(AdFileFormat.SnapCsv, AdImporter.Detect(csv[..csv.IndexOf('\n', StringComparison.Ordinal)]));
        Assert.True(items[0].Accepted);
        Assert.Equal("CountryCode", items[1].Problems.Single().Field);
        Assert.Equal("Spend", items[2].Problems.Single().Field);
        Assert.Equal("bylines", items[3].Problems.Single().Field);
    }

    [Fact]
    public async Task Meta_json_entry_of_the_wrong_shape_is_rejected_and_the_page_continues()
    {
        const string json = """
            {"data":[
              {"id":"1","bylines":"F","spend":{"lower_bound":"0","upper_bound":"99"},"currency":"USD"},
              {"id":"2","bylines":"F","spend":["0","99"],"currency":"USD"},
              {"bylines":"F"},
              {"id":"4","bylines":"F","demographic_distribution":[{"percentage":"0.7","age":"18-24","gender":"female"}]}
            ],"paging":{"cursors":{"after":"x"}}}
            """;

        var items = await TestAds.ImportTextAsync(json);

        Assert.Equal(4, items.Count);
        Assert.True(items[0].Accepted);
        Assert.Equal("spend", items[1].Problems.Single().Field);
        Assert.Equal("id", items[2].Problems.Single().Field);
        Assert.Equal("demographic_distribution", items[3].Problems.Single().Field);
    }

    [Fact]
    public async Task Json_lines_bad_line_is_rejected_with_its_line_number()
    {
        var text = "{\"id\":\"1\",\"platform\":\"youtube\",\"bylines\":\"F\"}\n" +
            "{\"id\":\"2\",\"bylines\":\n" +
            "\n" +
            "{\"id\":\"3\",\"platform\":\"youtube\",\"bylines\":\"F\",\"ad_reached_countries\":[\"ZZ\"]}\n";

        var items = await TestAds.ImportTextAsync(text);

        Assert.Equal(3, items.Count);
        Assert.Equal("youtube", items[0].Ad!.Platform);
        Assert.Equal(("line", 2), (items[1].Problems.Single().Field, items[1].Line));
        Assert.Equal(("ad_reached_countries", 4), (items[2].Problems.Single().Field, items[2].Line));
    }

    [Fact]
    public async Task Unrecognized_header_fails_the_file_with_a_clear_message()
    {
        var ex = await Assert.ThrowsAsync<AdImportFormatException>(() => TestAds.ImportTextAsync("name,age\nx,1\n"));
        Assert.Contains("not a recognized ad file header", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oversized_creative_is_rejected_with_the_limit()
    {
        var body = new string('a', 40_000);
        var items = await TestAds.ImportTextAsync($"{{\"id\":\"1\",\"bylines\":\"F\",\"ad_creative_bodies\":[\"{body}\"]}}\n");
        var problem = Assert.Single(Assert.Single(items).Problems);
        Assert.Equal("ad_creative_bodies", problem.Field);
        Assert.Contains("32768", problem.Reason, StringComparison.Ordinal);
    }
}
