using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Vigil.Core.Sharing;
using Vigil.Server.Tests.Infrastructure;
using static Vigil.Server.Tests.Taxii.StixFixtures;
using static Vigil.Server.Tests.Taxii.TaxiiClient;

namespace Vigil.Server.Tests.Taxii;

/// <summary>Each kind of bad input gets a TAXII error resource that says what and where; nothing stored changes; the server keeps serving.</summary>
public sealed class TaxiiBadInputTests(TestHubFixture fixture) : IClassFixture<TestHubFixture>
{
    private TestHub Hub => fixture.Hub;

    [Fact]
    public Task Malformed_json_is_refused_with_400() =>
        RefusedAsync("{\"objects\": [ {\"type\": \"indicator\", ", HttpStatusCode.BadRequest, "line");

    [Fact]
    public Task Body_that_is_not_an_envelope_is_refused_with_400() =>
        RefusedAsync("[1, 2, 3]", HttpStatusCode.BadRequest, "envelope");

    [Fact]
    public Task Envelope_without_objects_is_refused_with_400() =>
        RefusedAsync("{\"more\": false}", HttpStatusCode.BadRequest, "no objects");

    [Fact]
    public Task Deeply_nested_json_is_refused_with_400()
    {
        var deep = new StringBuilder("{\"objects\": [{\"type\": \"indicator\", \"x_deep\": ");
        deep.Append(string.Concat(Enumerable.Repeat("[", 500))).Append(string.Concat(Enumerable.Repeat("]", 500))).Append("}]}");
        return RefusedAsync(deep.ToString(), HttpStatusCode.BadRequest, "deep");
    }

    [Fact]
    public Task Unknown_property_without_x_prefix_is_refused_with_422()
    {
        var indicator = Indicator();
        indicator["confidence_score"] = 5;
        return RefusedAsync(Envelope(Indicator(), indicator), HttpStatusCode.UnprocessableEntity, "$.objects[1].confidence_score");
    }

    [Fact]
    public Task Duplicate_object_in_an_envelope_is_refused_with_422()
    {
        var indicator = Indicator();
        return RefusedAsync(Envelope(indicator, indicator), HttpStatusCode.UnprocessableEntity, "duplicate");
    }

    [Fact]
    public Task Id_of_another_type_is_refused_with_422() =>
        RefusedAsync(Envelope(Indicator(id: "malware--" + Guid.NewGuid())), HttpStatusCode.UnprocessableEntity, "$.objects[0].id");

    [Fact]
    public async Task Claiming_another_organizations_identity_is_refused_with_422()
    {
        var victim = await Hub.CreateOrganizationAsync();
        await RefusedAsync(Envelope(Indicator(), Indicator(createdByRef: victim.IdentityId)), HttpStatusCode.UnprocessableEntity, "objects[1].created_by_ref");
    }

    [Fact]
    public Task Unknown_recipient_is_refused_with_422() =>
        RefusedAsync(Envelope(Indicator(marking: Tlp.AmberId, recipients: ["identity--" + Guid.NewGuid()])), HttpStatusCode.UnprocessableEntity,
            "x_vigil_recipients[0]");

    [Fact]
    public Task Wrong_content_type_is_refused_with_415() =>
        RefusedAsync(Envelope(Indicator()), HttpStatusCode.UnsupportedMediaType, "Content-Type", contentType: "text/plain");

    [Fact]
    public Task Taxii_2_0_content_type_is_refused_with_415() =>
        RefusedAsync(Envelope(Indicator()), HttpStatusCode.UnsupportedMediaType, "Content-Type", contentType: "application/taxii+json;version=2.0");

