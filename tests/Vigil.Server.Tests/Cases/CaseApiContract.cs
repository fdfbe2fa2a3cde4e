using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Vigil.Core.Members;
using Vigil.Core.Sharing;
using Vigil.Core.Stix.Building;
using Vigil.Server.Cases;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Tests.Taxii;
using static Vigil.Server.Tests.Infrastructure.RestCalls;

namespace Vigil.Server.Tests.Cases;

/// <summary>
/// <c>/api/rest/cases</c>, <c>/requests</c> and <c>/elections</c> through the real pipeline: a case between an agency and
/// a platform, a request and its answer, field-named problems for bad input, and 404 on every route for anyone else.
/// </summary>
public abstract class CaseApiContract
{
    private readonly StixBuilder _stix = new();

    protected abstract TestHub Hub { get; }

    private sealed record World(TestMember Agency, TestMember Platform, TestMember Outsider, string Collection);

    private async Task<World> WorldAsync()
    {
        var agency = await Hub.CreateMemberAsync(Sector.Government);
        var platform = await Hub.CreateMemberAsync();
        var outsider = await Hub.CreateMemberAsync();
        var orgs = new[] { agency.Organization.Id, platform.Organization.Id, outsider.Organization.Id };
        var collection = await Hub.CreateCollectionAsync(readOrgs: orgs, writeOrgs: orgs);
        return new World(agency, platform, outsider, collection.Id);
    }

    private async Task<string> ShareAsync(TestMember member, string collection, TlpLevel level)
    {
        var stix = _stix.Indicator($"[domain-name:value = 'polls-{Guid.NewGuid():N}.example']", DateTimeOffset.UtcNow, name: "Fake polling place site");
        stix["object_marking_refs"] = new JsonArray(Tlp.IdOf(level));
        var response = await TaxiiClient.PostAsync(Hub.BearerClient(member.ApiKey), collection, stix);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return stix["id"]!.GetValue<string>();
    }

    private async Task<(World World, string CaseId, string RequestId, string ElectionId)> CaseWithRequestAsync()
    {
        var world = await WorldAsync();
        var agency = Hub.BearerClient(world.Agency.ApiKey);
        var election = await PostAsync(agency, "/api/rest/elections", new { name = "General election", country = "us", region = "AZ", date = "2026-11-03" },
            HttpStatusCode.Created);
        var electionId = election.GetProperty("id").GetString()!;
        var created = await PostAsync(agency, "/api/rest/cases", new
        {
            title = "Fake polling-place closures",
            type = "voter-suppression",
            severity = "high",
            summary = "Posts claim polling places in Maricopa are closed.",
            jurisdictions = new[] { new { country = "US", state = "AZ" } },
            affectedDates = new[] { "2026-11-03" },
            electionIds = new[] { electionId },
            partyOrgIds = new[] { world.Platform.Organization.Id },
        }, HttpStatusCode.Created);
        var caseId = created.GetProperty("id").GetString()!;
        var request = await PostAsync(agency, "/api/rest/requests", new
        {
            kind = "review-content",
            recipientOrgIds = new[] { world.Platform.Organization.Id },
            subject = "Review posts about closed polling places",
            body = "12 posts, links below",
            tlp = "amber",
            deadline = "2026-11-02T18:00:00Z",
            caseId,
        }, HttpStatusCode.Created);
        return (world, caseId, request.GetProperty("id").GetString()!, electionId);
    }

