using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Core.Members;
using Vigil.Core.Sharing;
using Vigil.Core.Stix.Building;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Tests.Taxii;
using Vigil.Storage.Disclosures;
using static Vigil.Server.Tests.Infrastructure.RestCalls;

namespace Vigil.Server.Tests.Disclosures;

/// <summary>
/// Publishing a takedown disclosure from a case through the real pipeline, and reading it signed out: the JSON, the
/// hashed dataset, the index with search and the Atom feed; 404 for non-parties, 403 for non-platforms, fields named.
/// </summary>
public abstract class DisclosureApiContract
{
    private readonly StixBuilder _stix = new();

    protected abstract TestHub Hub { get; }

    private sealed record World(TestMember Agency, TestMember Platform, TestMember Outsider, string Collection, string CaseId);

    private async Task<World> WorldAsync(string status = "actioned")
    {
        var agency = await Hub.CreateMemberAsync(Sector.Government);
        var platform = await Hub.CreateMemberAsync();
        var outsider = await Hub.CreateMemberAsync();
        var orgs = new[] { agency.Organization.Id, platform.Organization.Id, outsider.Organization.Id };
        var collection = await Hub.CreateCollectionAsync(readOrgs: orgs, writeOrgs: orgs);
        var created = await SendAsync(Hub.BearerClient(agency.ApiKey), HttpMethod.Post, "/api/rest/cases", new
        {
            title = "Network posing as local news",
            type = "coordinated-network",
            severity = "high",
            partyOrgIds = new[] { platform.Organization.Id },
        }, HttpStatusCode.Created);
        var caseId = created.GetProperty("id").GetString()!;
        var client = Hub.BearerClient(platform.ApiKey);
        string[] steps = ["triaged", "in-progress", "actioned"];
        foreach (var next in steps[..(Array.IndexOf(steps, status) + 1)])
        {
            await SendAsync(client, HttpMethod.Post, $"/api/rest/cases/{caseId}/status", new { status = next }, HttpStatusCode.NoContent);
        }

        return new World(agency, platform, outsider, collection.Id, caseId);
    }

    private async Task<string> ShareAsync(TestMember member, string collection, TlpLevel level)
    {
        var stix = _stix.Indicator($"[domain-name:value = 'news-{Guid.NewGuid():N}.example']", DateTimeOffset.UtcNow, name: "Fake local news site");
        stix["object_marking_refs"] = new JsonArray(Tlp.IdOf(level));
        var response = await TaxiiClient.PostAsync(Hub.BearerClient(member.ApiKey), collection, stix);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return stix["id"]!.GetValue<string>();
    }

    private static object Body(string title, string[]? objectIds = null, string[]? confirmClear = null, bool identifiersPublic = false, object[]? dataset = null) => new
    {
        title,
        narrative = "We removed accounts and pages that posed as local news outlets and posted about polling places.",
        actor = "Example Marketing LLC",
        counts = new { accounts = 2, pages = 3, groups = 1, followers = 41000, adSpend = 1250.50m, adCurrency = "usd" },
        activityFrom = "2026-06-01",
        activityTo = "2026-10-20",
        samples = new[] { "Polling places in Maricopa are closed tomorrow", "Vote by text: reply YES" },
        dataset = dataset ?? new object[]
        {
            new { platform = "exampleplatform", accountId = "1001", handle = "@LocalNewsAZ", created = "2025-12-01", followers = 40000 },
            new { platform = "exampleplatform", accountId = "1002", handle = "azdaily", followers = 1000 },
        },
        identifiersPublic,
        objectIds = objectIds ?? [],
        confirmClear = confirmClear ?? [],
    };

