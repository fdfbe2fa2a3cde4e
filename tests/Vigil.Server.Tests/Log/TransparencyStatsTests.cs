using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Core.Members;
using Vigil.Core.Sharing;
using Vigil.Core.Stix.Building;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Tests.Taxii;

namespace Vigil.Server.Tests.Log;

/// <summary>The public aggregate statistics are computed from the log's entries, per week and month, as JSON and CSV.</summary>
public sealed class TransparencyStatsTests : IAsyncLifetime
{
    private readonly StixBuilder _stix = new();
    private TestHub _hub = null!;

    public async Task InitializeAsync() => _hub = await TestHub.StartAsync();

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Shares_are_counted_by_author_sector_audience_marking_and_content_class()
    {
        var platform = await _hub.CreateMemberAsync();
        var agency = await _hub.CreateMemberAsync(Sector.Government);
        var collection = await _hub.CreateCollectionAsync(readOrgs: [platform.Organization.Id, agency.Organization.Id], writeOrgs: [platform.Organization.Id]);
        JsonObject Indicator(string marking, string? recipient = null, string? contentClass = null)
        {
            var indicator = _stix.Indicator($"[domain-name:value = 'x{Guid.NewGuid():N}.example']", DateTimeOffset.UtcNow);
            indicator["object_marking_refs"] = new JsonArray(marking);
            if (recipient is not null)
            {
                indicator["x_vigil_recipients"] = new JsonArray(recipient);
            }

            if (contentClass is not null)
            {
                indicator["x_vigil_content_class"] = contentClass;
            }

            return indicator;
        }

        var response = await TaxiiClient.PostAsync(_hub.BearerClient(platform.ApiKey), collection.Id,
            Indicator(Tlp.GreenId, contentClass: "public-content"), Indicator(Tlp.GreenId, contentClass: "public-content"),
            Indicator(Tlp.RedId, agency.Organization.IdentityId, "public-account-metadata"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        List<JsonElement> shares = [];
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (shares.Sum(r => r.GetProperty("count").GetInt64()) < 3)
        {
            Assert.True(DateTime.UtcNow < deadline, "the shares never reached the statistics");
            await Task.Delay(50);
            var stats = await _hub.Client.GetFromJsonAsync<JsonElement>("/public/transparency/stats?period=month");
            shares = [.. stats.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("measure").GetString() == "shares")];
        }

        var month = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        Assert.All(shares, r => Assert.Equal(month, r.GetProperty("period").GetString()));
        var green = Assert.Single(shares, r => r.GetProperty("dimensions").GetProperty("marking").GetString() == "TLP:GREEN");
        Assert.Equal(2, green.GetProperty("count").GetInt64());
        Assert.Equal(("platform", "collection readers", "public-content"), Dimensions(green));
        var red = Assert.Single(shares, r => r.GetProperty("dimensions").GetProperty("marking").GetString() == "TLP:RED");
        Assert.Equal(("platform", "government", "public-account-metadata"), Dimensions(red));

        var csv = await _hub.Client.GetStringAsync("/public/transparency/stats?period=week&format=csv");
        Assert.StartsWith("period,measure,dimensions,count\n", csv, StringComparison.Ordinal);
        Assert.Contains("author_sector=platform; audience=government; marking=TLP:RED; content_class=public-account-metadata\",1", csv, StringComparison.Ordinal);

        var bad = await _hub.Client.GetAsync("/public/transparency/stats?period=year");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True(JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("period", out _));

        var page = await _hub.Client.GetStringAsync("/transparency?period=month");
        Assert.Contains("Shares by sharing sector and content class", page, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"chart\"", page, StringComparison.Ordinal);
    }

    private static (string?, string?, string?) Dimensions(JsonElement row)
    {
        var d = row.GetProperty("dimensions");
        return (d.GetProperty("author_sector").GetString(), d.GetProperty("audience").GetString(), d.GetProperty("content_class").GetString());
    }
}
