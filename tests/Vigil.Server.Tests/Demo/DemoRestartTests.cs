using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Server.Demo;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Demo;

public sealed class DemoRestartTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("vigil-demo-restart-");

    private string CredentialsPath => Path.Combine(_directory.FullName, DemoSeeder.CredentialsFileName);

    private static async Task<int> CountAsync(TestHub hub, string apiKey)
    {
        var page = await hub.BearerClient(apiKey).GetFromJsonAsync<JsonElement>("/api/rest/objects?limit=500&versions=all");
        return page.GetProperty("items").GetArrayLength();
    }

    [Fact]
    public async Task Seeding_again_keeps_logins_and_adds_nothing()
    {
        string first;
        int count;
        await using (var hub = await TestHub.StartAsync(new TestHubOptions { Demo = true, DataDirectory = _directory.FullName }))
        {
            first = await File.ReadAllTextAsync(CredentialsPath);
            var key = JsonSerializer.Deserialize<List<DemoCredential>>(first)!.Single(l => l.User == "task-force-analyst").ApiKey;
            count = await CountAsync(hub, key);
            Assert.True(count > 20, $"only {count} objects visible");
        }

        await using (var hub = await TestHub.StartAsync(new TestHubOptions { Demo = true, DataDirectory = _directory.FullName }))
        {
            Assert.Equal(first, await File.ReadAllTextAsync(CredentialsPath));
            var key = JsonSerializer.Deserialize<List<DemoCredential>>(first)!.Single(l => l.User == "task-force-analyst").ApiKey;
            Assert.Equal(count, await CountAsync(hub, key));
            Assert.Equal(1, (await hub.Members.ListOrganizationsAsync()).Count(o => o.Id == "northwind-social"));
        }
    }

    [Fact]
    public async Task Deleted_credentials_file_is_written_again_with_working_logins()
    {
        await using (await TestHub.StartAsync(new TestHubOptions { Demo = true, DataDirectory = _directory.FullName }))
        {
        }

        var old = JsonSerializer.Deserialize<List<DemoCredential>>(await File.ReadAllTextAsync(CredentialsPath))!;
        File.Delete(CredentialsPath);
        await using var again = await TestHub.StartAsync(new TestHubOptions { Demo = true, DataDirectory = _directory.FullName });
        var fresh = JsonSerializer.Deserialize<List<DemoCredential>>(await File.ReadAllTextAsync(CredentialsPath))!;
        Assert.Equal(old.Count, fresh.Count);
        var login = fresh.Single(l => l.User == "lakemoor-admin");
        Assert.Equal(HttpStatusCode.OK, (await again.BasicClient(login.User, login.Password).GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.BearerClient(login.ApiKey).GetAsync("/api/me")).StatusCode);
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
