using Vigil.Server.Tests.Infrastructure;
using Vigil.Testing.Postgres;

namespace Vigil.Server.Tests.Taxii;

/// <summary>A hub on a fresh PostgreSQL database (on the test run's shared server), shared by the tests of one class.</summary>
public sealed class PostgresTaxiiHubFixture : IAsyncLifetime
{
    private readonly PostgresFixture _postgres = new();
    private TestHub? _hub;

    public TestHub Hub => _hub ?? throw new InvalidOperationException("The hub has not started.");

    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        _hub = await TestHub.StartAsync(new TestHubOptions { PostgresConnectionString = _postgres.ConnectionString });
    }

    public async Task DisposeAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }

        await _postgres.DisposeAsync();
    }
}
