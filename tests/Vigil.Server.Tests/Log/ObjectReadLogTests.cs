using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Vigil.Core.Members;
using Vigil.Core.Sharing;
using Vigil.Core.Stix.Building;
using Vigil.Ledger.Entries;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Tests.Taxii;

namespace Vigil.Server.Tests.Log;

/// <summary>
/// <c>object-read</c> entries: a read by a member of another sector than the author's is logged once per reader and object
/// on every content read path (TAXII objects, REST object, search, export); reads within the author's sector and the
/// author's own reads are not.
/// </summary>
public sealed class ObjectReadLogTests : IAsyncLifetime
{
    private readonly StixBuilder _stix = new();
    private TestHub _hub = null!;

    public async Task InitializeAsync() => _hub = await TestHub.StartAsync();

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    /// <summary>The reads once <paramref name="expected"/> have arrived, after a pause that lets a wrongly repeated entry arrive too.</summary>
    private async Task<List<ObjectRead>> ReadsAsync(int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await LogEntries.AllAsync<ObjectRead>(_hub)).Count < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await Task.Delay(300);
        return await LogEntries.AllAsync<ObjectRead>(_hub);
    }

    [Fact]
    public async Task Reads_across_sectors_are_logged_once_per_reader_and_object_on_every_read_path()
    {
        var platform = await _hub.CreateMemberAsync();
        var otherPlatform = await _hub.CreateMemberAsync();
        var agency = await _hub.CreateMemberAsync(Sector.Government);
        var lab = await _hub.CreateMemberAsync(Sector.Research);
        var readers = new[] { otherPlatform.Organization.Id, agency.Organization.Id, lab.Organization.Id };
        var collection = await _hub.CreateCollectionAsync(readOrgs: readers, writeOrgs: [platform.Organization.Id]);
        var stix = Enumerable.Range(0, 3).Select(i =>
        {
            var indicator = _stix.Indicator($"[domain-name:value = 'read{i}-{Guid.NewGuid():N}.example']", DateTimeOffset.UtcNow, name: "read-audit " + i);
            indicator["object_marking_refs"] = new JsonArray(Tlp.GreenId);
            return indicator;
        }).ToArray();
        Assert.Equal(HttpStatusCode.Accepted, (await TaxiiClient.PostAsync(_hub.BearerClient(platform.ApiKey), collection.Id, stix)).StatusCode);
        var first = stix[0]["id"]!.GetValue<string>();

        // The agency pulls the collection twice and opens one object: three entries, not seven.
        var agencyClient = _hub.BearerClient(agency.ApiKey);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await TaxiiClient.GetAsync(agencyClient, TaxiiClient.CollectionUrl(collection.Id) + "objects/")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await agencyClient.GetAsync($"/api/rest/objects/{first}")).StatusCode);

        // Same sector and the author itself: nothing. The lab searches and exports: three more.
        Assert.Equal(HttpStatusCode.OK, (await TaxiiClient.GetAsync(_hub.BearerClient(otherPlatform.ApiKey), TaxiiClient.CollectionUrl(collection.Id) + "objects/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TaxiiClient.GetAsync(_hub.BearerClient(platform.ApiKey), TaxiiClient.CollectionUrl(collection.Id) + "objects/")).StatusCode);
        var labClient = _hub.BearerClient(lab.ApiKey);
        Assert.Equal(HttpStatusCode.OK, (await labClient.GetAsync("/api/rest/objects?text=read-audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await labClient.GetAsync("/api/rest/export?format=jsonl")).StatusCode);

        var reads = await ReadsAsync(6);

        Assert.Equal(6, reads.Count);
        var byAgency = reads.Where(r => r.ReaderOrg == agency.Organization.Id).ToList();
        Assert.Equal(3, byAgency.Count);
        Assert.Equal(stix.Select(s => s["id"]!.GetValue<string>()).Order(), byAgency.Select(r => r.ObjectId).Order());
        Assert.All(byAgency, r => Assert.Equal((Sector.Government, Sector.Platform, "user:" + agency.User.Id), (r.ReaderSector, r.AuthorSector, r.ReaderPseudonym)));
        Assert.Equal(3, reads.Count(r => r.ReaderOrg == lab.Organization.Id && r.ReaderSector == Sector.Research));
        Assert.DoesNotContain(reads, r => r.ReaderOrg == otherPlatform.Organization.Id || r.ReaderOrg == platform.Organization.Id);
    }
}
