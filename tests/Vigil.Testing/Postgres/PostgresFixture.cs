using Xunit;

namespace Vigil.Testing.Postgres;

/// <summary>
/// An xunit class fixture: a fresh, empty PostgreSQL database for one test class, on a server shared by the
/// whole test run (started on first use, stopped and deleted when the test process exits). Use it as
/// <c>IClassFixture&lt;PostgresFixture&gt;</c> and read <see cref="ConnectionString"/>.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private string? _connectionString;

    public string ConnectionString =>
        _connectionString ?? throw new InvalidOperationException("The PostgreSQL fixture has not been initialized.");

    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        var server = await SharedPostgresServer.GetAsync().ConfigureAwait(false);
        Port = server.Port;
        _connectionString = await server.CreateDatabaseAsync(GetType().Name).ConfigureAwait(false);
    }

    /// <summary>Another database on the same server, for tests that need more than one.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "extra")
    {
        var server = await SharedPostgresServer.GetAsync().ConfigureAwait(false);
        return await server.CreateDatabaseAsync(prefix).ConfigureAwait(false);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
