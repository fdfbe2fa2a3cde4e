using System.Net;
using System.Text.Json;
using Vigil.Core.Sharing;

namespace Vigil.Server.Tests.Enrichment;

/// <summary>Objects in the exchange carry the source registry's labels for the URLs and domains they touch.</summary>
public sealed class ObjectSourceLabelsTests(EnrichmentHub hub) : IClassFixture<EnrichmentHub>
{
    [Fact]
    public async Task Object_detail_lists_state_media_labels_and_ratings_of_the_urls_it_touches()
    {
        var (author, key) = await hub.CreateMemberAsync();
        var collection = await hub.CreateCollectionAsync(readOrgs: [author.Id], writeOrgs: [author.Id]);
        var indicator = EnrichmentStix.Indicator(
            "[url:value = 'https://www.rt.com/news/ballots-" + Guid.NewGuid().ToString("N")[..6] + "'] OR [domain-name:value = 'www.reuters.com']", Tlp.GreenId);
        var client = hub.BearerClient(key);
        await EnrichmentHub.ShareAsync(client, collection.Id, indicator);

        using var response = await client.GetAsync("/api/rest/objects/" + (string)indicator["id"]!);
        var detail = await EnrichmentHub.JsonAsync(response, HttpStatusCode.OK);
        var sources = detail.GetProperty("sources").EnumerateArray().ToList();

        var rt = sources.Single(s => s.GetProperty("value").GetString()!.StartsWith("url:https://www.rt.com/", StringComparison.Ordinal));
        var label = rt.GetProperty("stateMedia").EnumerateArray().First(l => l.GetProperty("outlet").GetString() == "RT International");
        Assert.Equal("Russia", label.GetProperty("country").GetString());
        var reuters = sources.Where(s => s.GetProperty("value").GetString() is "domain:www.reuters.com" or "domain:reuters.com").ToList();
        Assert.NotEmpty(reuters);
        Assert.All(reuters, r => Assert.NotEmpty(r.GetProperty("ratings").EnumerateArray()));
        Assert.All(reuters, r => Assert.Empty(r.GetProperty("stateMedia").EnumerateArray()));
    }
}
