using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Core.Members;
using Vigil.Core.Sharing;
using Vigil.Core.Stix.Building;
using Vigil.Ledger.Entries;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Tests.Taxii;

namespace Vigil.Server.Tests.Privacy;

/// <summary>
/// The data-minimization policy on the real pipeline: TAXII envelopes and REST sightings allowed and refused in both
/// directions, with and without legal process, the refusals and policy changes in the transparency log, and the admin API.
/// Each test class gets its own hub because the policy is hub-wide.
/// </summary>
public sealed class DataPolicyServerTests : IAsyncLifetime
{
    private readonly StixBuilder _stix = new();
    private TestHub _hub = null!;

    public async Task InitializeAsync() => _hub = await TestHub.StartAsync();

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    private static JsonObject Warrant(string type = "warrant") => new()
    {
        ["type"] = type, ["issuing_body"] = "District Court of Lakemoor", ["number"] = "SW-" + Guid.NewGuid().ToString("N")[..6], ["date"] = "2026-10-01",
    };

    private JsonObject Classified(string? contentClass, string marking = Tlp.GreenId, JsonObject? legalProcess = null, string? description = null)
    {
        var indicator = _stix.Indicator($"[domain-name:value = 'x{Guid.NewGuid():N}.example']", DateTimeOffset.UtcNow);
        indicator["object_marking_refs"] = new JsonArray(marking);
        if (contentClass is not null)
        {
            indicator["x_vigil_content_class"] = contentClass;
        }

        if (legalProcess is not null)
        {
            indicator["x_vigil_legal_process"] = legalProcess;
        }

        if (description is not null)
        {
            indicator["description"] = description;
        }

        return indicator;
    }

    private async Task<(TestMember Platform, TestMember Reader, Collection Collection)> ExchangeAsync(Sector readerSector)
    {
        var platform = await _hub.CreateMemberAsync();
        var reader = await _hub.CreateMemberAsync(readerSector);
        var collection = await _hub.CreateCollectionAsync(readOrgs: [reader.Organization.Id], writeOrgs: [platform.Organization.Id]);
        return (platform, reader, collection);
    }

    private async Task<int> VisibleCountAsync(TestMember member, Collection collection)
    {
        var response = await TaxiiClient.GetAsync(_hub.BearerClient(member.ApiKey), TaxiiClient.CollectionUrl(collection.Id) + "objects/");
        return response.StatusCode == HttpStatusCode.OK && (await TaxiiClient.JsonAsync(response))["objects"] is JsonArray objects ? objects.Count : 0;
    }

