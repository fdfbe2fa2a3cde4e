using System.Net;
using System.Text.Json;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests;

public sealed class OpenApiTests(TestHubFixture fixture) : IClassFixture<TestHubFixture>
{
    [Fact]
    public async Task OpenApi_document_describes_rest_and_admin_endpoints()
    {
        var response = await fixture.Hub.Client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/rest/objects", out _));
        Assert.True(paths.TryGetProperty("/api/rest/objects/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/admin/organizations", out _));
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
    }
}
