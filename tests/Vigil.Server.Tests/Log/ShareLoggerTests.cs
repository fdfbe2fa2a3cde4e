using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Core.Events;
using Vigil.Core.Sharing;
using Vigil.Core.Stix.Building;
using Vigil.Ledger.Entries;
using Vigil.Ledger.Log;
using Vigil.Server.Log;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Tests.Taxii;
using Vigil.Storage.Alerts;
using Vigil.Storage.Objects;

namespace Vigil.Server.Tests.Log;

/// <summary>Every shared version reaches the transparency log as an <c>object-shared</c> entry, once, with no content.</summary>
public sealed class ShareLoggerTests(TestHubFixture fixture) : IClassFixture<TestHubFixture>
{
    private readonly StixBuilder _stix = new();

    private TestHub Hub => fixture.Hub;

    private TransparencyLog Log => Hub.Services.GetRequiredService<TransparencyLog>();

    [Fact]
    public async Task A_share_is_logged_per_version_with_its_marking_recipients_and_class_and_without_content()
    {
        var (a, b) = (await Hub.CreateMemberAsync(), await Hub.CreateMemberAsync(Vigil.Core.Members.Sector.Government));
        var collection = await Hub.CreateCollectionAsync(readOrgs: [a.Organization.Id, b.Organization.Id], writeOrgs: [a.Organization.Id]);
        var secretName = "Direct messages of " + Guid.NewGuid().ToString("N");
        var red = _stix.Indicator("[email-addr:value = 'organizer@example.org']", DateTimeOffset.UtcNow, name: secretName);
        red["object_marking_refs"] = new JsonArray(Tlp.RedId);
        red["x_vigil_recipients"] = new JsonArray(b.Organization.IdentityId);
        red["x_vigil_content_class"] = "private-message";
        red["x_vigil_legal_process"] = new JsonObject { ["type"] = "warrant", ["issuing_body"] = "District Court", ["number"] = "SW-17", ["date"] = "2026-10-01" };
        var green = _stix.DomainName("results-" + Guid.NewGuid().ToString("N")[..8] + ".example");
        green["object_marking_refs"] = new JsonArray(Tlp.GreenId);
        var response = await TaxiiClient.PostAsync(Hub.BearerClient(a.ApiKey), collection.Id, red, green);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var mine = await LogEntries.WaitForAsync<ObjectShared>(Hub, e => e.AuthorOrg == a.Organization.Id, atLeast: 2);

        var redEntry = Assert.Single(mine, e => e.ObjectId == red["id"]!.GetValue<string>());
        Assert.Equal(("TLP:RED", "private-message", red["modified"]!.GetValue<string>()), (redEntry.Marking, redEntry.ContentClass, redEntry.ObjectVersion));
        Assert.Equal([b.Organization.IdentityId], redEntry.Recipients);
        var greenEntry = Assert.Single(mine, e => e.ObjectId == green["id"]!.GetValue<string>());
        Assert.Equal(("TLP:GREEN", ShareLogger.UnclassifiedContent), (greenEntry.Marking, greenEntry.ContentClass));

        var raw = new List<string>();
        var size = await Log.GetSizeAsync();
        foreach (var entry in await Log.ReadEntriesAsync(Math.Max(0, size - 50), (int)Math.Min(50, size)))
        {
            raw.Add(Encoding.UTF8.GetString(entry.Span));
        }

        Assert.DoesNotContain(raw, e => e.Contains(secretName, StringComparison.Ordinal) || e.Contains("organizer@example.org", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Handling_an_event_again_after_a_restart_writes_nothing_twice()
    {
        var a = await Hub.CreateMemberAsync();
        var collection = await Hub.CreateCollectionAsync(readOrgs: [a.Organization.Id], writeOrgs: [a.Organization.Id]);
        var indicator = _stix.Indicator("[domain-name:value = 'again-" + Guid.NewGuid().ToString("N")[..8] + ".example']", DateTimeOffset.UtcNow);
        Assert.Equal(HttpStatusCode.Accepted, (await TaxiiClient.PostAsync(Hub.BearerClient(a.ApiKey), collection.Id, indicator)).StatusCode);
        await LogEntries.WaitForAsync<ObjectShared>(Hub, e => e.ObjectId == indicator["id"]!.GetValue<string>());

        var outbox = Hub.Services.GetRequiredService<SqlEventOutbox>();
        var events = (await outbox.ReadAfterAsync(0, 10_000)).Where(e => e.Kind == HubEventKinds.ObjectsShared).ToList();
        var size = await Log.GetSizeAsync();

        // A fresh consumer (as after a crash between appending and saving its cursor) sees every event again.
        await new ShareLogger(Hub.Services.GetRequiredService<IObjectStore>(), Log).HandleAsync(events, CancellationToken.None);

        Assert.Equal(size, await Log.GetSizeAsync());
        Assert.Single(await LogEntries.AllAsync<ObjectShared>(Hub), e => e.ObjectId == indicator["id"]!.GetValue<string>());
    }
}