    [Fact]
    public async Task Oversized_body_is_refused_with_413()
    {
        await using var small = await TestHub.StartAsync(new TestHubOptions { MaxRequestBodyBytes = 4096 });
        var member = await small.CreateMemberAsync();
        var collection = await small.CreateCollectionAsync(writeOrgs: [member.Organization.Id]);
        using var client = small.BearerClient(member.ApiKey);
        var big = Indicator();
        big["description"] = new string('a', 10_000);

        using var response = await PostAsync(client, collection.Id, Envelope(big));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("4096", (string?)(await JsonAsync(response))["description"], StringComparison.Ordinal);
        using var after = await GetAsync(client, CollectionUrl(collection.Id) + "objects/");
        Assert.Empty((await JsonAsync(after))["objects"]!.AsArray());
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml")]
    [InlineData("application/taxii+json;version=2.0")]
    public async Task Unacceptable_accept_header_gets_406(string accept)
    {
        var member = await Hub.CreateMemberAsync();
        using var client = Hub.BearerClient(member.ApiKey);
        using var response = await GetAsync(client, "/taxii2/vigil/collections/", accept);
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("406", (string?)(await JsonAsync(response))["http_status"]);
    }

    [Theory]
    [InlineData("application/taxii+json")]
    [InlineData("application/stix+json;version=2.1")]
    [InlineData("*/*")]
    public async Task Accepted_media_types_get_a_taxii_answer(string accept)
    {
        using var response = await GetAsync(Hub.Client, "/taxii2/", accept);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertTaxiiContentType(response);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("added_after=yesterday", "added_after")]
    [InlineData("match[version]=newest", "match[version]")]
    [InlineData("match[type]=Not%20A%20Type", "match[type]")]
    [InlineData("match[id]=indicator--nope", "match[id]")]
    [InlineData("next=bm9wZQ", "next")]
    [InlineData("match[spec_version]=3.0", "match[spec_version]")]
    public async Task Bad_filter_gets_400_naming_the_parameter(string query, string parameter)
    {
        var member = await Hub.CreateMemberAsync();
        var collection = await Hub.CreateCollectionAsync(writeOrgs: [member.Organization.Id]);
        using var client = Hub.BearerClient(member.ApiKey);
        using var response = await GetAsync(client, CollectionUrl(collection.Id) + "objects/?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(parameter, (string?)(await JsonAsync(response))["description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_object_and_unknown_path_get_404()
    {
        var member = await Hub.CreateMemberAsync();
        var collection = await Hub.CreateCollectionAsync(writeOrgs: [member.Organization.Id]);
        using var client = Hub.BearerClient(member.ApiKey);
        using var unknownObject = await GetAsync(client, CollectionUrl(collection.Id) + $"objects/indicator--{Guid.NewGuid()}/");
        Assert.Equal(HttpStatusCode.NotFound, unknownObject.StatusCode);
        using var unknownPath = await GetAsync(client, "/taxii2/vigil/no/such/thing/");
        Assert.Equal(HttpStatusCode.NotFound, unknownPath.StatusCode);
        AssertTaxiiContentType(unknownPath);
    }

    private async Task RefusedAsync(string body, HttpStatusCode expected, string where, string contentType = MediaType)
    {
        var member = await Hub.CreateMemberAsync();
        var collection = await Hub.CreateCollectionAsync(writeOrgs: [member.Organization.Id]);
        using var client = Hub.BearerClient(member.ApiKey);
        var existing = Indicator();
        using (var seed = await PostAsync(client, collection.Id, existing))
        {
            Assert.Equal(HttpStatusCode.Accepted, seed.StatusCode);
        }

        using var response = await PostAsync(client, collection.Id, body, contentType);
        Assert.Equal(expected, response.StatusCode);
        AssertTaxiiContentType(response);
        var error = await JsonAsync(response);
        Assert.Equal(((int)expected).ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)error["http_status"]);
        var text = error.ToJsonString();
        Assert.Contains(where, text, StringComparison.OrdinalIgnoreCase);

        using var after = await GetAsync(client, CollectionUrl(collection.Id) + "objects/?match[version]=all");
        var objects = (await JsonAsync(after))["objects"]!.AsArray();
        Assert.Equal((string?)existing["id"], (string?)Assert.Single(objects)!["id"]);
        using var discovery = await GetAsync(Hub.Client, "/taxii2/");
        Assert.Equal(HttpStatusCode.OK, discovery.StatusCode);
    }
}
