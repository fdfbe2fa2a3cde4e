using System.Net;
using System.Text.Json;
using Vigil.Core.Sharing;
using Vigil.Correlation.Sources;
using Vigil.Server.Enrichment;

namespace Vigil.Server.Tests.Enrichment;

public sealed class PublicLookupTests(EnrichmentHub hub) : IClassFixture<EnrichmentHub>
{
    private async Task<JsonElement> LookupAsync(string query, HttpClient? client = null)
    {
        using var response = await (client ?? hub.Client).GetAsync(EnrichmentApi.PublicLookupPath + "?" + query);
        return await EnrichmentHub.JsonAsync(response, HttpStatusCode.OK);
    }

    private static string[] Providers(JsonElement result) =>
        [.. result.GetProperty("ratings").EnumerateArray().Select(r => r.GetProperty("provider").GetString()!)];

    [Fact]
    public async Task Rated_news_domain_returns_the_published_rating_without_sign_in()
    {
        var result = await LookupAsync("domain=www.Reuters.com");
        Assert.Equal("www.reuters.com", result.GetProperty("normalized").GetString());
        var rating = Assert.Single(result.GetProperty("ratings").EnumerateArray());
        Assert.Equal(DomainQualityRatingsImporter.AggregateProvider, rating.GetProperty("provider").GetString());
        Assert.Equal(1.0, rating.GetProperty("score").GetDouble(), 3);
        Assert.Equal("2023-09-01", rating.GetProperty("ratedOn").GetString());
        Assert.Equal(DomainQualityRatingsImporter.Evidence, rating.GetProperty("evidence").GetString());
        Assert.Equal("reuters.com", rating.GetProperty("matchedOn").GetString());
        Assert.Null(result.GetProperty("sourcesProblem").GetString());
    }

    [Fact]
    public async Task State_media_url_is_normalized_and_labelled_with_country_and_control()
    {
        var result = await LookupAsync("url=" + Uri.EscapeDataString("HTTPS://www.RT.com:443/news/123?utm_source=x&id=7"));
        Assert.Equal("https://www.rt.com/news/123?id=7", result.GetProperty("normalized").GetString());
        var label = result.GetProperty("stateMedia").EnumerateArray().First(l => l.GetProperty("outlet").GetString() == "RT International");
        Assert.Equal("Russia", label.GetProperty("country").GetString());
        Assert.Equal("state-controlled", label.GetProperty("control").GetString());
        Assert.Equal("SC", label.GetProperty("typology").GetString());
    }

    [Fact]
    public async Task Operator_ratings_file_is_loaded_and_its_bad_row_skipped()
    {
        var result = await LookupAsync("url=" + Uri.EscapeDataString("https://spoof-results.example/live"));
        var rating = Assert.Single(result.GetProperty("ratings").EnumerateArray());
        Assert.Equal("Example Fact Check", rating.GetProperty("provider").GetString());
        Assert.Equal("fabricated results pages", rating.GetProperty("label").GetString());

        Assert.Empty(Providers(await LookupAsync("domain=bad-row.example")));
    }

    [Fact]
    public async Task Shortener_punycode_and_confusable_hosts_are_kept_and_flagged()
    {
        var shortened = await LookupAsync("url=" + Uri.EscapeDataString("https://bit.ly/3xYz"));
        Assert.True(shortened.GetProperty("flags").GetProperty("shortener").GetBoolean());

        // "pаypal.com" with a Cyrillic "а".
        var confusable = await LookupAsync("domain=" + Uri.EscapeDataString("p\u0430ypal.com"));
        Assert.StartsWith("xn--", confusable.GetProperty("normalized").GetString(), StringComparison.Ordinal);
        Assert.True(confusable.GetProperty("flags").GetProperty("punycode").GetBoolean());
        Assert.True(confusable.GetProperty("flags").GetProperty("confusable").GetBoolean());
        Assert.Equal("paypal.com", confusable.GetProperty("skeleton").GetString());
    }

    [Theory]
    [InlineData("url=" + "https%3A%2F%2Fexa%20mple.com%2F", "url")]
    [InlineData("url=" + "https%3A%2F%2F", "url")]
    [InlineData("domain=" + "-bad-.example..", "domain")]
    [InlineData("url=https%3A%2F%2Fa.example&domain=a.example", "url")]
    [InlineData("", "url")]
    public async Task Malformed_value_gets_400_naming_the_parameter_and_reason(string query, string parameter)
    {
        using var response = await hub.Client.GetAsync(EnrichmentApi.PublicLookupPath + "?" + query);
        var problem = await EnrichmentHub.JsonAsync(response, HttpStatusCode.BadRequest);
        var reasons = problem.GetProperty("errors").GetProperty(parameter).EnumerateArray().Select(e => e.GetString()).ToArray();
        Assert.NotEmpty(Assert.Single(reasons)!);
    }

    [Fact]
    public async Task Only_clear_objects_of_public_collections_that_touch_the_value_are_listed()
    {
        var (author, key) = await hub.CreateMemberAsync();
        var (reader, readerKey) = await hub.CreateMemberAsync();
        var open = await hub.CreateCollectionAsync(readOrgs: [reader.Id], writeOrgs: [author.Id], publicRead: true);
        using var client = hub.BearerClient(key);
        var host = $"tally-{Guid.NewGuid():N}"[..18] + ".example";
        var url = $"https://{host}/results";
        var clear = EnrichmentStix.Indicator($"[url:value = '{url}']", Tlp.ClearId);
        var sameHost = EnrichmentStix.Indicator($"[domain-name:value = '{host}']", Tlp.ClearId);
        var amber = EnrichmentStix.Indicator($"[url:value = '{url}']", Tlp.AmberId);
        var lookalike = EnrichmentStix.Indicator($"[url:value = 'https://{host}.net/results']", Tlp.ClearId);
        await EnrichmentHub.ShareAsync(client, open.Id, clear, sameHost, amber, lookalike);

        var result = await LookupAsync("url=" + Uri.EscapeDataString(url));
        var found = result.GetProperty("exchangeObjects").EnumerateArray()
            .ToDictionary(o => o.GetProperty("id").GetString()!, o => o.GetProperty("matchedOn").GetString());
        Assert.Equal(2, found.Count);
        Assert.Equal("url", found[(string)clear["id"]!]);
        Assert.Equal("domain", found[(string)sameHost["id"]!]);

        // A signed-in member who may read the AMBER object still gets only the public answer here.
        using var member = hub.BearerClient(readerKey);
        var asMember = await LookupAsync("url=" + Uri.EscapeDataString(url), member);
        Assert.DoesNotContain(asMember.GetProperty("exchangeObjects").EnumerateArray(), o => o.GetProperty("id").GetString() == (string)amber["id"]!);
        Assert.Equal(2, asMember.GetProperty("exchangeObjects").GetArrayLength());
    }
}
