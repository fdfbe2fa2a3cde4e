using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Core.Members;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Access;

public sealed class AuthenticationTests(TestHubFixture fixture) : IClassFixture<TestHubFixture>
{
    private TestHub Hub => fixture.Hub;

    private static async Task<JsonElement> MeAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Basic_with_user_name_and_password_signs_in()
    {
        var member = await Hub.CreateMemberAsync();
        var me = await MeAsync(Hub.BasicClient(member.User.UserName, member.Password));
        Assert.Equal(member.Organization.Id, me.GetProperty("orgId").GetString());
        Assert.Equal(member.User.UserName, me.GetProperty("userName").GetString());
    }

    [Fact]
    public async Task Basic_with_any_user_name_and_api_key_as_password_signs_in()
    {
        var member = await Hub.CreateMemberAsync();
        var me = await MeAsync(Hub.BasicClient("anything-at-all", member.ApiKey));
        Assert.Equal(member.Organization.Id, me.GetProperty("orgId").GetString());
        Assert.Equal(member.ApiKeyId, me.GetProperty("apiKeyId").GetString());
    }

    [Fact]
    public async Task Bearer_api_key_signs_in()
    {
        var member = await Hub.CreateMemberAsync(Sector.ElectionOffice);
        var me = await MeAsync(Hub.BearerClient(member.ApiKey));
        Assert.Equal(member.Organization.Id, me.GetProperty("orgId").GetString());
        Assert.Equal("election-office", me.GetProperty("sector").GetString());
    }

    [Fact]
    public async Task Wrong_api_key_gets_401_with_basic_and_bearer_challenges()
    {
        var member = await Hub.CreateMemberAsync();
        var wrong = member.ApiKey[..^2] + (member.ApiKey[^2..] == "AA" ? "BB" : "AA");
        var response = await Hub.BearerClient(wrong).GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenges = response.Headers.WwwAuthenticate.Select(c => c.Scheme).ToArray();
        Assert.Contains("Basic", challenges);
        Assert.Contains("Bearer", challenges);
        Assert.Contains("realm=", response.Headers.WwwAuthenticate.First(c => c.Scheme == "Basic").Parameter, StringComparison.Ordinal);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Wrong_password_gets_401()
    {
        var member = await Hub.CreateMemberAsync();
        var response = await Hub.BasicClient(member.User.UserName, member.Password + "x").GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Revoked_key_gets_401_at_once_even_after_recent_use()
    {
        var member = await Hub.CreateMemberAsync();
        var client = Hub.BearerClient(member.ApiKey);
        await MeAsync(client);
        Assert.True(await Hub.Members.RevokeApiKeyAsync(member.ApiKeyId));
        var response = await client.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Hub.BasicClient("x", member.ApiKey).GetAsync("/api/me")).StatusCode);
    }

