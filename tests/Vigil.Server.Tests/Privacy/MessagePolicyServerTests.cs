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
/// The data-minimization policy on what members send each other outside TAXII: requests (text and the objects they carry),
/// responses, case comments and case attachments, each refused and allowed, with the refusal and the cited legal process
/// in the transparency log.
/// </summary>
public sealed class MessagePolicyServerTests : IAsyncLifetime
{
    private const string Email = "Account owner reachable at voter.help.desk@example.org";
    private readonly StixBuilder _stix = new();
    private TestHub _hub = null!;

    public async Task InitializeAsync() => _hub = await TestHub.StartAsync();

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    private sealed record World(TestMember Agency, TestMember Platform, TestMember Lab, string Collection);

    private async Task<World> WorldAsync()
    {
        var agency = await _hub.CreateMemberAsync(Sector.Government);
        var platform = await _hub.CreateMemberAsync();
        var lab = await _hub.CreateMemberAsync(Sector.Research);
        var orgs = new[] { agency.Organization.Id, platform.Organization.Id, lab.Organization.Id };
        var collection = await _hub.CreateCollectionAsync(readOrgs: orgs, writeOrgs: orgs);
        return new World(agency, platform, lab, collection.Id);
    }

    private static object Warrant(string type = "warrant") => new
    {
        type, issuing_body = "District Court of Lakemoor", number = "SW-" + Guid.NewGuid().ToString("N")[..6], date = "2026-10-01",
    };

