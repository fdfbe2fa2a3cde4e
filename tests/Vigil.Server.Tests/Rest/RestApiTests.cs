using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Server.Demo;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Rest;

public sealed class RestApiTests(DemoHubFixture demo) : IClassFixture<DemoHubFixture>
{
    private static async Task<JsonElement> PageAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/rest/objects" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static IEnumerable<JsonElement> Objects(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("object"));

    [Fact]
    public async Task Search_by_type_returns_only_that_type()
    {
        var page = await PageAsync(demo.ClientFor("task-force-analyst"), "?type=indicator");
        var types = Objects(page).Select(o => o.GetProperty("type").GetString()).ToArray();
        Assert.Equal(3, types.Length);
        Assert.All(types, t => Assert.Equal("indicator", t));
    }

    [Fact]
    public async Task Search_by_label_text_author_and_marking_narrows_the_results()
    {
        var client = demo.ClientFor("task-force-analyst");
        Assert.All(Objects(await PageAsync(client, "?label=voter-suppression")),
            o => Assert.Contains("voter-suppression", o.GetProperty("labels").EnumerateArray().Select(l => l.GetString())));
        Assert.NotEmpty(Objects(await PageAsync(client, "?label=voter-suppression")));

        var text = Objects(await PageAsync(client, "?text=Harbor%20Chorus&type=intrusion-set")).ToArray();
        Assert.Single(text);

        var byLab = (await PageAsync(client, "?author=" + DemoScenario.Lab.Id)).GetProperty("items").EnumerateArray().ToArray();
        Assert.NotEmpty(byLab);
        Assert.All(byLab, i => Assert.Equal(DemoScenario.Lab.Id, i.GetProperty("authorOrg").GetString()));

        var green = (await PageAsync(client, "?marking=green")).GetProperty("items").EnumerateArray().ToArray();
        Assert.NotEmpty(green);
        Assert.All(green, i => Assert.Equal("green", i.GetProperty("tlp").GetString()));
    }

    [Fact]
    public async Task Keyset_paging_returns_every_visible_object_once()
    {
        var client = demo.ClientFor("northwind-analyst");
        var all = Objects(await PageAsync(client, "?limit=500")).Select(o => o.GetProperty("id").GetString()).ToArray();
        var walked = new List<string?>();
        string? next = null;
        var pages = 0;
        do
        {
            var page = await PageAsync(client, "?limit=3" + (next is null ? string.Empty : "&next=" + Uri.EscapeDataString(next)));
            walked.AddRange(Objects(page).Select(o => o.GetProperty("id").GetString()));
            next = page.GetProperty("more").GetBoolean() ? page.GetProperty("next").GetString() : null;
            pages++;
        }
        while (next is not null && pages < 100);

        Assert.True(pages > 2);
        Assert.Equal(all, walked);
    }

    [Fact]
    public async Task Public_search_sees_only_clear_objects_of_public_collections()
    {
        var items = (await PageAsync(demo.Hub.Client, "?limit=500")).GetProperty("items").EnumerateArray().ToArray();
        Assert.NotEmpty(items);
        Assert.All(items, i =>
        {
            Assert.Equal("clear", i.GetProperty("tlp").GetString());
            Assert.Equal(DemoScenario.PublicAdvisories.Id, i.GetProperty("collectionId").GetString());
        });
    }

    [Fact]
    public async Task Red_note_is_seen_only_by_its_named_recipient_and_author()
    {
        const string query = "?type=note";
        Assert.Single(Objects(await PageAsync(demo.ClientFor("task-force-analyst"), query)));
        Assert.Single(Objects(await PageAsync(demo.ClientFor("lakemoor-admin"), query)));
        Assert.Empty(Objects(await PageAsync(demo.ClientFor("northwind-analyst"), query)));
        Assert.Empty(Objects(await PageAsync(demo.ClientFor("cyber-agency-analyst"), query)));
    }

    [Fact]
    public async Task Platform_collection_is_invisible_to_agencies()
    {
        Assert.Single(Objects(await PageAsync(demo.ClientFor("bluejay-analyst"), "?type=infrastructure")));
        Assert.Empty(Objects(await PageAsync(demo.ClientFor("task-force-analyst"), "?type=infrastructure")));
        var response = await demo.ClientFor("task-force-analyst").GetAsync("/api/rest/objects?collection=" + DemoScenario.PlatformCoordination.Id);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Object_detail_has_its_relationships_and_sightings()
    {
        var client = demo.ClientFor("task-force-analyst");
        var indicator = Objects(await PageAsync(client, "?type=indicator&text=ballot-status-check.example%27")).Single();
        var id = indicator.GetProperty("id").GetString();
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/rest/objects/{id}");
        Assert.Equal(id, detail.GetProperty("object").GetProperty("object").GetProperty("id").GetString());
        Assert.Single(detail.GetProperty("relationships").EnumerateArray());
        Assert.Single(detail.GetProperty("sightings").EnumerateArray());

        // The sighting is AMBER+STRICT to two agencies: a platform outside them sees the indicator but not the sighting.
        var outsider = await demo.ClientFor("quillfeed-analyst").GetFromJsonAsync<JsonElement>($"/api/rest/objects/{id}");
        Assert.Empty(outsider.GetProperty("sightings").EnumerateArray());
    }

    [Fact]
    public async Task Hidden_or_unknown_object_is_404_and_bad_id_is_400()
    {
        var note = Objects(await PageAsync(demo.ClientFor("task-force-analyst"), "?type=note")).Single().GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NotFound, (await demo.ClientFor("northwind-analyst").GetAsync($"/api/rest/objects/{note}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await demo.Hub.Client.GetAsync($"/api/rest/objects/{note}")).StatusCode);
        var bad = await demo.Hub.Client.GetAsync("/api/rest/objects/not-an-id");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=abc", "limit")]
    [InlineData("?marking=purple", "marking")]
    [InlineData("?next=garbage", "next")]
    [InlineData("?from=yesterday", "from")]
    [InlineData("?type=Not%20A%20Type", "type")]
    [InlineData("?versions=some", "versions")]
    public async Task Bad_search_parameter_gets_problem_naming_it(string query, string parameter)
    {
        var response = await demo.ClientFor("northwind-analyst").GetAsync("/api/rest/objects" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task Collections_list_shows_what_the_caller_may_read_and_write()
    {
        var platform = await demo.ClientFor("quillfeed-analyst").GetFromJsonAsync<JsonElement>("/api/rest/collections");
        Assert.Equal(3, platform.GetArrayLength());
        var agency = await demo.ClientFor("cyber-agency-analyst").GetFromJsonAsync<JsonElement>("/api/rest/collections");
        Assert.Equal(2, agency.GetArrayLength());
        var anonymous = await demo.Hub.Client.GetFromJsonAsync<JsonElement>("/api/rest/collections");
        Assert.Equal(DemoScenario.PublicAdvisories.Id, anonymous.EnumerateArray().Single().GetProperty("id").GetString());
    }
}
