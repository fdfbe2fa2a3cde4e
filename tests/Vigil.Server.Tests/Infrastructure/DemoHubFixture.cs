using System.Text.Json;
using Vigil.Server.Demo;

namespace Vigil.Server.Tests.Infrastructure;

/// <summary>One hub seeded with the demo exchange, shared by the tests of a class, with its demo logins read back.</summary>
public sealed class DemoHubFixture : IAsyncLifetime
{
    private TestHub? _hub;

    public TestHub Hub => _hub ?? throw new InvalidOperationException("The hub has not started.");

    public IReadOnlyList<DemoCredential> Logins { get; private set; } = [];

    public DemoCredential Login(string user) => Logins.Single(l => l.User == user);

    public HttpClient ClientFor(string user) => Hub.BearerClient(Login(user).ApiKey);

    public async Task InitializeAsync()
    {
        _hub = await TestHub.StartAsync(new TestHubOptions { Demo = true });
        Logins = JsonSerializer.Deserialize<List<DemoCredential>>(await File.ReadAllTextAsync(Path.Combine(_hub.DataDirectory, DemoSeeder.CredentialsFileName)))!;
    }

    public async Task DisposeAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }
    }
}
