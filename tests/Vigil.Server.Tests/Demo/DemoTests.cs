using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Core.Stix.Validation;
using Vigil.Server.Demo;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Demo;

public sealed class DemoTests(DemoHubFixture demo) : IClassFixture<DemoHubFixture>
{
    [Fact]
    public async Task Demo_credentials_file_lists_logins_whose_keys_work_as_bearer_and_basic()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(demo.Hub.DataDirectory, DemoSeeder.CredentialsFileName));
        using var document = JsonDocument.Parse(text);
        Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            Assert.Equal(["api_key", "org", "password", "sector", "user"], entry.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            Assert.All(entry.EnumerateObject(), p => Assert.False(string.IsNullOrEmpty(p.Value.GetString())));
        }

        foreach (var login in demo.Logins)
        {
            var bearer = await demo.Hub.BearerClient(login.ApiKey).GetFromJsonAsync<JsonElement>("/api/me");
            Assert.Equal(login.Org, bearer.GetProperty("orgId").GetString());
            Assert.Equal(login.Sector, bearer.GetProperty("sector").GetString());
            var basicKey = await demo.Hub.BasicClient(login.User, login.ApiKey).GetAsync("/api/me");
            Assert.Equal(HttpStatusCode.OK, basicKey.StatusCode);
            var basicPassword = await demo.Hub.BasicClient(login.User, login.Password).GetFromJsonAsync<JsonElement>("/api/me");
            Assert.Equal(login.User, basicPassword.GetProperty("userName").GetString());
        }
    }

    [Fact]
    public void Demo_has_four_platforms_three_agencies_an_election_office_and_a_research_lab()
    {
        var sectors = demo.Logins.DistinctBy(l => l.Org).GroupBy(l => l.Sector).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(4, sectors["platform"]);
        Assert.Equal(3, sectors["government"]);
        Assert.Equal(1, sectors["election-office"]);
        Assert.Equal(1, sectors["research"]);
        Assert.Contains(demo.Logins, l => l.User == "hub-admin");
    }

    [Fact]
    public void Demo_objects_are_valid_stix()
    {
        var shares = DemoObjects.Build();
        Assert.Contains(shares, s => (string?)s.Object["type"] == "intrusion-set");
        Assert.Contains(shares, s => (string?)s.Object["type"] == "report");
        foreach (var share in shares)
        {
            var result = StixValidator.Validate(share.Object);
            Assert.True(result.IsValid, $"{share.Object["id"]}: {result}");
        }
    }

    [Fact]
    public async Task Demo_hub_admin_key_opens_the_admin_api()
    {
        var response = await demo.ClientFor("hub-admin").GetAsync("/api/admin/organizations");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await demo.ClientFor("northwind-analyst").GetAsync("/api/admin/organizations")).StatusCode);
    }

    [Fact]
    public async Task Demo_taxii_discovery_answers_a_demo_key()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/taxii2/");
        request.Headers.TryAddWithoutValidation("Accept", "application/taxii+json;version=2.1");
        var response = await demo.ClientFor("bluejay-analyst").SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("api_roots", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
