namespace Vigil.Server.Tests.Infrastructure;

/// <summary>One SQLite hub shared by the tests of a class (<c>IClassFixture&lt;TestHubFixture&gt;</c>); each test makes its own members.</summary>
public sealed class TestHubFixture : IAsyncLifetime
{
    private TestHub? _hub;

    public TestHub Hub => _hub ?? throw new InvalidOperationException("The hub has not started.");

    public async Task InitializeAsync() => _hub = await TestHub.StartAsync();

    public async Task DisposeAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }
    }
}
