using Vigil.Ads.Json;
using Vigil.Ads.Search;

namespace Vigil.Ads.Tests.Search;

public sealed class QueryParserTests
{
    private static KeyValuePair<string, string?> P(string k, string v) => new(k, v);

    [Fact]
    public void Meta_parameters_parse_with_json_arrays_python_lists_and_comma_lists()
    {
        var q = AdsArchiveQueryParser.Parse(
        [
            P("search_terms", "clean energy"), P("search_type", "KEYWORD_EXACT_PHRASE"), P("ad_type", "POLITICAL_AND_ISSUE_ADS"),
            P("ad_reached_countries", "['US']"), P("ad_active_status", "ALL"), P("ad_delivery_date_min", "2024-01-01"),
            P("ad_delivery_date_max", "2024-12-31"), P("search_page_ids", "[\"1\",\"2\"]"), P("bylines", "[\"A, Inc.\"]"),
            P("languages", "en,DE"), P("publisher_platforms", "[\"facebook\",\"SNAPCHAT\"]"), P("delivery_by_region", "[\"Texas\"]"),
            P("estimated_audience_size_min", "1000"), P("estimated_audience_size_max", "5000"),
            P("fields", "id,ad_creative_bodies,spend,funding_entity"), P("limit", "50"), P("access_token", "ignored"),
        ]);

        Assert.Equal("clean energy", q.SearchTerms);
        Assert.Equal(SearchType.KeywordExactPhrase, q.SearchType);
        Assert.Equal(["US"], q.ReachedCountries);
        Assert.Equal(ActiveStatus.All, q.ActiveStatus);
        Assert.Equal(new DateOnly(2024, 12, 31), q.DeliveryDateMax);
        Assert.Equal(["1", "2"], q.PageIds);
        Assert.Equal(["A, Inc."], q.Bylines);
        Assert.Equal(["en", "de"], q.Languages);
        Assert.Equal(["FACEBOOK", "SNAPCHAT"], q.PublisherPlatforms);
        Assert.Equal(AdField.Id | AdField.AdCreativeBodies | AdField.Spend | AdField.Bylines, q.Fields);
        Assert.Equal(50, q.Limit);
        Assert.Equal(1000, q.AudienceSizeMin);
    }

    [Theory]
    [InlineData("search_type", "FUZZY")]
    [InlineData("ad_active_status", "active")]
    [InlineData("ad_reached_countries", "[\"USA\"]")]
    [InlineData("ad_reached_countries", "[\"US\"")]
    [InlineData("ad_delivery_date_min", "2024-13-01")]
    [InlineData("languages", "english")]
    [InlineData("publisher_platforms", "MYSPACE")]
    [InlineData("fields", "id,secret_field")]
    [InlineData("limit", "0")]
    [InlineData("limit", "ten")]
    [InlineData("after", "not-a-cursor")]
    [InlineData("estimated_audience_size_min", "-5")]
    [InlineData("ad_type", "CAT_ADS")]
    [InlineData("bylines", "[]")]
    [InlineData("sort", "spend")]
    public void Malformed_parameter_is_named_in_the_error(string name, string value)
    {
        Assert.False(AdsArchiveQueryParser.TryParse([P(name, value)], out _, out var error));
        Assert.Equal(name, error!.Parameter);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Sort_is_parsed_written_back_and_a_cursor_of_another_order_is_refused()
    {
        var q = AdsArchiveQueryParser.Parse([P("sort", "spend_desc")]);
        Assert.Equal(AdSort.Spend, q.Sort);
        Assert.Contains("sort=spend_desc", AdsArchiveQueryString.Format(q), StringComparison.Ordinal);
        Assert.Equal(AdSort.Newest, AdsArchiveQueryParser.Parse([]).Sort);
        Assert.DoesNotContain("sort=", AdsArchiveQueryString.Format(new AdsArchiveQuery()), StringComparison.Ordinal);

        var spendCursor = new AdCursor(5, "meta:1") { Sort = AdSort.Spend, Value = 1500 }.Encode();
        Assert.True(AdCursor.TryDecode(spendCursor, out var decoded));
        Assert.Equal((AdSort.Spend, 1500L, 5L, "meta:1"), (decoded.Sort, decoded.Value, decoded.StartTicks, decoded.Id));
        Assert.True(AdsArchiveQueryParser.TryParse([P("after", spendCursor), P("sort", "spend_desc")], out _, out _));

        Assert.False(AdsArchiveQueryParser.TryParse([P("after", spendCursor)], out _, out var error));
        Assert.Equal("after", error!.Parameter);
        Assert.Contains("sort=spend_desc", error.Message, StringComparison.Ordinal);
        Assert.False(AdsArchiveQueryParser.TryParse([P("sort", "impressions_desc"), P("after", new AdCursor(5, "meta:1").Encode())], out _, out error));
        Assert.Equal("after", error!.Parameter);
    }

    [Fact]
    public void Date_range_backwards_names_the_max_parameter()
    {
        Assert.False(AdsArchiveQueryParser.TryParse([P("ad_delivery_date_min", "2024-02-01"), P("ad_delivery_date_max", "2024-01-01")], out _, out var error));
        Assert.Equal("ad_delivery_date_max", error!.Parameter);
    }

    [Fact]
    public void Formatted_query_string_parses_back_to_the_same_query()
    {
        var q = new AdsArchiveQuery
        {
            SearchTerms = "vote & win", ReachedCountries = ["US", "DE"], Bylines = ["A, \"B\""], Fields = AdField.Id | AdField.Spend,
            ActiveStatus = ActiveStatus.Inactive, Limit = 7, AudienceSizeMax = 10,
            After = new AdCursor(5, "meta:1").Encode(),
        };
        var pairs = AdsArchiveQueryString.Format(q).Split('&').Select(p => p.Split('=', 2))
            .Select(p => new KeyValuePair<string, string?>(p[0], Uri.UnescapeDataString(p[1])));

        var back = AdsArchiveQueryParser.Parse(pairs);

        Assert.Equal(q.SearchTerms, back.SearchTerms);
        Assert.Equal(q.ReachedCountries, back.ReachedCountries);
        Assert.Equal(q.Bylines, back.Bylines);
        Assert.Equal(q.Fields, back.Fields);
        Assert.Equal(q.ActiveStatus, back.ActiveStatus);
        Assert.Equal(q.Limit, back.Limit);
        Assert.Equal(q.After, back.After);
        Assert.Equal(q.AudienceSizeMax, back.AudienceSizeMax);
    }
}