    [Fact]
    public async Task A_case_names_an_ad_page_and_only_its_parties_find_the_case_from_the_page()
    {
        var (world, caseId, _, _) = await CaseWithRequestAsync();
        var agency = Hub.BearerClient(world.Agency.ApiKey);
        var page = "front-" + Guid.NewGuid().ToString("N")[..8];

        await PostAsync(agency, $"/api/rest/cases/{caseId}/ad-pages", new { platform = "facebook", pageId = page, note = "front group buying ads" }, HttpStatusCode.NoContent);
        await PostAsync(agency, $"/api/rest/cases/{caseId}/ad-pages", new { platform = "FACEBOOK", pageId = page }, HttpStatusCode.NoContent);

        var detail = await GetAsync(Hub.BearerClient(world.Platform.ApiKey), $"/api/rest/cases/{caseId}");
        var named = Assert.Single(detail.GetProperty("adPages").EnumerateArray());
        Assert.Equal(("FACEBOOK", page, "front group buying ads"), (named.GetProperty("platform").GetString(), named.GetProperty("pageId").GetString(), named.GetProperty("note").GetString()));
        Assert.Contains(detail.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "ad-page-named");

        var found = await GetAsync(Hub.BearerClient(world.Platform.ApiKey), $"/api/rest/ads/pages/facebook/{page}/cases");
        Assert.Equal(caseId, Assert.Single(found.GetProperty("cases").EnumerateArray()).GetProperty("id").GetString());
        Assert.Empty((await GetAsync(Hub.BearerClient(world.Outsider.ApiKey), $"/api/rest/ads/pages/FACEBOOK/{page}/cases")).GetProperty("cases").EnumerateArray());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Hub.Client.GetAsync($"/api/rest/ads/pages/FACEBOOK/{page}/cases")).StatusCode);

        Assert.Equal(["platform"], ProblemFields(await PostAsync(agency, $"/api/rest/cases/{caseId}/ad-pages", new { platform = "face book", pageId = page }, HttpStatusCode.BadRequest)));
        Assert.Equal(["pageId"], ProblemFields(await GetAsync(agency, "/api/rest/ads/pages/FACEBOOK/bad%20id/cases", HttpStatusCode.BadRequest)));
        await PostAsync(Hub.BearerClient(world.Outsider.ApiKey), $"/api/rest/cases/{caseId}/ad-pages", new { platform = "FACEBOOK", pageId = page }, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_case_is_worked_by_its_parties_and_a_request_is_answered_with_counts()
    {
        var (world, caseId, requestId, electionId) = await CaseWithRequestAsync();
        var agency = Hub.BearerClient(world.Agency.ApiKey);
        var platform = Hub.BearerClient(world.Platform.ApiKey);
        var green = await ShareAsync(world.Agency, world.Collection, TlpLevel.Green);

        var seen = await GetAsync(platform, $"/api/rest/cases/{caseId}");
        Assert.Equal("voter-suppression", seen.GetProperty("case").GetProperty("type").GetString());
        Assert.Equal("reported", seen.GetProperty("case").GetProperty("status").GetString());
        Assert.Equal(["triaged", "closed"], seen.GetProperty("nextStatuses").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(requestId, Assert.Single(seen.GetProperty("requests").EnumerateArray()).GetProperty("id").GetString());

        await PostAsync(platform, $"/api/rest/cases/{caseId}/status", new { status = "triaged", expected = "reported" }, HttpStatusCode.NoContent);
        await PostAsync(platform, $"/api/rest/cases/{caseId}/assignee", new { userName = world.Platform.User.UserName }, HttpStatusCode.NoContent);
        await PostAsync(platform, $"/api/rest/cases/{caseId}/comments", new { body = "Labeling the posts now", tlp = "TLP:AMBER+STRICT" }, HttpStatusCode.Created);
        await PostAsync(platform, $"/api/rest/cases/{caseId}/attachments", new { objectId = green, note = "the site" }, HttpStatusCode.NoContent);

        var detail = await GetAsync(agency, $"/api/rest/cases/{caseId}");
        var theCase = detail.GetProperty("case");
        Assert.Equal(("triaged", world.Platform.Organization.Id, world.Platform.User.Id),
            (theCase.GetProperty("status").GetString(), theCase.GetProperty("statusByOrg").GetString(), theCase.GetProperty("statusByUser").GetString()));
        Assert.Equal(world.Platform.User.Id, Assert.Single(theCase.GetProperty("assignees").EnumerateArray()).GetProperty("userId").GetString());
        Assert.Equal("amber-strict", Assert.Single(detail.GetProperty("comments").EnumerateArray()).GetProperty("tlp").GetString());
        Assert.Equal(green, Assert.Single(detail.GetProperty("attachments").EnumerateArray()).GetProperty("objectId").GetString());
        Assert.Equal(["opened", "status-changed", "assigned", "commented", "attached"],
            detail.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));

        var inbox = await GetAsync(platform, "/api/rest/requests/inbox");
        Assert.Equal(1, inbox.GetProperty("total").GetInt64());
        Assert.Equal(requestId, inbox.GetProperty("items")[0].GetProperty("id").GetString());
        await PostAsync(platform, $"/api/rest/requests/{requestId}/responses", new
        {
            note = "Labeled and reduced",
            actions = new object[] { new { action = "content-labeled", count = 12 }, new { action = "content-reduced", count = 9 } },
        }, HttpStatusCode.Created);

        var answered = await GetAsync(agency, $"/api/rest/requests/{requestId}");
        Assert.Equal("answered", answered.GetProperty("request").GetProperty("status").GetString());
        var actions = Assert.Single(answered.GetProperty("responses").EnumerateArray()).GetProperty("actions");
        Assert.Equal([("content-labeled", 12L), ("content-reduced", 9L)],
            actions.EnumerateArray().Select(a => (a.GetProperty("action").GetString(), a.GetProperty("count").GetInt64())));
        Assert.Equal(1, (await GetAsync(agency, "/api/rest/requests/outbox?status=answered")).GetProperty("total").GetInt64());

        var perElection = await GetAsync(platform, $"/api/rest/elections/{electionId}");
        Assert.Equal("US", perElection.GetProperty("election").GetProperty("country").GetString());
        Assert.Equal([caseId], perElection.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Contains(electionId, (await GetAsync(platform, "/api/rest/elections?country=US")).EnumerateArray().Select(e => e.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Every_route_is_404_to_a_member_that_is_not_a_party()
    {
        var (world, caseId, requestId, electionId) = await CaseWithRequestAsync();
        var outsider = Hub.BearerClient(world.Outsider.ApiKey);
        var clear = await ShareAsync(world.Outsider, world.Collection, TlpLevel.Clear);
        var unknownCase = "case--" + Guid.NewGuid();
        var unknownRequest = "request--" + Guid.NewGuid();

        foreach (var id in new[] { caseId, unknownCase })
        {
            var problem = await GetAsync(outsider, $"/api/rest/cases/{id}", HttpStatusCode.NotFound);
            Assert.Equal(CaseService.NoCase(id), problem.GetProperty("detail").GetString());
            await PostAsync(outsider, $"/api/rest/cases/{id}/status", new { status = "triaged" }, HttpStatusCode.NotFound);
            await PostAsync(outsider, $"/api/rest/cases/{id}/assignee", new { userName = world.Outsider.User.UserName }, HttpStatusCode.NotFound);
            await PostAsync(outsider, $"/api/rest/cases/{id}/parties", new { orgId = world.Outsider.Organization.Id }, HttpStatusCode.NotFound);
            await PostAsync(outsider, $"/api/rest/cases/{id}/comments", new { body = "let me in", tlp = "clear" }, HttpStatusCode.NotFound);
            await PostAsync(outsider, $"/api/rest/cases/{id}/attachments", new { objectId = clear }, HttpStatusCode.NotFound);
        }

        foreach (var id in new[] { requestId, unknownRequest })
        {
            await GetAsync(outsider, $"/api/rest/requests/{id}", HttpStatusCode.NotFound);
            await PostAsync(outsider, $"/api/rest/requests/{id}/responses", new { actions = new[] { new { action = "accounts-removed", count = 1 } } },
                HttpStatusCode.NotFound);
            await PostAsync(outsider, $"/api/rest/requests/{id}/close", new { }, HttpStatusCode.NotFound);
        }

        Assert.Equal(0, (await GetAsync(outsider, "/api/rest/cases")).GetProperty("total").GetInt64());
        Assert.Equal(0, (await GetAsync(outsider, "/api/rest/cases?status=reported&type=voter-suppression")).GetProperty("total").GetInt64());
        Assert.Equal(0, (await GetAsync(outsider, $"/api/rest/cases?election={electionId}")).GetProperty("total").GetInt64());
        Assert.Equal(0, (await GetAsync(outsider, "/api/rest/requests/inbox")).GetProperty("total").GetInt64());
        Assert.Equal(0, (await GetAsync(outsider, "/api/rest/requests/outbox")).GetProperty("total").GetInt64());
        Assert.Empty((await GetAsync(outsider, $"/api/rest/elections/{electionId}")).GetProperty("cases").EnumerateArray());

        // Nothing the outsider tried changed the case.
        var still = await GetAsync(Hub.BearerClient(world.Agency.ApiKey), $"/api/rest/cases/{caseId}");
        Assert.Equal("reported", still.GetProperty("case").GetProperty("status").GetString());
        Assert.Equal(2, still.GetProperty("case").GetProperty("partyOrgIds").GetArrayLength());
        Assert.Empty(still.GetProperty("comments").EnumerateArray());
        Assert.Empty(still.GetProperty("attachments").EnumerateArray());
        Assert.Equal(0, (await GetAsync(Hub.BearerClient(world.Agency.ApiKey), $"/api/rest/requests/{requestId}")).GetProperty("responses").GetArrayLength());

        // Without credentials the routes ask for them.
        await GetAsync(Hub.Client, "/api/rest/cases", HttpStatusCode.Unauthorized);
        await GetAsync(Hub.Client, $"/api/rest/requests/{requestId}", HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Bad_input_is_a_problem_naming_the_field()
    {
        var (world, caseId, requestId, _) = await CaseWithRequestAsync();
        var agency = Hub.BearerClient(world.Agency.ApiKey);
        var platform = Hub.BearerClient(world.Platform.ApiKey);
        var red = await ShareAsync(world.Outsider, world.Collection, TlpLevel.Red);

        var create = await PostAsync(agency, "/api/rest/cases", new
        {
            type = "rumour",
            severity = "extreme",
            jurisdictions = new[] { new { country = "USA", state = "AZ" } },
            affectedDates = new[] { "3 Nov" },
            electionIds = new[] { "election--nope" },
            partyOrgIds = new[] { "no-such-org" },
        }, HttpStatusCode.BadRequest);
        Assert.Equal(["affectedDates[0]", "electionIds[0]", "jurisdictions[0].country", "partyOrgIds[0]", "severity", "title", "type"],
            ProblemFields(create));
        Assert.Contains("voter-suppression", create.GetProperty("errors").GetProperty("type")[0].GetString(), StringComparison.Ordinal);

        var illegal = await PostAsync(agency, $"/api/rest/cases/{caseId}/status", new { status = "disclosed" }, HttpStatusCode.BadRequest);
        Assert.Equal(["status"], ProblemFields(illegal));
        await PostAsync(agency, $"/api/rest/cases/{caseId}/status", new { status = "in-progress", expected = "triaged" }, HttpStatusCode.Conflict);
        Assert.Equal(["userName"], ProblemFields(await PostAsync(agency, $"/api/rest/cases/{caseId}/assignee", new { userName = world.Platform.User.UserName },
            HttpStatusCode.BadRequest)));
        Assert.Equal(["body", "tlp"], ProblemFields(await PostAsync(agency, $"/api/rest/cases/{caseId}/comments", new { body = " ", tlp = "purple" }, HttpStatusCode.BadRequest)));
        Assert.Equal(["objectId"], ProblemFields(await PostAsync(agency, $"/api/rest/cases/{caseId}/attachments", new { objectId = red }, HttpStatusCode.BadRequest)));

        var toSelf = await PostAsync(agency, "/api/rest/requests", new { kind = "referral", subject = "x", recipientOrgIds = new[] { world.Agency.Organization.Id } },
            HttpStatusCode.BadRequest);
        Assert.Equal(["recipientOrgIds"], ProblemFields(toSelf));
        var badRequest = await PostAsync(agency, "/api/rest/requests", new
        {
            kind = "takedown",
            recipientOrgIds = new[] { "nobody" },
            objectIds = new[] { "not-an-id" },
            deadline = "tomorrow",
        }, HttpStatusCode.BadRequest);
        Assert.Equal(["deadline", "kind", "objectIds[0]", "recipientOrgIds[0]", "subject"], ProblemFields(badRequest));
        var hidden = await PostAsync(agency, "/api/rest/requests", new
        {
            kind = "referral", subject = "x", recipientOrgIds = new[] { world.Platform.Organization.Id }, objectIds = new[] { red },
        }, HttpStatusCode.BadRequest);
        Assert.Equal(["objectIds[0]"], ProblemFields(hidden));

        var noReason = await PostAsync(platform, $"/api/rest/requests/{requestId}/responses", new
        {
            actions = new object[] { new { action = "no-action", count = 0 }, new { action = "accounts-removed", count = -1 }, new { action = "deleted", count = 1 } },
        }, HttpStatusCode.BadRequest);
        Assert.Equal(["actions[0].reason", "actions[1].count", "actions[2].action"], ProblemFields(noReason));
        await PostAsync(agency, $"/api/rest/requests/{requestId}/responses", new { actions = new[] { new { action = "accounts-removed", count = 1 } } },
            HttpStatusCode.Conflict);

        Assert.Equal(["country", "date", "name"], ProblemFields(await PostAsync(agency, "/api/rest/elections", new { country = "U", date = "2026-13-01" }, HttpStatusCode.BadRequest)));
        Assert.Equal(["status"], ProblemFields(await GetAsync(agency, "/api/rest/cases?status=open", HttpStatusCode.BadRequest)));

        var broken = await agency.PostAsync("/api/rest/cases", new StringContent("{\"title\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal("application/problem+json", broken.Content.Headers.ContentType?.MediaType);
    }
}