    /// <summary>A private message the platform shares as TLP:AMBER with the lab only: research may receive it, the agency may not see it.</summary>
    private async Task<string> PrivateMessageAsync(World world)
    {
        var stix = _stix.Indicator($"[user-account:account_login = 'u{Guid.NewGuid():N}']", DateTimeOffset.UtcNow, name: "DM thread");
        stix["x_vigil_content_class"] = "private-message";
        stix["x_vigil_recipients"] = new JsonArray($"org:{world.Lab.Organization.Id}");
        stix["object_marking_refs"] = new JsonArray(Tlp.IdOf(TlpLevel.Amber));
        var response = await TaxiiClient.PostAsync(_hub.BearerClient(world.Platform.ApiKey), world.Collection, stix);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return stix["id"]!.GetValue<string>();
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string url, object body, HttpStatusCode expected)
    {
        var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"POST {url}: expected {expected}, got {response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static void AssertRefused(JsonElement problem, string rule, string field)
    {
        Assert.Equal(rule, problem.GetProperty("rule").GetString());
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(0, problem.GetProperty("policy_version").GetInt32());
    }

    private static async Task<int> InboxCountAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/rest/requests/inbox")).GetProperty("total").GetInt32();

    [Fact]
    public async Task A_request_whose_body_holds_personal_data_is_refused_to_government_and_logged_but_goes_to_a_lab()
    {
        var world = await WorldAsync();
        var platform = _hub.BearerClient(world.Platform.ApiKey);

        var refused = await PostAsync(platform, "/api/rest/requests", new
        {
            kind = "referral", recipientOrgIds = new[] { world.Agency.Organization.Id }, subject = "Network behind the fake helpline", body = Email,
        }, HttpStatusCode.Forbidden);

        AssertRefused(refused, "non-public-account-data/government", "body");
        Assert.Equal(0, await InboxCountAsync(_hub.BearerClient(world.Agency.ApiKey)));
        var entry = Assert.Single(await LogEntries.WaitForAsync<ShareRefused>(_hub, e => e.AuthorOrg == world.Platform.Organization.Id));
        Assert.StartsWith("request--", entry.ObjectId, StringComparison.Ordinal);
        Assert.Equal((Sector.Government, "body"), (entry.TargetSector, entry.Field));

        await PostAsync(platform, "/api/rest/requests", new
        {
            kind = "referral", recipientOrgIds = new[] { world.Lab.Organization.Id }, subject = "Network behind the fake helpline", body = Email,
        }, HttpStatusCode.Created);
        Assert.Equal(1, await InboxCountAsync(_hub.BearerClient(world.Lab.ApiKey)));
    }

    [Fact]
    public async Task A_request_citing_a_warrant_reaches_government_shows_the_warrant_and_logs_it()
    {
        var world = await WorldAsync();
        var platform = _hub.BearerClient(world.Platform.ApiKey);

        var sent = await PostAsync(platform, "/api/rest/requests", new
        {
            kind = "referral", recipientOrgIds = new[] { world.Agency.Organization.Id }, subject = "Subscriber records as ordered", body = Email,
            contentClass = "non-public-account-data", legalProcess = Warrant(),
        }, HttpStatusCode.Created);

        var id = sent.GetProperty("id").GetString()!;
        var seen = await _hub.BearerClient(world.Agency.ApiKey).GetFromJsonAsync<JsonElement>($"/api/rest/requests/{id}");
        Assert.Equal("warrant", seen.GetProperty("request").GetProperty("legalProcess").GetProperty("type").GetString());
        var attached = Assert.Single(await LogEntries.WaitForAsync<LegalProcessAttached>(_hub, e => e.SubjectId == id));
        Assert.Equal(("warrant", "District Court of Lakemoor"), (attached.ProcessType, attached.IssuingBody));
    }

    [Fact]
    public async Task A_declared_class_is_refused_without_legal_process_and_a_bad_reference_names_its_field()
    {
        var world = await WorldAsync();
        var platform = _hub.BearerClient(world.Platform.ApiKey);
        var to = new[] { world.Agency.Organization.Id };

        var refused = await PostAsync(platform, "/api/rest/requests", new
        {
            kind = "referral", recipientOrgIds = to, subject = "Messages between the operators", contentClass = "private-message",
        }, HttpStatusCode.Forbidden);
        AssertRefused(refused, "private-message/government", "contentClass");

        var bad = await PostAsync(platform, "/api/rest/requests", new
        {
            kind = "referral", recipientOrgIds = to, subject = "Messages between the operators", contentClass = "private-message",
            legalProcess = Warrant("friendly-ask"),
        }, HttpStatusCode.BadRequest);
        Assert.Contains("legalProcess.type", bad.GetProperty("errors").EnumerateObject().Select(p => p.Name));

        var unknown = await PostAsync(platform, "/api/rest/requests", new
        {
            kind = "referral", recipientOrgIds = to, subject = "Messages", contentClass = "gossip",
        }, HttpStatusCode.BadRequest);
        Assert.Contains("contentClass", unknown.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, await InboxCountAsync(_hub.BearerClient(world.Agency.ApiKey)));
    }

    [Fact]
    public async Task A_request_carrying_a_private_message_object_needs_legal_process_to_reach_government()
    {
        var world = await WorldAsync();
        var message = await PrivateMessageAsync(world);
        var platform = _hub.BearerClient(world.Platform.ApiKey);

        var refused = await PostAsync(platform, "/api/rest/requests", new
        {
            kind = "referral", recipientOrgIds = new[] { world.Agency.Organization.Id }, subject = "The operators' thread", objectIds = new[] { message },
        }, HttpStatusCode.Forbidden);
        AssertRefused(refused, "private-message/government", "objectIds[0].x_vigil_content_class");

        await PostAsync(platform, "/api/rest/requests", new
        {
            kind = "referral", recipientOrgIds = new[] { world.Agency.Organization.Id }, subject = "The operators' thread", objectIds = new[] { message },
            legalProcess = Warrant("court-order"),
        }, HttpStatusCode.Created);
        Assert.Equal(1, await InboxCountAsync(_hub.BearerClient(world.Agency.ApiKey)));
    }

    [Fact]
    public async Task A_response_with_personal_data_is_covered_only_by_the_legal_process_its_request_cited()
    {
        var world = await WorldAsync();
        var agency = _hub.BearerClient(world.Agency.ApiKey);
        var platform = _hub.BearerClient(world.Platform.ApiKey);
        var plain = (await PostAsync(agency, "/api/rest/requests", new
        {
            kind = "review-accounts", recipientOrgIds = new[] { world.Platform.Organization.Id }, subject = "Who runs the helpline accounts?",
        }, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var ordered = (await PostAsync(agency, "/api/rest/requests", new
        {
            kind = "review-accounts", recipientOrgIds = new[] { world.Platform.Organization.Id }, subject = "Subscriber data as ordered", legalProcess = Warrant("subpoena"),
        }, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var answer = new { note = "Registered with +1 (602) 555-0143", actions = new[] { new { action = "accounts-removed", count = 3 } } };

        var refused = await PostAsync(platform, $"/api/rest/requests/{plain}/responses", answer, HttpStatusCode.Forbidden);
        AssertRefused(refused, "non-public-account-data/government", "note");
        var detail = await agency.GetFromJsonAsync<JsonElement>($"/api/rest/requests/{plain}");
        Assert.Empty(detail.GetProperty("responses").EnumerateArray());

        await PostAsync(platform, $"/api/rest/requests/{ordered}/responses", answer, HttpStatusCode.Created);
        Assert.Single((await agency.GetFromJsonAsync<JsonElement>($"/api/rest/requests/{ordered}")).GetProperty("responses").EnumerateArray());
    }

    [Fact]
    public async Task Case_comments_and_attachments_reach_a_government_party_only_as_the_policy_allows()
    {
        var world = await WorldAsync();
        var message = await PrivateMessageAsync(world);
        var platform = _hub.BearerClient(world.Platform.ApiKey);
        var caseId = (await PostAsync(platform, "/api/rest/cases", new
        {
            title = "Fake helpline", type = "voter-suppression", severity = "high", partyOrgIds = new[] { world.Agency.Organization.Id },
        }, HttpStatusCode.Created)).GetProperty("id").GetString()!;

        AssertRefused(await PostAsync(platform, $"/api/rest/cases/{caseId}/comments", new { body = Email, tlp = "amber" }, HttpStatusCode.Forbidden),
            "non-public-account-data/government", "body");
        AssertRefused(await PostAsync(platform, $"/api/rest/cases/{caseId}/attachments", new { objectId = message }, HttpStatusCode.Forbidden),
            "private-message/government", "objectId.x_vigil_content_class");
        var empty = await platform.GetFromJsonAsync<JsonElement>($"/api/rest/cases/{caseId}");
        Assert.Empty(empty.GetProperty("comments").EnumerateArray());
        Assert.Empty(empty.GetProperty("attachments").EnumerateArray());
        Assert.Contains(await LogEntries.WaitForAsync<ShareRefused>(_hub, e => e.ObjectId == message), e => e.Field == "objectId.x_vigil_content_class");

        await PostAsync(platform, $"/api/rest/cases/{caseId}/comments", new { body = Email, tlp = "amber", legalProcess = Warrant() }, HttpStatusCode.Created);
        await PostAsync(platform, $"/api/rest/cases/{caseId}/attachments", new { objectId = message, legalProcess = Warrant("emergency-disclosure") }, HttpStatusCode.NoContent);
        await PostAsync(platform, $"/api/rest/cases/{caseId}/comments", new { body = "Labeling the posts now", tlp = "amber" }, HttpStatusCode.Created);
        var detail = await platform.GetFromJsonAsync<JsonElement>($"/api/rest/cases/{caseId}");
        Assert.Equal(2, detail.GetProperty("comments").GetArrayLength());
        Assert.Equal(message, Assert.Single(detail.GetProperty("attachments").EnumerateArray()).GetProperty("objectId").GetString());
    }
}