    [Fact]
    public async Task Taxii_private_message_to_government_is_refused_with_rule_and_field_and_logged()
    {
        var (platform, agency, collection) = await ExchangeAsync(Sector.Government);
        var message = Classified("private-message");

        var response = await TaxiiClient.PostAsync(_hub.BearerClient(platform.ApiKey), collection.Id, Classified("public-content"), message);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await TaxiiClient.JsonAsync(response);
        var refusal = Assert.Single(body["details"]!["policy_refusals"]!.AsArray())!;
        Assert.Equal(("private-message/government", "objects[1].x_vigil_content_class", 1),
            (refusal["rule"]!.GetValue<string>(), refusal["field"]!.GetValue<string>(), refusal["index"]!.GetValue<int>()));
        Assert.Contains("x_vigil_legal_process", body["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await VisibleCountAsync(platform, collection));

        var id = message["id"]!.GetValue<string>();
        var entry = Assert.Single(await LogEntries.WaitForAsync<ShareRefused>(_hub, e => e.ObjectId == id));
        Assert.Equal((platform.Organization.Id, Sector.Government, "private-message", "private-message/government", "objects[1].x_vigil_content_class", 0),
            (entry.AuthorOrg, entry.TargetSector, entry.ContentClass, entry.Rule, entry.Field, entry.PolicyVersion));
        Assert.Equal(0, await VisibleCountAsync(agency, collection));
    }

    [Fact]
    public async Task Taxii_private_message_to_government_with_a_warrant_is_shared()
    {
        var (platform, agency, collection) = await ExchangeAsync(Sector.Government);

        var reference = Warrant();
        var message = Classified("private-message", legalProcess: reference);

        var response = await TaxiiClient.PostAsync(_hub.BearerClient(platform.ApiKey), collection.Id, message);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, await VisibleCountAsync(agency, collection));
        var attached = Assert.Single(await LogEntries.WaitForAsync<LegalProcessAttached>(_hub, e => e.SubjectId == message["id"]!.GetValue<string>()));
        Assert.Equal(("warrant", "District Court of Lakemoor", reference["number"]!.GetValue<string>(), new DateOnly(2026, 10, 1)),
            (attached.ProcessType, attached.IssuingBody, attached.ReferenceNumber, attached.IssuedOn));
    }

    [Fact]
    public async Task Taxii_guarded_classes_go_to_other_sectors_and_public_classes_to_government()
    {
        var (platform, _, research) = await ExchangeAsync(Sector.Research);
        var (platform2, agency, government) = await ExchangeAsync(Sector.Government);

        var toResearch = await TaxiiClient.PostAsync(_hub.BearerClient(platform.ApiKey), research.Id,
            Classified("private-message"), Classified("email-content"), Classified("non-public-account-data"));
        var toGovernment = await TaxiiClient.PostAsync(_hub.BearerClient(platform2.ApiKey), government.Id,
            Classified("public-content"), Classified("public-account-metadata"), Classified(null));

        Assert.Equal(HttpStatusCode.Accepted, toResearch.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, toGovernment.StatusCode);
        Assert.Equal(3, await VisibleCountAsync(agency, government));
    }

    [Fact]
    public async Task Taxii_personal_data_detected_in_free_text_is_refused_to_government_and_allowed_with_legal_process()
    {
        var (platform, agency, collection) = await ExchangeAsync(Sector.Government);
        var client = _hub.BearerClient(platform.ApiKey);

        var refused = await TaxiiClient.PostAsync(client, collection.Id, Classified("public-content", description: "Coordinator reachable at coordinator@example.org"));
        var allowed = await TaxiiClient.PostAsync(client, collection.Id,
            Classified("public-content", description: "Coordinator reachable at coordinator@example.org", legalProcess: Warrant("emergency-disclosure")));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var refusal = (await TaxiiClient.JsonAsync(refused))["details"]!["policy_refusals"]![0]!;
        Assert.Equal(("non-public-account-data/government", "objects[0].description"), (refusal["rule"]!.GetValue<string>(), refusal["field"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Accepted, allowed.StatusCode);
        Assert.Equal(1, await VisibleCountAsync(agency, collection));
    }

    [Fact]
    public async Task Taxii_red_to_a_named_platform_is_shared_even_when_government_reads_the_collection()
    {
        var platform = await _hub.CreateMemberAsync();
        var peer = await _hub.CreateMemberAsync();
        var agency = await _hub.CreateMemberAsync(Sector.Government);
        var collection = await _hub.CreateCollectionAsync(readOrgs: [peer.Organization.Id, agency.Organization.Id], writeOrgs: [platform.Organization.Id]);
        var toPeer = Classified("private-message", Tlp.RedId);
        toPeer["x_vigil_recipients"] = new JsonArray(peer.Organization.IdentityId);
        var toAgency = Classified("private-message", Tlp.RedId);
        toAgency["x_vigil_recipients"] = new JsonArray(agency.Organization.IdentityId);

        Assert.Equal(HttpStatusCode.Accepted, (await TaxiiClient.PostAsync(_hub.BearerClient(platform.ApiKey), collection.Id, toPeer)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await TaxiiClient.PostAsync(_hub.BearerClient(platform.ApiKey), collection.Id, toAgency)).StatusCode);
    }

    [Fact]
    public async Task Taxii_bad_legal_process_reference_is_refused_naming_the_field_and_not_logged_as_a_refusal()
    {
        var (platform, _, collection) = await ExchangeAsync(Sector.Government);
        var reference = Warrant();
        reference["date"] = "01/10/2026";
        var indicator = Classified("private-message", legalProcess: reference);

        var response = await TaxiiClient.PostAsync(_hub.BearerClient(platform.ApiKey), collection.Id, indicator);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("objects[0].x_vigil_legal_process.date", (await TaxiiClient.JsonAsync(response))["description"]!.GetValue<string>(), StringComparison.Ordinal);
        var marker = Classified("private-message");
        await TaxiiClient.PostAsync(_hub.BearerClient(platform.ApiKey), collection.Id, marker);
        await LogEntries.WaitForAsync<ShareRefused>(_hub, e => e.ObjectId == marker["id"]!.GetValue<string>());
        Assert.Empty(await LogEntries.WaitForAsync<ShareRefused>(_hub, e => e.ObjectId == indicator["id"]!.GetValue<string>(), atLeast: 0));
    }

    private async Task<(HttpClient Client, Collection Government, Collection Research)> SightingSetupAsync()
    {
        var platform = await _hub.CreateMemberAsync();
        var agency = await _hub.CreateMemberAsync(Sector.Government);
        var research = await _hub.CreateMemberAsync(Sector.Research);
        var government = await _hub.CreateCollectionAsync(readOrgs: [agency.Organization.Id], writeOrgs: [platform.Organization.Id]);
        var researchers = await _hub.CreateCollectionAsync(readOrgs: [research.Organization.Id], writeOrgs: [platform.Organization.Id]);
        var client = _hub.BearerClient(platform.ApiKey);
        return (client, government, researchers);
    }

    private async Task<string> SightedAsync(HttpClient client, Collection collection)
    {
        var indicator = Classified(null);
        Assert.Equal(HttpStatusCode.Accepted, (await TaxiiClient.PostAsync(client, collection.Id, indicator)).StatusCode);
        return indicator["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task Rest_sighting_of_private_messages_is_refused_to_government_with_rule_and_field_and_logged()
    {
        var (client, government, _) = await SightingSetupAsync();
        var sighted = await SightedAsync(client, government);

        var response = await client.PostAsJsonAsync("/api/rest/sightings", new Dictionary<string, object>
        {
            ["sighting_of_ref"] = sighted, ["collection"] = government.Id, ["count"] = 3, ["x_vigil_content_class"] = "private-message",
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("private-message/government", "x_vigil_content_class"), (problem.GetProperty("rule").GetString(), problem.GetProperty("field").GetString()));
        var entry = Assert.Single(await LogEntries.WaitForAsync<ShareRefused>(_hub, e => e.Rule == "private-message/government" && e.Field == "objects[0].x_vigil_content_class"
            && e.ObjectId.StartsWith("sighting--", StringComparison.Ordinal)));
        Assert.Equal(Sector.Government, entry.TargetSector);
    }

    [Fact]
    public async Task Rest_sighting_of_private_messages_goes_to_government_with_a_court_order_and_to_research_without()
    {
        var (client, government, research) = await SightingSetupAsync();
        var sightedByAgency = await SightedAsync(client, government);
        var sightedByResearch = await SightedAsync(client, research);

        var withOrder = await client.PostAsJsonAsync("/api/rest/sightings", new Dictionary<string, object>
        {
            ["sighting_of_ref"] = sightedByAgency, ["collection"] = government.Id, ["x_vigil_content_class"] = "private-message",
            ["x_vigil_legal_process"] = Warrant("court-order"),
        });
        var toResearch = await client.PostAsJsonAsync("/api/rest/sightings", new Dictionary<string, object>
        {
            ["sighting_of_ref"] = sightedByResearch, ["collection"] = research.Id, ["x_vigil_content_class"] = "private-message",
        });
        var badReference = await client.PostAsJsonAsync("/api/rest/sightings", new Dictionary<string, object>
        {
            ["sighting_of_ref"] = sightedByAgency, ["collection"] = government.Id, ["x_vigil_content_class"] = "private-message",
            ["x_vigil_legal_process"] = new JsonObject { ["type"] = "letter" },
        });

        Assert.Equal(HttpStatusCode.Created, withOrder.StatusCode);
        Assert.Equal("court-order", (await withOrder.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sighting").GetProperty("x_vigil_legal_process").GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.Created, toResearch.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badReference.StatusCode);
        Assert.True((await badReference.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("x_vigil_legal_process.type", out _));
    }

    [Fact]
    public async Task Admins_read_and_version_the_policy_and_each_change_is_logged_and_enforced()
    {
        var admin = _hub.BearerClient((await _hub.CreateMemberAsync(Sector.Hub, UserRole.HubAdmin)).ApiKey);
        var (platform, agency, collection) = await ExchangeAsync(Sector.Government);

        var initial = await admin.GetFromJsonAsync<JsonObject>("/api/admin/policy");
        Assert.Equal(0, initial!["version"]!.GetValue<int>());
        var document = initial["policy"]!.AsObject();
        var email = document["rules"]!.AsArray().Single(r => r!["content_class"]!.GetValue<string>() == "email-content")!;
        email["government_legal_process"] = new JsonArray("warrant");
        document["based_on"] = 0;

        var put = await admin.PutAsJsonAsync("/api/admin/policy", document);
        var stale = await admin.PutAsJsonAsync("/api/admin/policy", document);

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var published = await put.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(1, published!["version"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var versions = await admin.GetFromJsonAsync<JsonArray>("/api/admin/policy/versions");
        Assert.Equal([1], versions!.Select(v => v!["version"]!.GetValue<int>()));
        Assert.Equal(1, (await admin.GetFromJsonAsync<JsonObject>("/api/admin/policy"))!["version"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/admin/policy/versions/7")).StatusCode);

        var changed = Assert.Single(await LogEntries.WaitForAsync<PolicyChanged>(_hub, e => e.PolicyVersion == 1));
        Assert.Equal(published["sha256"]!.GetValue<string>(), changed.PolicySha256);
        Assert.StartsWith("user:", changed.ChangedBy, StringComparison.Ordinal);

        var client = _hub.BearerClient(platform.ApiKey);
        var subpoena = await TaxiiClient.PostAsync(client, collection.Id, Classified("email-content", legalProcess: Warrant("subpoena")));
        var warrant = await TaxiiClient.PostAsync(client, collection.Id, Classified("email-content", legalProcess: Warrant("warrant")));
        Assert.Equal(HttpStatusCode.Forbidden, subpoena.StatusCode);
        var refusal = (await TaxiiClient.JsonAsync(subpoena))["details"]!["policy_refusals"]![0]!;
        Assert.Equal("objects[0].x_vigil_legal_process.type", refusal["field"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Accepted, warrant.StatusCode);
        Assert.Equal(1, await VisibleCountAsync(agency, collection));
        Assert.Contains(await LogEntries.WaitForAsync<ShareRefused>(_hub, e => e.AuthorOrg == platform.Organization.Id), e => e.PolicyVersion == 1);
    }

    [Fact]
    public async Task Bad_policy_documents_and_non_admins_are_refused_and_nothing_changes()
    {
        var admin = _hub.BearerClient((await _hub.CreateMemberAsync(Sector.Hub, UserRole.HubAdmin)).ApiKey);
        var member = _hub.BearerClient((await _hub.CreateMemberAsync()).ApiKey);
        var document = (await admin.GetFromJsonAsync<JsonObject>("/api/admin/policy"))!["policy"]!.AsObject();
        var bad = (JsonObject)document.DeepClone();
        bad["rules"]![0]!["sectors"]!.AsArray().Add("press");

        var invalid = await admin.PutAsJsonAsync("/api/admin/policy", bad);
        var forbidden = await member.PutAsJsonAsync("/api/admin/policy", document);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True((await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("rules[0].sectors[6]", out _));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/admin/policy")).StatusCode);
        Assert.Empty((await admin.GetFromJsonAsync<JsonArray>("/api/admin/policy/versions"))!);
    }
}
