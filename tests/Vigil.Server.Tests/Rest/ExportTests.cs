using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Rest;

public sealed class ExportTests(DemoHubFixture demo) : IClassFixture<DemoHubFixture>
{
    private static async Task<string[]> SearchIdsAsync(HttpClient client, string query)
    {
        var ids = new List<string>();
        string? next = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>("/api/rest/objects?limit=7" + query + (next is null ? string.Empty : "&next=" + Uri.EscapeDataString(next)));
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("object").GetProperty("id").GetString()!));
            next = page.GetProperty("more").GetBoolean() ? page.GetProperty("next").GetString() : null;
        }
        while (next is not null);

        return [.. ids];
    }

    [Theory]
    [InlineData("northwind-analyst")]
    [InlineData("task-force-analyst")]
    [InlineData("lakemoor-admin")]
    public async Task Bundle_export_holds_exactly_what_the_member_may_search(string user)
    {
        var client = demo.ClientFor(user);
        var response = await client.GetAsync("/api/rest/export?format=bundle");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("application/stix+json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var bundle = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("bundle", bundle.GetProperty("type").GetString());
        var exported = bundle.GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("id").GetString()!).ToArray();

        var searched = await SearchIdsAsync(client, string.Empty);
        Assert.NotEmpty(exported);
        Assert.Equal(searched, exported);
    }

    [Fact]
    public async Task Jsonl_export_with_a_type_filter_streams_one_object_per_line()
    {
        var client = demo.ClientFor("task-force-analyst");
        var text = await client.GetStringAsync("/api/rest/export?format=jsonl&type=indicator");
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Equal("indicator", JsonDocument.Parse(l).RootElement.GetProperty("type").GetString()));
        Assert.Equal(await SearchIdsAsync(client, "&type=indicator"), lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!).ToArray());
    }

    [Fact]
    public async Task Public_export_holds_only_clear_objects()
    {
        var bundle = await demo.Hub.Client.GetFromJsonAsync<JsonElement>("/api/rest/export");
        var exported = bundle.GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("id").GetString()!).ToArray();
        var search = await demo.Hub.Client.GetFromJsonAsync<JsonElement>("/api/rest/objects?limit=500");
        var items = search.GetProperty("items").EnumerateArray().ToArray();
        Assert.All(items, i => Assert.Equal("clear", i.GetProperty("tlp").GetString()));
        Assert.NotEmpty(exported);
        Assert.Equal(items.Select(i => i.GetProperty("object").GetProperty("id").GetString()!).ToArray(), exported);
    }

    [Fact]
    public async Task Unknown_export_format_is_a_problem_naming_the_parameter()
    {
        var response = await demo.ClientFor("task-force-analyst").GetAsync("/api/rest/export?format=xml");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("format", out _));
    }
}
