using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Server.Demo;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Testing.Postgres;

namespace Vigil.Server.Tests.Access;

/// <summary>The same sign-in, demo and search behaviour on PostgreSQL as on the default SQLite.</summary>
public sealed class PostgresHubTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Postgres_hub_signs_in_with_basic_and_bearer_and_refuses_a_revoked_key()
    {
        await using var hub = await TestHub.StartAsync(new TestHubOptions { PostgresConnectionString = await postgres.CreateDatabaseAsync("auth") });
        var member = await hub.CreateMemberAsync();
        Assert.Equal(HttpStatusCode.OK, (await hub.BasicClient(member.User.UserName, member.Password).GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hub.BasicClient("any", member.ApiKey).GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hub.BearerClient(member.ApiKey).GetAsync("/api/me")).StatusCode);
        await hub.Members.RevokeApiKeyAsync(member.ApiKeyId);
        Assert.Equal(HttpStatusCode.Unauthorized, (await hub.BearerClient(member.ApiKey).GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Postgres_demo_seeds_once_and_search_applies_the_markings()
    {
        var connection = await postgres.CreateDatabaseAsync("demo");
        var directory = Directory.CreateTempSubdirectory("vigil-pg-demo-");
        try
        {
            int count;
            await using (var hub = await TestHub.StartAsync(new TestHubOptions { PostgresConnectionString = connection, Demo = true, DataDirectory = directory.FullName }))
            {
                var logins = JsonSerializer.Deserialize<List<DemoCredential>>(await File.ReadAllTextAsync(Path.Combine(directory.FullName, DemoSeeder.CredentialsFileName)))!;
                var analyst = hub.BearerClient(logins.Single(l => l.User == "task-force-analyst").ApiKey);
                count = (await analyst.GetFromJsonAsync<JsonElement>("/api/rest/objects?limit=500&versions=all")).GetProperty("items").GetArrayLength();
                var outsider = hub.BearerClient(logins.Single(l => l.User == "northwind-analyst").ApiKey);
                Assert.Single((await analyst.GetFromJsonAsync<JsonElement>("/api/rest/objects?type=note")).GetProperty("items").EnumerateArray());
                Assert.Empty((await outsider.GetFromJsonAsync<JsonElement>("/api/rest/objects?type=note")).GetProperty("items").EnumerateArray());
            }

            await using (var hub = await TestHub.StartAsync(new TestHubOptions { PostgresConnectionString = connection, Demo = true, DataDirectory = directory.FullName }))
            {
                var logins = JsonSerializer.Deserialize<List<DemoCredential>>(await File.ReadAllTextAsync(Path.Combine(directory.FullName, DemoSeeder.CredentialsFileName)))!;
                var analyst = hub.BearerClient(logins.Single(l => l.User == "task-force-analyst").ApiKey);
                Assert.Equal(count, (await analyst.GetFromJsonAsync<JsonElement>("/api/rest/objects?limit=500&versions=all")).GetProperty("items").GetArrayLength());
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
