using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Core.Members;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Ads;

/// <summary>Member platforms register advertisers and submit ads through <c>/api/ads</c>; reviewers verify; the public search sees the result.</summary>
public sealed class AdSubmissionApiTests(TestHubFixture fixture) : IClassFixture<TestHubFixture>
{
    private TestHub Hub => fixture.Hub;

    private static string Ad(string id, string page, Action<JsonObject>? change = null)
    {
        var ad = new JsonObject
        {
            ["id"] = id,
            ["platform"] = "youtube",
            ["page_id"] = page,
            ["page_name"] = "Friends of the Valley",
            ["bylines"] = "Friends of the Valley",
            ["ad_creative_bodies"] = new JsonArray("Vote on Sunday at your polling station"),
            ["publisher_platforms"] = new JsonArray("youtube"),
            ["ad_reached_countries"] = new JsonArray("DE"),
            ["languages"] = new JsonArray("de"),
            ["ad_delivery_start_time"] = "2026-10-01",
            ["ad_delivery_stop_time"] = "2026-10-14",
            ["currency"] = "EUR",
            ["spend"] = new JsonObject { ["lower_bound"] = "100", ["upper_bound"] = "199" },
        };
        change?.Invoke(ad);
        return ad.ToJsonString();
    }

    private async Task<(HttpClient Client, string Page, string AdvertiserId)> PlatformWithAdvertiserAsync(bool attested)
    {
        var member = await Hub.CreateMemberAsync(Sector.Platform);
        var client = Hub.BearerClient(member.ApiKey);
        var page = "UC" + Guid.NewGuid().ToString("N");
        var registration = new JsonObject
        {
            ["legal_name"] = "Friends of the Valley e.V.",
            ["country"] = "de",
            ["disclaimer"] = "Friends of the Valley",
            ["accounts"] = new JsonArray(new JsonObject { ["platform"] = "YouTube", ["account_id"] = page }),
        };
        if (attested)
        {
            registration["attestation"] = new JsonObject { ["platform"] = "youtube", ["reference"] = "yt-case-4711", ["process"] = "advertiser verification v3" };
        }

        var response = await client.PostAsync("/api/ads/advertisers", new StringContent(registration.ToJsonString(), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        using var advertiser = JsonDocument.Parse(body);
        Assert.Equal(attested ? "yt-case-4711" : null, advertiser.RootElement.TryGetProperty("attestation", out var a) && a.ValueKind == JsonValueKind.Object
            ? a.GetProperty("reference").GetString() : null);
        return (client, page, advertiser.RootElement.GetProperty("id").GetString()!);
    }

    private static async Task<JsonDocument> BulkAsync(HttpClient client, params string[] lines)
    {
        var response = await client.PostAsync("/api/ads/bulk", new StringContent(string.Join("\n", lines), Encoding.UTF8, "application/jsonl"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body);
    }

    [Fact]
    public async Task Bulk_submission_archives_the_good_ads_and_lists_every_rejection_with_row_field_and_reason()
    {
        var (client, page, _) = await PlatformWithAdvertiserAsync(attested: true);
        var id = Guid.NewGuid().ToString("N");

        using var answer = await BulkAsync(client,
            Ad(id, page),
            Ad(id + "-2", page, a => a.Remove("bylines")),
            Ad(id + "-3", page, a => a["spend"] = new JsonObject { ["lower_bound"] = "500", ["upper_bound"] = "100" }),
            Ad(id + "-4", "UC-unregistered"),
            "{\"id\": \"broken\", ",
            Ad(id + "-6", page, a => a["ad_reached_countries"] = new JsonArray("XX")));

        var root = answer.RootElement;
        Assert.Equal(1, root.GetProperty("created").GetInt32());
        Assert.Equal(5, root.GetProperty("rejected").GetInt32());
        var rejections = root.GetProperty("rejections").EnumerateArray()
            .Select(r => (Row: r.GetProperty("row").GetInt32(), Field: r.GetProperty("field").GetString(), Reason: r.GetProperty("reason").GetString()!)).ToList();
        Assert.Contains(rejections, r => r is { Row: 2, Field: "bylines" });
        Assert.Contains(rejections, r => r is { Row: 3, Field: "spend" });
        Assert.Contains(rejections, r => r.Row == 4 && r.Field == "advertiser" && r.Reason.Contains("no registered advertiser", StringComparison.Ordinal));
        Assert.Contains(rejections, r => r is { Row: 5, Field: "line" });
        Assert.Contains(rejections, r => r.Row == 6 && r.Field == "ad_reached_countries" && r.Reason.Contains("'XX'", StringComparison.Ordinal));

        using var found = JsonDocument.Parse(await Hub.Client.GetStringAsync(
            $"/public/ads_archive?search_page_ids={page}&ad_active_status=ALL&publisher_platforms=YOUTUBE&fields=id,bylines,spend"));
        var ad = Assert.Single(found.RootElement.GetProperty("data").EnumerateArray());
        Assert.Equal(id, ad.GetProperty("id").GetString());

        using var again = await BulkAsync(client, Ad(id, page));
        Assert.Equal(1, again.RootElement.GetProperty("unchanged").GetInt32());
        using var changed = await BulkAsync(client, Ad(id, page, a => a["spend"] = new JsonObject { ["lower_bound"] = "200", ["upper_bound"] = "299" }));
        Assert.Equal(1, changed.RootElement.GetProperty("new_versions").GetInt32());
        using var versions = JsonDocument.Parse(await Hub.Client.GetStringAsync($"/public/ads_archive/ads/youtube/{id}/versions"));
        Assert.Equal(2, versions.RootElement.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task An_unverified_advertisers_ad_is_refused_until_a_hub_reviewer_verifies_it()
    {
        var (client, page, advertiserId) = await PlatformWithAdvertiserAsync(attested: false);
        var id = Guid.NewGuid().ToString("N");

        var refused = await client.PostAsync("/api/ads", new StringContent(Ad(id, page), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("neither verified nor attested", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var hub = await Hub.CreateOrganizationAsync(Sector.Hub);
        var reviewer = await Hub.CreateUserAsync(hub, UserRole.Reviewer);
        var reviewerClient = Hub.BearerClient(reviewer.ApiKey);
        var verify = await reviewerClient.PostAsJsonAsync($"/api/ads/advertisers/{advertiserId}/verification", new { state = "verified", notes = "registry extract checked" });
        Assert.True(verify.StatusCode == HttpStatusCode.OK, await verify.Content.ReadAsStringAsync());
        var twice = await reviewerClient.PostAsJsonAsync($"/api/ads/advertisers/{advertiserId}/verification", new { state = "verified" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var bad = await reviewerClient.PostAsJsonAsync($"/api/ads/advertisers/{advertiserId}/verification", new { state = "approved" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("state", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/ads/advertisers/{advertiserId}/verification", new { state = "revoked", notes = "x" })).StatusCode);

        var accepted = await client.PostAsync("/api/ads", new StringContent(Ad(id, page), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        using var advertiser = JsonDocument.Parse(await client.GetStringAsync($"/api/ads/advertisers/{advertiserId}"));
        Assert.Equal("verified", advertiser.RootElement.GetProperty("verification").GetString());
        Assert.Equal("registry extract checked", advertiser.RootElement.GetProperty("history")[0].GetProperty("notes").GetString());
    }

    [Fact]
    public async Task Only_signed_in_platform_members_submit_and_an_account_registers_once()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Hub.Client.PostAsync("/api/ads/bulk", new StringContent("{}", Encoding.UTF8, "application/jsonl"))).StatusCode);
        var researcher = await Hub.CreateMemberAsync(Sector.Research);
        var denied = await Hub.BearerClient(researcher.ApiKey).PostAsync("/api/ads/bulk", new StringContent("{}", Encoding.UTF8, "application/jsonl"));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);

        var (client, page, _) = await PlatformWithAdvertiserAsync(attested: true);
        var duplicate = await client.PostAsJsonAsync("/api/ads/advertisers", new
        {
            legal_name = "Someone Else",
            country = "DE",
            disclaimer = "Someone Else",
            accounts = new[] { new { platform = "youtube", account_id = page } },
        });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        var invalid = await client.PostAsJsonAsync("/api/ads/advertisers", new { legal_name = "X", country = "Germany", accounts = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        using var problem = JsonDocument.Parse(await invalid.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("country", out _));
        Assert.True(errors.TryGetProperty("disclaimer", out _));
        Assert.True(errors.TryGetProperty("accounts", out _));
    }
}
