using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Vigil.Core.Members;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Admin;

public sealed class AdminApiTests(TestHubFixture fixture) : IClassFixture<TestHubFixture>
{
    private TestHub Hub => fixture.Hub;

    private async Task<HttpClient> AdminAsync() => Hub.BearerClient((await Hub.CreateMemberAsync(Sector.Hub, UserRole.HubAdmin)).ApiKey);

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Anonymous_caller_gets_401_from_admin_api()
    {
        var response = await Hub.Client.GetAsync("/api/admin/organizations");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(UserRole.Analyst)]
    [InlineData(UserRole.OrgAdmin)]
    [InlineData(UserRole.Oversight)]
    public async Task Non_admin_gets_403_from_admin_api(UserRole role)
    {
        var member = await Hub.CreateMemberAsync(Sector.Government, role);
        var client = Hub.BasicClient(member.User.UserName, member.Password);
        var response = await client.PostAsJsonAsync("/api/admin/organizations", new { name = "Should not exist", sector = "platform" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("hub-admin", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(await Hub.Members.ListOrganizationsAsync(), o => o.Name == "Should not exist");
    }

    [Fact]
    public async Task Admin_creates_org_user_and_key_and_the_key_signs_in_once_shown()
    {
        var admin = await AdminAsync();
        var name = "Admin-made platform " + Guid.NewGuid().ToString("N")[..8];
        var org = await CreatedAsync(await admin.PostAsJsonAsync("/api/admin/organizations", new { name, sector = "platform", country = "XX" }));
        var orgId = org.GetProperty("id").GetString()!;
        Assert.Equal("platform", org.GetProperty("sector").GetString());

        var userName = "analyst-" + Guid.NewGuid().ToString("N")[..8];
        var user = await CreatedAsync(await admin.PostAsJsonAsync($"/api/admin/organizations/{orgId}/users",
            new { userName, password = "a long enough password", role = "analyst" }));
        Assert.False(user.TryGetProperty("password", out _));

        var created = await CreatedAsync(await admin.PostAsJsonAsync($"/api/admin/organizations/{orgId}/api-keys",
            new { name = "ingest", userId = user.GetProperty("id").GetString() }));
        var secret = created.GetProperty("secret").GetString()!;
        Assert.StartsWith("vgl_", secret, StringComparison.Ordinal);

        var me = await Hub.BearerClient(secret).GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal(orgId, me.GetProperty("orgId").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Hub.BasicClient(userName, "a long enough password").GetAsync("/api/me")).StatusCode);

        var listed = await admin.GetStringAsync($"/api/admin/organizations/{orgId}/api-keys");
        Assert.Contains("ingest", listed, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[4..], listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_revokes_a_key_and_it_stops_working()
    {
        var admin = await AdminAsync();
        var member = await Hub.CreateMemberAsync();
        Assert.Equal(HttpStatusCode.OK, (await Hub.BearerClient(member.ApiKey).GetAsync("/api/me")).StatusCode);
        var revoked = await admin.PostAsync($"/api/admin/api-keys/{member.ApiKeyId}/revoke", null);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.True((await revoked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revoked").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Hub.BearerClient(member.ApiKey).GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/admin/api-keys/no-such-key/revoke", null)).StatusCode);
    }

    [Fact]
    public async Task Admin_creates_sharing_group_and_collection()
    {
        var admin = await AdminAsync();
        var a = await Hub.CreateOrganizationAsync();
        var b = await Hub.CreateOrganizationAsync(Sector.Government);
        var group = await CreatedAsync(await admin.PostAsJsonAsync("/api/admin/sharing-groups",
            new { name = "Group " + Guid.NewGuid().ToString("N"), orgIds = new[] { a.Id, b.Id } }));
        Assert.Equal(2, group.GetProperty("orgIds").GetArrayLength());

        var collection = await CreatedAsync(await admin.PostAsJsonAsync("/api/admin/collections",
            new { title = "Shared indicators", readOrgIds = new[] { a.Id }, writeOrgIds = new[] { b.Id }, defaultTlp = "green", publicRead = true }));
        var id = collection.GetProperty("id").GetString()!;
        Assert.True(Guid.TryParse(id, out _));
        var stored = await Hub.Members.GetCollectionAsync("vigil", id);
        Assert.NotNull(stored);
        Assert.Equal([b.Id], stored.WriteOrgIds);
        Assert.Equal(Vigil.Core.Sharing.TlpLevel.Green, stored.DefaultTlp);
    }

    [Fact]
    public async Task Missing_property_gets_problem_details_naming_it()
    {
        var admin = await AdminAsync();
        var response = await admin.PostAsJsonAsync("/api/admin/organizations", new { sector = "platform" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("name", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("/api/admin/organizations", problem.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task Unknown_sector_gets_problem_details_with_its_path()
    {
        var admin = await AdminAsync();
        var response = await admin.PostAsJsonAsync("/api/admin/organizations", new { name = "X " + Guid.NewGuid(), sector = "spaceship" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("$.sector", out _), problem.ToString());
    }

    [Fact]
    public async Task Malformed_json_gets_problem_details_with_line_and_position()
    {
        var admin = await AdminAsync();
        using var content = new StringContent("{\"name\": \"x\",\n \"sector\": }", Encoding.UTF8, "application/json");
        var response = await admin.PostAsync("/api/admin/organizations", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains("line 2", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_media_type_gets_415()
    {
        var admin = await AdminAsync();
        using var content = new StringContent("name=x", Encoding.UTF8, "application/x-www-form-urlencoded");
        var response = await admin.PostAsync("/api/admin/organizations", content);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Duplicate_organization_gets_409()
    {
        var admin = await AdminAsync();
        var org = await Hub.CreateOrganizationAsync();
        var response = await admin.PostAsJsonAsync("/api/admin/organizations", new { name = org.Name, sector = "research" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(org.Name, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collection_with_unknown_org_or_bad_id_is_refused_naming_the_fields()
    {
        var admin = await AdminAsync();
        var response = await admin.PostAsJsonAsync("/api/admin/collections", new { id = "not-a-uuid", title = "T", readOrgIds = new[] { "ghost-org" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("id", out _));
        Assert.Contains("ghost-org", errors.GetProperty("readOrgIds")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Short_password_and_unknown_org_are_refused()
    {
        var admin = await AdminAsync();
        var org = await Hub.CreateOrganizationAsync();
        var response = await admin.PostAsJsonAsync($"/api/admin/organizations/{org.Id}/users", new { userName = "shorty", password = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("password", out _));
        var missing = await admin.PostAsJsonAsync("/api/admin/organizations/ghost/users", new { userName = "someone", password = "long enough password" });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
