using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Core.Sharing;
using Vigil.Core.Stix.Building;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Tests.Taxii;

namespace Vigil.Server.Tests.Correlation;

public sealed class CorrelationApiTests(TestHubFixture fixture) : IClassFixture<TestHubFixture>
{
    private const string FormA = "https://vote-count-example.com/results?utm_source=feed";
    private const string FormB = "HTTPS://Vote-Count-Example.COM:443/results";
    private const string FormC = "https://vote-count-example.com/results?fbclid=abc123";

    private readonly StixBuilder _stix = new();

    private TestHub Hub => fixture.Hub;

    private async Task<(TestMember A, TestMember B, TestMember C, string Collection)> WorldAsync()
    {
        var (a, b, c) = (await Hub.CreateMemberAsync(), await Hub.CreateMemberAsync(), await Hub.CreateMemberAsync());
        var orgs = new[] { a.Organization.Id, b.Organization.Id, c.Organization.Id };
        var collection = await Hub.CreateCollectionAsync(readOrgs: orgs, writeOrgs: orgs);
        return (a, b, c, collection.Id);
    }

    private async Task ShareAsync(TestMember member, string collection, params JsonObject[] objects)
    {
        var response = await TaxiiClient.PostAsync(Hub.BearerClient(member.ApiKey), collection, objects);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static JsonObject Marked(JsonObject stix, TlpLevel level, params string[] recipients)
    {
        stix["object_marking_refs"] = new JsonArray(Tlp.IdOf(level));
        if (recipients.Length > 0)
        {
            stix["x_vigil_recipients"] = new JsonArray([.. recipients.Select(r => (JsonNode)r)]);
        }

        return stix;
    }

    private static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<HttpResponseMessage> LookupAsync(TestMember member, string query) =>
        Hub.BearerClient(member.ApiKey).GetAsync("/api/rest/observables?" + query);

    private static async Task AssertProblemNamesAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"no error for '{field}': {body}");
    }

    [Fact]
    public async Task Url_shared_by_two_members_is_found_from_any_surface_form_as_far_as_the_reader_may_see()
    {
        var (a, b, c, collection) = await WorldAsync();
        var fromA = Marked(_stix.Indicator($"[url:value = '{FormA}']", DateTimeOffset.UtcNow, name: "Fake results page"), TlpLevel.Green);
        var fromB = Marked(_stix.Url(FormB), TlpLevel.Red, a.Organization.IdentityId);
        await ShareAsync(a, collection, fromA);
        await ShareAsync(b, collection, fromB);

        var forA = await OkJsonAsync(await LookupAsync(a, "kind=url&value=" + Uri.EscapeDataString(FormC)));
        var forC = await OkJsonAsync(await LookupAsync(c, "kind=url&value=" + Uri.EscapeDataString(FormC)));

        Assert.Equal("url:https://vote-count-example.com/results", forA.GetProperty("key").GetString());
        Assert.Equal(
            new[] { a.Organization.Id, b.Organization.Id }.Order(),
            forA.GetProperty("reportedBy").EnumerateArray().Select(e => e.GetString()!).Order());
        Assert.Equal(2, forA.GetProperty("objects").GetArrayLength());
        Assert.Equal([a.Organization.Id], forC.GetProperty("reportedBy").EnumerateArray().Select(e => e.GetString()!));
        var only = Assert.Single(forC.GetProperty("objects").EnumerateArray());
        Assert.Equal(fromA["id"]!.GetValue<string>(), only.GetProperty("objectId").GetString());
    }

    [Fact]
    public async Task Lookup_shows_campaigns_and_sightings_reported_through_rest()
    {
        var (a, b, c, collection) = await WorldAsync();
        var indicator = Marked(_stix.Indicator($"[url:value = '{FormA}']", DateTimeOffset.UtcNow), TlpLevel.Green);
        var campaign = Marked(_stix.Campaign("Polling place rumour wave"), TlpLevel.Green);
        await ShareAsync(a, collection, indicator, campaign, Marked(_stix.Relationship(indicator, "indicates", campaign), TlpLevel.Green));
        var id = indicator["id"]!.GetValue<string>();

        var posted = await Hub.BearerClient(b.ApiKey).PostAsJsonAsync("/api/rest/sightings", new
        {
            sighting_of_ref = id,
            count = 4,
            first_seen = "2026-03-01T10:00:00Z",
            last_seen = "2026-03-02T10:00:00Z",
            collection,
            tlp = "green",
        });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var stored = await posted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(b.Organization.IdentityId, stored.GetProperty("sighting").GetProperty("created_by_ref").GetString());

        var hit = Assert.Single((await OkJsonAsync(await LookupAsync(c, "kind=url&value=" + Uri.EscapeDataString(FormB)))).GetProperty("objects").EnumerateArray());
        Assert.Equal("Polling place rumour wave", Assert.Single(hit.GetProperty("campaigns").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(4, hit.GetProperty("sightings").GetProperty("count").GetInt64());
        Assert.Equal(1, hit.GetProperty("sightings").GetProperty("members").GetInt32());

        var detail = await OkJsonAsync(await Hub.BearerClient(c.ApiKey).GetAsync("/api/rest/objects/" + id));
        Assert.Equal(4, detail.GetProperty("sightingSummary").GetProperty("count").GetInt64());
        Assert.Single(detail.GetProperty("sightings").EnumerateArray());
    }

    [Fact]
    public async Task Correlated_objects_are_grouped_by_value_and_unknown_ids_are_not_found()
    {
        var (a, b, _, collection) = await WorldAsync();
        var mine = Marked(_stix.Indicator($"[url:value = '{FormA}']", DateTimeOffset.UtcNow), TlpLevel.Green);
        var theirs = Marked(_stix.DomainName("vote-count-example.com"), TlpLevel.Green);
        await ShareAsync(a, collection, mine);
        await ShareAsync(b, collection, theirs);

        var answer = await OkJsonAsync(await Hub.BearerClient(a.ApiKey).GetAsync($"/api/rest/objects/{mine["id"]}/correlated"));

        var group = Assert.Single(answer.GetProperty("keys").EnumerateArray());
        Assert.Equal("domain:vote-count-example.com", group.GetProperty("key").GetString());
        Assert.Equal(theirs["id"]!.GetValue<string>(), Assert.Single(group.GetProperty("objects").EnumerateArray()).GetProperty("objectId").GetString());
        var unknown = await Hub.BearerClient(a.ApiKey).GetAsync("/api/rest/objects/indicator--00000000-0000-4000-8000-000000000001/correlated");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await AssertProblemNamesAsync(await Hub.BearerClient(a.ApiKey).GetAsync("/api/rest/objects/not-an-id/correlated"), HttpStatusCode.BadRequest, "id");
    }

    [Fact]
    public async Task Bad_lookup_input_gets_a_problem_naming_the_parameter()
    {
        var (a, _, _, _) = await WorldAsync();

        await AssertProblemNamesAsync(await LookupAsync(a, "kind=fax&value=123"), HttpStatusCode.BadRequest, "kind");
        await AssertProblemNamesAsync(await LookupAsync(a, "value=example.com"), HttpStatusCode.BadRequest, "kind");
        await AssertProblemNamesAsync(await LookupAsync(a, "kind=url"), HttpStatusCode.BadRequest, "value");
        await AssertProblemNamesAsync(await LookupAsync(a, "kind=url&value=" + Uri.EscapeDataString("http://exa mple.com/")), HttpStatusCode.BadRequest, "value");
        await AssertProblemNamesAsync(await LookupAsync(a, "kind=account&value=someone"), HttpStatusCode.BadRequest, "platform");
    }

    [Fact]
    public async Task Bad_sighting_reports_are_refused_with_the_field_named()
    {
        var (a, _, _, collection) = await WorldAsync();
        var outsider = await Hub.CreateMemberAsync();
        var indicator = Marked(_stix.Indicator($"[url:value = '{FormA}']", DateTimeOffset.UtcNow), TlpLevel.Amber);
        await ShareAsync(a, collection, indicator);
        var id = indicator["id"]!.GetValue<string>();
        var client = Hub.BearerClient(a.ApiKey);

        await AssertProblemNamesAsync(await client.PostAsJsonAsync("/api/rest/sightings", new { sighting_of_ref = "nope", collection }), HttpStatusCode.BadRequest, "sighting_of_ref");
        await AssertProblemNamesAsync(await client.PostAsJsonAsync("/api/rest/sightings", new { sighting_of_ref = id, collection, count = -1 }), HttpStatusCode.BadRequest, "count");
        await AssertProblemNamesAsync(await client.PostAsJsonAsync("/api/rest/sightings", new { sighting_of_ref = id }), HttpStatusCode.BadRequest, "collection");
        await AssertProblemNamesAsync(await client.PostAsJsonAsync("/api/rest/sightings",
            new { sighting_of_ref = id, collection, where_sighted_refs = new[] { id } }), HttpStatusCode.BadRequest, "where_sighted_refs[0]");
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/rest/sightings",
            new { sighting_of_ref = "indicator--00000000-0000-4000-8000-000000000002", collection })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Hub.BearerClient(outsider.ApiKey).PostAsJsonAsync("/api/rest/sightings",
            new { sighting_of_ref = id, collection })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Hub.Client.PostAsJsonAsync("/api/rest/sightings", new { sighting_of_ref = id, collection })).StatusCode);
    }
}