    [Fact]
    public async Task A_platform_party_publishes_and_anyone_reads_it_signed_out_with_a_hashed_dataset()
    {
        var w = await WorldAsync();
        var platform = Hub.BearerClient(w.Platform.ApiKey);
        var amber = await ShareAsync(w.Agency, w.Collection, TlpLevel.Amber);
        var token = "zq" + Guid.NewGuid().ToString("N")[..10];
        var url = $"/api/rest/cases/{w.CaseId}/disclosures";

        var refused = await SendAsync(platform, HttpMethod.Post, url, Body($"Local news network {token}", [amber]), HttpStatusCode.BadRequest);
        Assert.Equal(["objectIds[0]"], ProblemFields(refused));
        var message = refused.GetProperty("errors").GetProperty("objectIds[0]")[0].GetString()!;
        Assert.Contains(amber, message, StringComparison.Ordinal);
        Assert.Contains("TLP:AMBER", message, StringComparison.Ordinal);

        var published = await SendAsync(platform, HttpMethod.Post, url, Body($"Local news network {token}", [amber], [amber]), HttpStatusCode.Created);
        Assert.True(published.GetProperty("caseDisclosed").GetBoolean());
        var id = published.GetProperty("disclosure").GetProperty("id").GetString()!;
        var theCase = await SendAsync(Hub.BearerClient(w.Agency.ApiKey), HttpMethod.Get, $"/api/rest/cases/{w.CaseId}", null, HttpStatusCode.OK);
        Assert.Equal("disclosed", theCase.GetProperty("case").GetProperty("status").GetString());
        Assert.Contains(theCase.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == SqlDisclosureStore.PublishedEvent);

        var read = await SendAsync(Hub.Client, HttpMethod.Get, $"/public/disclosures/{id}", null, HttpStatusCode.OK);
        Assert.Equal(($"Local news network {token}", "Example Marketing LLC", w.Platform.Organization.Name),
            (read.GetProperty("title").GetString(), read.GetProperty("actor").GetString(), read.GetProperty("publisher").GetString()));
        var counts = read.GetProperty("counts");
        Assert.Equal((2L, 3L, 1L, 41000L, 1250.50m, "USD"), (counts.GetProperty("accounts").GetInt64(), counts.GetProperty("pages").GetInt64(),
            counts.GetProperty("groups").GetInt64(), counts.GetProperty("followers").GetInt64(), counts.GetProperty("adSpend").GetDecimal(),
            counts.GetProperty("adCurrency").GetString()));
        Assert.Equal(["Polling places in Maricopa are closed tomorrow", "Vote by text: reply YES"], read.GetProperty("samples").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(("hmac-sha256", 2L), (read.GetProperty("identifiers").GetString(), read.GetProperty("datasetAccounts").GetInt64()));
        Assert.False(read.TryGetProperty("caseId", out _));
        var stix = Assert.Single(read.GetProperty("objects").EnumerateArray());
        Assert.Equal(amber, stix.GetProperty("id").GetString());
        Assert.Equal([Tlp.ClearId], stix.GetProperty("object_marking_refs").EnumerateArray().Select(m => m.GetString()));

        var csv = await Hub.Client.GetAsync(read.GetProperty("datasetUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var hasher = await Hub.Services.GetRequiredService<SqlDisclosureStore>().HasherAsync();
        Assert.Equal(
            [
                "platform,account_id,handle,created,followers",
                $"exampleplatform,{hasher.Hash("exampleplatform", "1001")},{hasher.Hash("exampleplatform", "LOCALNEWSAZ")},2025-12-01,40000",
                $"exampleplatform,{hasher.Hash("exampleplatform", "1002")},{hasher.Hash("exampleplatform", "AZDAILY")},,1000",
            ],
            lines);

        var index = await SendAsync(Hub.Client, HttpMethod.Get, $"/public/disclosures?q={token.ToUpperInvariant()}", null, HttpStatusCode.OK);
        Assert.Equal(1, index.GetProperty("total").GetInt64());
        Assert.Equal(id, index.GetProperty("items")[0].GetProperty("id").GetString());
        Assert.Equal(0, (await SendAsync(Hub.Client, HttpMethod.Get, $"/public/disclosures?q=nothing-{token}", null, HttpStatusCode.OK)).GetProperty("total").GetInt64());

        var feed = await Hub.Client.GetAsync("/public/disclosures/feed.atom");
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType?.MediaType);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entry = XDocument.Parse(await feed.Content.ReadAsStringAsync()).Root!.Elements(atom + "entry")
            .Single(e => e.Element(atom + "title")!.Value == $"Local news network {token}");
        Assert.EndsWith($"/disclosures/{id}", entry.Element(atom + "id")!.Value, StringComparison.Ordinal);
        Assert.Equal(w.Platform.Organization.Name, entry.Element(atom + "author")!.Element(atom + "name")!.Value);
    }

    [Fact]
    public async Task Only_a_platform_party_may_publish_and_bad_input_is_named_by_field()
    {
        var w = await WorldAsync("in-progress");
        var url = $"/api/rest/cases/{w.CaseId}/disclosures";

        await SendAsync(Hub.Client, HttpMethod.Post, url, Body("x"), HttpStatusCode.Unauthorized);
        await SendAsync(Hub.BearerClient(w.Outsider.ApiKey), HttpMethod.Post, url, Body("x"), HttpStatusCode.NotFound);
        await SendAsync(Hub.BearerClient(w.Platform.ApiKey), HttpMethod.Post, $"/api/rest/cases/case--{Guid.NewGuid()}/disclosures", Body("x"), HttpStatusCode.NotFound);
        await SendAsync(Hub.BearerClient(w.Agency.ApiKey), HttpMethod.Post, url, Body("x"), HttpStatusCode.Forbidden);
        var hidden = await ShareAsync(w.Outsider, w.Collection, TlpLevel.Red);
        var unseen = await SendAsync(Hub.BearerClient(w.Platform.ApiKey), HttpMethod.Post, url, Body("x", [hidden], [hidden]), HttpStatusCode.BadRequest);
        Assert.Equal(["objectIds[0]"], ProblemFields(unseen));

        var bad = await SendAsync(Hub.BearerClient(w.Platform.ApiKey), HttpMethod.Post, url, new
        {
            title = " ",
            narrative = "n",
            counts = new { accounts = -1, adSpend = 10 },
            activityFrom = "2026-10-01",
            activityTo = "2026-09-01",
            dataset = new object[] { new { platform = "p", handle = "h", created = "yesterday" } },
            objectIds = new[] { "not-an-id" },
            confirmClear = new[] { "indicator--00000000-0000-4000-8000-000000000000" },
        }, HttpStatusCode.BadRequest);
        Assert.Equal(["activityTo", "confirmClear[0]", "counts.accounts", "counts.adCurrency", "dataset[0].accountId", "dataset[0].created", "objectIds[0]", "title"],
            ProblemFields(bad));

        var ok = await SendAsync(Hub.BearerClient(w.Platform.ApiKey), HttpMethod.Post, url, Body("Not yet actioned"), HttpStatusCode.Created);
        Assert.False(ok.GetProperty("caseDisclosed").GetBoolean());
        await SendAsync(Hub.Client, HttpMethod.Get, $"/public/disclosures/disclosure--{Guid.NewGuid()}", null, HttpStatusCode.NotFound);
        await SendAsync(Hub.Client, HttpMethod.Get, $"/public/disclosures/disclosure--{Guid.NewGuid()}/dataset.csv", null, HttpStatusCode.NotFound);
        await SendAsync(Hub.Client, HttpMethod.Get, "/public/disclosures?page=0", null, HttpStatusCode.BadRequest);
        var beyond = await SendAsync(Hub.Client, HttpMethod.Get, $"/public/disclosures?page={int.MaxValue}&pageSize=100", null, HttpStatusCode.OK);
        Assert.Empty(beyond.GetProperty("items").EnumerateArray());
        await SendAsync(Hub.Client, HttpMethod.Get, "/public/disclosures?pageSize=500", null, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Identifiers_marked_public_are_downloaded_as_published_with_spreadsheet_formulas_defused()
    {
        var w = await WorldAsync();
        var published = await SendAsync(Hub.BearerClient(w.Platform.ApiKey), HttpMethod.Post, $"/api/rest/cases/{w.CaseId}/disclosures",
            Body("Public identifiers", identifiersPublic: true, dataset:
            [
                new { platform = "exampleplatform", accountId = "2001", handle = "=HYPERLINK(\"x\")", followers = 5 },
                new { platform = "exampleplatform", accountId = "2002", handle = "news, daily", followers = 6 },
            ]), HttpStatusCode.Created);
        var disclosure = published.GetProperty("disclosure");
        Assert.Equal("public", disclosure.GetProperty("identifiers").GetString());

        var text = await Hub.Client.GetStringAsync(disclosure.GetProperty("datasetUrl").GetString());

        Assert.Equal(
            ["platform,account_id,handle,created,followers", "exampleplatform,2001,\"'=HYPERLINK(\"\"x\"\")\",,5", "exampleplatform,2002,\"news, daily\",,6"],
            text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }
}
