using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Core.Members;
using Vigil.Core.Sharing;
using Vigil.Core.Stix.Building;
using Vigil.Ledger.Log;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Tests.Taxii;

namespace Vigil.Server.Tests.Log;

/// <summary>
/// <c>/api/oversight/log</c>: the full entries for the oversight role only, filtered by type, organization, sector and time,
/// paged by index without gaps or repeats, exported whole as CSV and JSON Lines, bad parameters named.
/// </summary>
public sealed class OversightLogApiTests : IAsyncLifetime
{
    private readonly StixBuilder _stix = new();
    private TestHub _hub = null!;

    public async Task InitializeAsync() => _hub = await TestHub.StartAsync();

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    private async Task<(TestMember Platform, TestMember Agency, TestMember Oversight)> SharedAsync(int objects)
    {
        var platform = await _hub.CreateMemberAsync();
        var agency = await _hub.CreateMemberAsync(Sector.Government);
        var oversight = await _hub.CreateMemberAsync(Sector.CivilSociety, UserRole.Oversight);
        var collection = await _hub.CreateCollectionAsync(readOrgs: [agency.Organization.Id], writeOrgs: [platform.Organization.Id]);
        var stix = Enumerable.Range(0, objects).Select(i =>
        {
            var indicator = _stix.Indicator($"[domain-name:value = 'o{i}-{Guid.NewGuid():N}.example']", DateTimeOffset.UtcNow);
            indicator["object_marking_refs"] = new JsonArray(Tlp.GreenId);
            return indicator;
        }).ToArray();
        Assert.Equal(HttpStatusCode.Accepted, (await TaxiiClient.PostAsync(_hub.BearerClient(platform.ApiKey), collection.Id, stix)).StatusCode);
        var agencyClient = _hub.BearerClient(agency.ApiKey);
        Assert.Equal(HttpStatusCode.Created, (await agencyClient.PostAsJsonAsync("/api/rest/requests", new
        {
            kind = "review-content", recipientOrgIds = new[] { platform.Organization.Id }, subject = "Review the domains",
        })).StatusCode);
        var log = _hub.Services.GetRequiredService<TransparencyLog>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await log.GetSizeAsync() < objects + 1)
        {
            Assert.True(DateTime.UtcNow < deadline, "the shares did not reach the log");
            await Task.Delay(50);
        }

        return (platform, agency, oversight);
    }

    [Fact]
    public async Task Only_the_oversight_role_reads_the_entries()
    {
        var (platform, agency, oversight) = await SharedAsync(3);

        Assert.Equal(HttpStatusCode.Forbidden, (await _hub.BearerClient(platform.ApiKey).GetAsync("/api/oversight/log")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _hub.BearerClient(agency.ApiKey).GetAsync("/api/oversight/log/export?format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _hub.Client.GetAsync("/api/oversight/log")).StatusCode);
        var page = await _hub.BearerClient(oversight.ApiKey).GetFromJsonAsync<JsonElement>("/api/oversight/log");
        Assert.Equal(4, page.GetProperty("entries").GetArrayLength());
    }

    [Fact]
    public async Task Filters_select_by_type_organization_and_sector_and_pages_cover_every_match_once()
    {
        var (platform, agency, oversight) = await SharedAsync(7);
        var client = _hub.BearerClient(oversight.ApiKey);

        var requests = await client.GetFromJsonAsync<JsonElement>($"/api/oversight/log?type=request-sent&org={agency.Organization.Id}");
        var sent = Assert.Single(requests.GetProperty("entries").EnumerateArray()).GetProperty("entry");
        Assert.Equal((agency.Organization.Id, platform.Organization.Id), (sent.GetProperty("from_org").GetString(), sent.GetProperty("to_org").GetString()));
        var none = await client.GetFromJsonAsync<JsonElement>("/api/oversight/log?type=request-sent&sector=research");
        Assert.Equal(0, none.GetProperty("entries").GetArrayLength());

        var seen = new List<long>();
        long? after = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/oversight/log?type=object-shared&limit=3{(after is { } a ? $"&after={a}" : string.Empty)}");
            foreach (var entry in page.GetProperty("entries").EnumerateArray())
            {
                Assert.Equal(platform.Organization.Id, entry.GetProperty("entry").GetProperty("author_org").GetString());
                seen.Add(entry.GetProperty("index").GetInt64());
            }

            after = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetInt64();
        }
        while (after is not null);

        Assert.Equal(7, seen.Count);
        Assert.Equal(seen.Order(), seen);
        Assert.Equal(7, seen.Distinct().Count());
    }

    [Fact]
    public async Task Exports_stream_every_match_as_csv_and_json_lines()
    {
        var (_, _, oversight) = await SharedAsync(5);
        var client = _hub.BearerClient(oversight.ApiKey);

        var csv = await client.GetStringAsync("/api/oversight/log/export?format=csv&type=object-shared");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("index,type,at,entry", lines[0]);
        Assert.Equal(5, lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.Contains(",object-shared,", l, StringComparison.Ordinal));

        var jsonl = await client.GetStringAsync("/api/oversight/log/export?format=jsonl");
        var entries = jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(6, entries.Count);
        Assert.Single(entries, e => e.GetProperty("entry").GetProperty("type").GetString() == "request-sent");
        Assert.Equal(entries.Select(e => e.GetProperty("index").GetInt64()).Order(), entries.Select(e => e.GetProperty("index").GetInt64()));
    }

    [Theory]
    [InlineData("/api/oversight/log?type=gossip", "type")]
    [InlineData("/api/oversight/log?sector=press", "sector")]
    [InlineData("/api/oversight/log?from=yesterday", "from")]
    [InlineData("/api/oversight/log?from=2026-11-10&to=2026-11-01", "to")]
    [InlineData("/api/oversight/log?after=-4", "after")]
    [InlineData("/api/oversight/log?limit=5000", "limit")]
    [InlineData("/api/oversight/log/export?format=xml", "format")]
    public async Task Bad_parameters_are_named(string url, string field)
    {
        var oversight = await _hub.CreateMemberAsync(Sector.CivilSociety, UserRole.Oversight);

        var response = await _hub.BearerClient(oversight.ApiKey).GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
