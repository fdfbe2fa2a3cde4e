namespace Vigil.Server.Tests.Infrastructure;

/// <summary>How a <see cref="TestHub"/> runs: SQLite in a temporary directory unless a PostgreSQL connection string is given.</summary>
public sealed record TestHubOptions
{
    public string? PostgresConnectionString { get; init; }
    public bool Demo { get; init; }
    public long MaxRequestBodyBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>An existing data directory to reuse (restart tests); a fresh temporary one when null.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Changes to the hub's services after the hub registered its own (faster alert polling and retries, say).</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ConfigureServices { get; init; }
}
