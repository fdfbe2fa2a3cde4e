using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Vigil.Core.Sharing;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Access;

/// <summary>API key scopes through the real TAXII write path.</summary>
public sealed class ScopedKeyWriteTests(TestHubFixture fixture) : IClassFixture<TestHubFixture>
{
    private const string TaxiiMediaType = "application/taxii+json;version=2.1";

    private static string Envelope(string identityId)
    {
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var indicator = new JsonObject
        {
            ["type"] = "indicator",
            ["spec_version"] = "2.1",
            ["id"] = "indicator--" + Guid.NewGuid(),
            ["created"] = now,
            ["modified"] = now,
            ["created_by_ref"] = identityId,
            ["name"] = "Scoped key test",
            ["pattern"] = "[domain-name:value = 'scoped-key-test.example']",
            ["pattern_type"] = "stix",
            ["valid_from"] = now,
            ["object_marking_refs"] = new JsonArray(Tlp.GreenId),
        };
        return new JsonObject { ["objects"] = new JsonArray(indicator) }.ToJsonString();
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient client, string collectionId, string identityId)
    {
        using var content = new StringContent(Envelope(identityId), Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(TaxiiMediaType);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/taxii2/vigil/collections/{collectionId}/objects/") { Content = content };
        request.Headers.TryAddWithoutValidation("Accept", TaxiiMediaType);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Scoped_key_writes_its_collection_but_gets_403_on_another()
    {
        var hub = fixture.Hub;
        var member = await hub.CreateMemberAsync();
        var scoped = await hub.CreateCollectionAsync(writeOrgs: [member.Organization.Id]);
        var other = await hub.CreateCollectionAsync(writeOrgs: [member.Organization.Id]);
        var (_, secret) = await hub.CreateApiKeyAsync(member.Organization, member.User, writeCollections: [scoped.Id]);
        var client = hub.BearerClient(secret);

        Assert.Equal(HttpStatusCode.Accepted, await PostAsync(client, scoped.Id, member.Organization.IdentityId));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(client, other.Id, member.Organization.IdentityId));
        Assert.Equal(HttpStatusCode.Accepted, await PostAsync(hub.BearerClient(member.ApiKey), other.Id, member.Organization.IdentityId));
    }

    [Fact]
    public async Task Read_only_key_gets_403_on_write_and_basic_with_key_writes()
    {
        var hub = fixture.Hub;
        var member = await hub.CreateMemberAsync();
        var collection = await hub.CreateCollectionAsync(writeOrgs: [member.Organization.Id]);
        var (_, readOnly) = await hub.CreateApiKeyAsync(member.Organization, canWrite: false);
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(hub.BearerClient(readOnly), collection.Id, member.Organization.IdentityId));
        Assert.Equal(HttpStatusCode.Accepted, await PostAsync(hub.BasicClient("taxii-client", member.ApiKey), collection.Id, member.Organization.IdentityId));
    }

    [Fact]
    public async Task Taxii_write_without_credentials_gets_401_with_basic_challenge()
    {
        var hub = fixture.Hub;
        var member = await hub.CreateMemberAsync();
        var collection = await hub.CreateCollectionAsync(writeOrgs: [member.Organization.Id], publicRead: true, defaultTlp: TlpLevel.Clear);
        using var content = new StringContent(Envelope(member.Organization.IdentityId), Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(TaxiiMediaType);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/taxii2/vigil/collections/{collection.Id}/objects/") { Content = content };
        request.Headers.TryAddWithoutValidation("Accept", TaxiiMediaType);
        using var response = await hub.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, c => c.Scheme == "Basic");
    }
}