    [Theory]
    [InlineData("Basic")]
    [InlineData("Basic !!!not-base64!!!")]
    [InlineData("Basic bm8tY29sb24taGVyZQ==")]
    [InlineData("Bearer")]
    [InlineData("Digest username=\"x\"")]
    [InlineData("Bearer vgl_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Malformed_or_unknown_credentials_get_401_not_an_error(string header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.TryAddWithoutValidation("Authorization", header);
        var response = await Hub.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Bad_credentials_on_taxii_paths_get_the_taxii_error_resource()
    {
        var response = await Hub.BearerClient("vgl_wrong").GetAsync("/taxii2/");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/taxii+json", response.Content.Headers.ContentType?.MediaType);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("401", error.GetProperty("http_status").GetString());
        Assert.Contains(response.Headers.WwwAuthenticate, c => c.Scheme == "Basic");
    }

    [Fact]
    public async Task No_credentials_is_the_public_reader_and_me_asks_to_sign_in()
    {
        var response = await Hub.Client.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, c => c.Scheme == "Basic");
    }

    [Fact]
    public async Task Disabled_user_cannot_sign_in_with_password_or_bound_key()
    {
        var member = await Hub.CreateMemberAsync();
        await MeAsync(Hub.BasicClient(member.User.UserName, member.Password));
        await Hub.Members.SetUserDisabledAsync(member.User.Id, true);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Hub.BasicClient(member.User.UserName, member.Password).GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Hub.BearerClient(member.ApiKey).GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Reader_principals_name_org_user_groups_and_readable_collections()
    {
        var member = await Hub.CreateMemberAsync();
        var outsider = await Hub.CreateOrganizationAsync();
        var group = await Hub.CreateSharingGroupAsync(member.Organization, outsider);
        var readable = await Hub.CreateCollectionAsync(readOrgs: [member.Organization.Id]);
        var hidden = await Hub.CreateCollectionAsync(readOrgs: [outsider.Id]);
        var principals = (await MeAsync(Hub.BearerClient(member.ApiKey))).GetProperty("principals").EnumerateArray().Select(p => p.GetString()).ToArray();
        Assert.Contains("org:" + member.Organization.Id, principals);
        Assert.Contains("user:" + member.User.Id, principals);
        Assert.Contains("group:" + group.Id, principals);
        Assert.Contains("collection:" + readable.Id, principals);
        Assert.DoesNotContain("collection:" + hidden.Id, principals);
    }

    [Fact]
    public async Task Scoped_key_reads_and_writes_only_its_collections()
    {
        var member = await Hub.CreateMemberAsync();
        var scoped = await Hub.CreateCollectionAsync(writeOrgs: [member.Organization.Id]);
        var other = await Hub.CreateCollectionAsync(writeOrgs: [member.Organization.Id]);
        var (_, secret) = await Hub.CreateApiKeyAsync(member.Organization, member.User, readCollections: [scoped.Id], writeCollections: [scoped.Id]);

        var scopedView = await Hub.BearerClient(secret).GetFromJsonAsync<JsonElement>("/api/rest/collections");
        var ids = scopedView.EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToArray();
        Assert.Contains(scoped.Id, ids);
        Assert.DoesNotContain(other.Id, ids);
        Assert.True(scopedView.EnumerateArray().Single(c => c.GetProperty("id").GetString() == scoped.Id).GetProperty("canWrite").GetBoolean());

        var principals = (await MeAsync(Hub.BearerClient(secret))).GetProperty("principals").EnumerateArray().Select(p => p.GetString()).ToArray();
        Assert.DoesNotContain("collection:" + other.Id, principals);

        var fullView = await Hub.BearerClient(member.ApiKey).GetFromJsonAsync<JsonElement>("/api/rest/collections");
        Assert.True(fullView.EnumerateArray().Single(c => c.GetProperty("id").GetString() == other.Id).GetProperty("canWrite").GetBoolean());
    }

    [Fact]
    public async Task Read_only_key_cannot_write_anywhere()
    {
        var member = await Hub.CreateMemberAsync();
        var collection = await Hub.CreateCollectionAsync(writeOrgs: [member.Organization.Id]);
        var (_, secret) = await Hub.CreateApiKeyAsync(member.Organization, canWrite: false);
        var view = await Hub.BearerClient(secret).GetFromJsonAsync<JsonElement>("/api/rest/collections");
        Assert.False(view.EnumerateArray().Single(c => c.GetProperty("id").GetString() == collection.Id).GetProperty("canWrite").GetBoolean());
    }

    [Fact]
    public void Credentials_parser_reads_basic_and_bearer()
    {
        Assert.True(Vigil.Server.Access.Credentials.TryParse("Basic " + Convert.ToBase64String("alice:pa:ss"u8.ToArray()), out var basic));
        Assert.Equal("alice", basic.UserName);
        Assert.Equal("pa:ss", basic.Secret);
        Assert.True(Vigil.Server.Access.Credentials.TryParse("bearer  vgl_abc ", out var bearer));
        Assert.Null(bearer.UserName);
        Assert.Equal("vgl_abc", bearer.Secret);
        Assert.False(Vigil.Server.Access.Credentials.TryParse("Basic " + new string('A', 5000), out _));
    }
}
