using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Cli.Audit;
using Vigil.Core.Members;
using Vigil.Core.Sharing;
using Vigil.Core.Stix.Building;
using Vigil.Ledger.Entries;
using Vigil.Ledger.Log;
using Vigil.Server.Log;
using Vigil.Server.Retention;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Tests.Taxii;
using Vigil.Storage.Alerts;
using static Vigil.Server.Tests.Infrastructure.RestCalls;

namespace Vigil.Server.Tests.Retention;

/// <summary>
/// Deletion and retention through the real pipeline on SQLite and PostgreSQL (the concrete subclasses): a TAXII DELETE
/// and each retention expiry or erasure reach the transparency log as <c>data-deleted</c>, the log still verifies end to
/// end, a peer polling with <c>added_after</c> receives the revoked tombstone, and no read path shows expired content.
/// </summary>
public abstract class RetentionApiContract : IAsyncLifetime
{
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private TestHub _hub = null!;

    protected abstract Task<TestHubOptions> HubOptionsAsync();

    public async Task InitializeAsync()
    {
        var options = await HubOptionsAsync();
        _hub = await TestHub.StartAsync(options with
        {
            ConfigureServices = services =>
            {
                services.AddSingleton<TimeProvider>(_clock);
                services.AddSingleton(new RetentionOptions { ClosedCaseDays = 180 });
            },
        });
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task A_taxii_delete_reaches_the_log_as_data_deleted_and_the_log_still_verifies()
    {
        var author = await _hub.CreateMemberAsync();
        var collection = await _hub.CreateCollectionAsync(readOrgs: [author.Organization.Id], writeOrgs: [author.Organization.Id]);
        var secret = "Leaked inbox of " + Guid.NewGuid().ToString("N");
        var indicator = new StixBuilder(_clock).Indicator($"[domain-name:value = 'del-{Guid.NewGuid():N}.example']", _clock.GetUtcNow(), name: secret);
        var id = indicator["id"]!.GetValue<string>();
        var client = _hub.BearerClient(author.ApiKey);
        Assert.Equal(HttpStatusCode.Accepted, (await TaxiiClient.PostAsync(client, collection.Id, indicator)).StatusCode);

        using (var delete = new HttpRequestMessage(HttpMethod.Delete, TaxiiClient.CollectionUrl(collection.Id) + $"objects/{id}/"))
        {
            delete.Headers.TryAddWithoutValidation("Accept", TaxiiClient.MediaType);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(delete)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await TaxiiClient.GetAsync(client, TaxiiClient.CollectionUrl(collection.Id) + $"objects/{id}/")).StatusCode);
        var entry = await DeletionEntryAsync(id);
        Assert.Equal(("author-request", "user:" + author.User.Id), (entry.Reason, entry.DeletedBy));
        await AssertLogVerifiesAsync(secret);

        // A fresh consumer (as after a crash between appending and saving its cursor) sees every event again and writes nothing twice.
        var log = _hub.Services.GetRequiredService<TransparencyLog>();
        var size = await log.GetSizeAsync();
        var events = await _hub.Services.GetRequiredService<SqlEventOutbox>().ReadAfterAsync(0, 10_000);
        await new DeletionLogger(log).HandleAsync(events, CancellationToken.None);
        Assert.Equal(size, await log.GetSizeAsync());
        await DeletionEntryAsync(id);
    }

