using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Core.Members;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Admin;

public sealed class OrgAdminTests(TestHubFixture fixture) : IClassFixture<TestHubFixture>
{
    private TestHub Hub => fixture.Hub;

    [Fact]
    public async Task Org_admin_creates_users_and_keys_in_its_own_organization()
    {
        var admin = await Hub.CreateMemberAsync(Sector.ElectionOffice, UserRole.OrgAdmin);
        var client = Hub.BearerClient(admin.ApiKey);
        var orgId = admin.Organization.Id;
        var userName = "clerk-" + Guid.NewGuid().ToString("N")[..8];
        var user = await client.PostAsJsonAsync($"/api/admin/organizations/{orgId}/users", new { userName, password = "clerk password 123" });
        Assert.Equal(HttpStatusCode.Created, user.StatusCode);
        var key = await client.PostAsJsonAsync($"/api/admin/organizations/{orgId}/api-keys", new { name = "clerk key" });
        Assert.Equal(HttpStatusCode.Created, key.StatusCode);
        var secret = (await key.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await Hub.BearerClient(secret).GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/admin/organizations/{orgId}/users")).StatusCode);
    }

    [Fact]
    public async Task Org_admin_cannot_touch_another_organization_or_hub_wide_settings()
    {
        var admin = await Hub.CreateMemberAsync(Sector.ElectionOffice, UserRole.OrgAdmin);
        var other = await Hub.CreateMemberAsync();
        var client = Hub.BearerClient(admin.ApiKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/admin/organizations/{other.Organization.Id}/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await client.PostAsJsonAsync($"/api/admin/organizations/{other.Organization.Id}/api-keys", new { name = "sneaky" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/admin/api-keys/{other.ApiKeyId}/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Hub.BearerClient(other.ApiKey).GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/admin/collections", new { title = "mine" })).StatusCode);
    }

    [Theory]
    [InlineData("hub-admin")]
    [InlineData("oversight")]
    public async Task Org_admin_cannot_grant_hub_wide_roles(string role)
    {
        var admin = await Hub.CreateMemberAsync(Sector.Government, UserRole.OrgAdmin);
        var response = await Hub.BearerClient(admin.ApiKey).PostAsJsonAsync($"/api/admin/organizations/{admin.Organization.Id}/users",
            new { userName = "climber-" + Guid.NewGuid().ToString("N")[..8], password = "climbing password", role });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Org_admin_cannot_mint_a_key_for_a_hub_admin_of_its_organization()
    {
        var hubAdmin = await Hub.CreateMemberAsync(Sector.Hub, UserRole.HubAdmin);
        var orgAdmin = await Hub.CreateUserAsync(hubAdmin.Organization, UserRole.OrgAdmin);
        var response = await Hub.BearerClient(orgAdmin.ApiKey).PostAsJsonAsync($"/api/admin/organizations/{hubAdmin.Organization.Id}/api-keys",
            new { name = "borrowed", userId = hubAdmin.User.Id });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Org_admin_revokes_its_own_organization_key()
    {
        var admin = await Hub.CreateMemberAsync(Sector.Research, UserRole.OrgAdmin);
        var colleague = await Hub.CreateUserAsync(admin.Organization);
        var response = await Hub.BearerClient(admin.ApiKey).PostAsync($"/api/admin/api-keys/{colleague.ApiKeyId}/revoke", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Hub.BearerClient(colleague.ApiKey).GetAsync("/api/me")).StatusCode);
    }
}