    [Fact]
    public async Task Retention_expires_old_personal_data_into_a_tombstone_that_pollers_receive_and_no_read_path_shows()
    {
        var admin = _hub.BearerClient((await _hub.CreateMemberAsync(Sector.Hub, UserRole.HubAdmin)).ApiKey);
        var author = await _hub.CreateMemberAsync();
        var peer = await _hub.CreateMemberAsync();
        var collection = await _hub.CreateCollectionAsync(readOrgs: [peer.Organization.Id], writeOrgs: [author.Organization.Id]);
        var put = await admin.PutAsJsonAsync($"/api/admin/collections/{collection.Id}/retention", new { days = 180, personalDataOnly = true });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var stix = new StixBuilder(_clock);
        var secret = "Direct messages of organizer " + Guid.NewGuid().ToString("N")[..8];
        var personal = stix.Indicator($"[domain-name:value = 'dm-{Guid.NewGuid():N}.example']", _clock.GetUtcNow(), name: secret);
        personal["x_vigil_content_class"] = "private-message";
        personal["object_marking_refs"] = new JsonArray(Tlp.GreenId);
        var publicPost = stix.Indicator($"[domain-name:value = 'post-{Guid.NewGuid():N}.example']", _clock.GetUtcNow(), name: "A public post");
        publicPost["x_vigil_content_class"] = "public-content";
        publicPost["object_marking_refs"] = new JsonArray(Tlp.GreenId);
        Assert.Equal(HttpStatusCode.Accepted, (await TaxiiClient.PostAsync(_hub.BearerClient(author.ApiKey), collection.Id, personal, publicPost)).StatusCode);
        var reader = _hub.BearerClient(peer.ApiKey);
        var objectsUrl = TaxiiClient.CollectionUrl(collection.Id) + "objects/";
        using var first = await TaxiiClient.GetAsync(reader, objectsUrl);
        Assert.Equal(2, (await TaxiiClient.JsonAsync(first))["objects"]!.AsArray().Count);
        var last = first.Headers.GetValues("X-TAXII-Date-Added-Last").Single();

        _clock.Advance(TimeSpan.FromDays(181));
        using var run = await admin.PostAsync(new Uri("/api/admin/retention/run", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        var personalId = personal["id"]!.GetValue<string>();
        var report = JsonNode.Parse(await run.Content.ReadAsStringAsync())!;
        Assert.Equal([personalId], report["expiredObjects"]![collection.Id]!.AsArray().Select(n => n!.GetValue<string>()));

        using var polled = await TaxiiClient.GetAsync(reader, objectsUrl + "?added_after=" + last);
        var tombstone = Assert.Single((await TaxiiClient.JsonAsync(polled))["objects"]!.AsArray())!.AsObject();
        Assert.Equal((personalId, true), (tombstone["id"]!.GetValue<string>(), tombstone["revoked"]!.GetValue<bool>()));
        Assert.Equal(["created", "id", "modified", "revoked", "spec_version", "type"], tombstone.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.True(string.CompareOrdinal(tombstone["modified"]!.GetValue<string>(), personal["modified"]!.GetValue<string>()) > 0);

        foreach (var url in new[]
        {
            objectsUrl, objectsUrl + $"{personalId}/", objectsUrl + $"{personalId}/?match[version]=all", objectsUrl + $"{personalId}/versions/",
            TaxiiClient.CollectionUrl(collection.Id) + "manifest/", $"/api/rest/objects/{personalId}", "/api/rest/objects?text=organizer",
            "/api/rest/objects?versions=all",
        })
        {
            using var response = await TaxiiClient.GetAsync(reader, url, url.StartsWith("/api/", StringComparison.Ordinal) ? "application/json" : TaxiiClient.MediaType);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{url}: {response.StatusCode} {body}");
            Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
        }

        using var versions = await TaxiiClient.GetAsync(reader, objectsUrl + $"{personalId}/versions/");
        Assert.Single((await TaxiiClient.JsonAsync(versions))["versions"]!.AsArray());
        using var kept = await TaxiiClient.GetAsync(reader, objectsUrl + $"{publicPost["id"]!.GetValue<string>()}/");
        Assert.Equal(publicPost.ToJsonString(), Assert.Single((await TaxiiClient.JsonAsync(kept))["objects"]!.AsArray())!.ToJsonString());

        var entry = await DeletionEntryAsync(personalId);
        Assert.Equal(("retention", "retention-policy"), (entry.Reason, entry.DeletedBy));
        await AssertLogVerifiesAsync(secret);
    }

    [Fact]
    public async Task Closed_case_texts_are_erased_after_the_period_and_the_rest_of_the_case_stays()
    {
        var admin = _hub.BearerClient((await _hub.CreateMemberAsync(Sector.Hub, UserRole.HubAdmin)).ApiKey);
        var agency = await _hub.CreateMemberAsync(Sector.Government);
        var platform = await _hub.CreateMemberAsync();
        var a = _hub.BearerClient(agency.ApiKey);
        var p = _hub.BearerClient(platform.ApiKey);
        var caseId = await CreateCaseAsync(a, platform.Organization.Id, "Closed case");
        var openId = await CreateCaseAsync(a, platform.Organization.Id, "Open case");
        await SendAsync(p, HttpMethod.Post, $"/api/rest/cases/{caseId}/comments", new { body = "Labeling the posts now", tlp = "amber" }, HttpStatusCode.Created);
        await SendAsync(p, HttpMethod.Post, $"/api/rest/cases/{openId}/comments", new { body = "Still looking", tlp = "amber" }, HttpStatusCode.Created);
        var request = await SendAsync(a, HttpMethod.Post, "/api/rest/requests", new
        {
            kind = "review-content", recipientOrgIds = new[] { platform.Organization.Id }, subject = "Review the posts", body = "Twelve posts, links below",
            tlp = "amber", caseId,
        }, HttpStatusCode.Created);
        var requestId = request.GetProperty("id").GetString()!;
        await SendAsync(p, HttpMethod.Post, $"/api/rest/requests/{requestId}/responses",
            new { note = "Labeled all twelve", actions = new[] { new { action = "content-labeled", count = 12 } } }, HttpStatusCode.Created);
        await SendAsync(a, HttpMethod.Post, $"/api/rest/cases/{caseId}/status", new { status = "closed" }, HttpStatusCode.NoContent);
        var openBefore = await SendAsync(a, HttpMethod.Get, $"/api/rest/cases/{openId}", null, HttpStatusCode.OK);

        _clock.Advance(TimeSpan.FromDays(179));
        await SendAsync(admin, HttpMethod.Post, "/api/admin/retention/run", null, HttpStatusCode.OK);
        var early = await SendAsync(a, HttpMethod.Get, $"/api/rest/cases/{caseId}", null, HttpStatusCode.OK);
        Assert.Equal("Labeling the posts now", Assert.Single(early.GetProperty("comments").EnumerateArray()).GetProperty("body").GetString());

        _clock.Advance(TimeSpan.FromDays(2));
        var run = await SendAsync(admin, HttpMethod.Post, "/api/admin/retention/run", null, HttpStatusCode.OK);
        Assert.Equal([caseId], run.GetProperty("erasedCases").EnumerateArray().Select(c => c.GetString()));

        var detail = await SendAsync(a, HttpMethod.Get, $"/api/rest/cases/{caseId}", null, HttpStatusCode.OK);
        var comment = Assert.Single(detail.GetProperty("comments").EnumerateArray());
        Assert.Equal((string.Empty, platform.Organization.Id), (comment.GetProperty("body").GetString(), comment.GetProperty("orgId").GetString()));
        Assert.Equal("Closed case", detail.GetProperty("case").GetProperty("title").GetString());
        var erasedRequest = await SendAsync(a, HttpMethod.Get, $"/api/rest/requests/{requestId}", null, HttpStatusCode.OK);
        var requestText = erasedRequest.GetRawText();
        Assert.DoesNotContain("Twelve posts", requestText, StringComparison.Ordinal);
        Assert.DoesNotContain("Labeled all twelve", requestText, StringComparison.Ordinal);
        Assert.Contains("Review the posts", requestText, StringComparison.Ordinal);
        Assert.Equal(openBefore.GetRawText(), (await SendAsync(a, HttpMethod.Get, $"/api/rest/cases/{openId}", null, HttpStatusCode.OK)).GetRawText());

        var entry = await DeletionEntryAsync(caseId);
        Assert.Equal(("retention", "retention-policy"), (entry.Reason, entry.DeletedBy));
        await AssertLogVerifiesAsync("Labeling the posts now");
    }

    [Fact]
    public async Task Retention_rules_are_for_hub_admins_and_bad_rules_are_refused_with_the_field()
    {
        var admin = _hub.BearerClient((await _hub.CreateMemberAsync(Sector.Hub, UserRole.HubAdmin)).ApiKey);
        var analyst = _hub.BearerClient((await _hub.CreateMemberAsync()).ApiKey);
        var collection = await _hub.CreateCollectionAsync();
        var url = $"/api/admin/collections/{collection.Id}/retention";

        await SendAsync(analyst, HttpMethod.Put, url, new { days = 30 }, HttpStatusCode.Forbidden);
        var bad = await SendAsync(admin, HttpMethod.Put, url, new { days = 0 }, HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("days", out _));
        await SendAsync(admin, HttpMethod.Put, $"/api/admin/collections/{Guid.NewGuid()}/retention", new { days = 30 }, HttpStatusCode.NotFound);
        await SendAsync(admin, HttpMethod.Get, url, null, HttpStatusCode.NotFound);

        var set = await SendAsync(admin, HttpMethod.Put, url, new { days = 90, personalDataOnly = true }, HttpStatusCode.OK);
        Assert.Equal((90, true), (set.GetProperty("days").GetInt32(), set.GetProperty("personalDataOnly").GetBoolean()));
        var all = await SendAsync(admin, HttpMethod.Get, "/api/admin/retention", null, HttpStatusCode.OK);
        Assert.Equal(180, all.GetProperty("closedCaseDays").GetInt32());
        Assert.Contains(all.GetProperty("collections").EnumerateArray(), c => c.GetProperty("collectionId").GetString() == collection.Id);
        await SendAsync(admin, HttpMethod.Delete, url, null, HttpStatusCode.NoContent);
        await SendAsync(admin, HttpMethod.Delete, url, null, HttpStatusCode.NotFound);
    }

    private static async Task<string> CreateCaseAsync(HttpClient client, string partyOrgId, string title) =>
        (await SendAsync(client, HttpMethod.Post, "/api/rest/cases", new
        {
            title, type = "voter-suppression", severity = "high", summary = "Posts claim polling places are closed.",
            jurisdictions = new[] { new { country = "US" } }, affectedDates = new[] { "2026-11-03" }, partyOrgIds = new[] { partyOrgId },
        }, HttpStatusCode.Created)).GetProperty("id").GetString()!;

    private async Task<DataDeleted> DeletionEntryAsync(string subjectId) =>
        Assert.Single(await LogEntries.WaitForAsync<DataDeleted>(_hub, e => e.SubjectId == subjectId));

    /// <summary>Signs a checkpoint and runs <c>vigil audit verify</c> against the hub; no entry holds the deleted text.</summary>
    private async Task AssertLogVerifiesAsync(string deletedText)
    {
        var log = _hub.Services.GetRequiredService<TransparencyLog>();
        await _hub.Services.GetRequiredService<CheckpointService>().SignNowAsync();
        var writer = new StringWriter();
        var console = PlainConsole.Create(writer);
        var code = await AuditVerify.RunAsync(_hub.Client, _hub.Client.BaseAddress!, null, null, console, default);
        Assert.True(code == AuditVerify.Verified, writer.ToString());
        var size = await log.GetSizeAsync();
        foreach (var entry in await log.ReadEntriesAsync(0, (int)size))
        {
            Assert.DoesNotContain(deletedText, Encoding.UTF8.GetString(entry.Span), StringComparison.Ordinal);
        }
    }
}
