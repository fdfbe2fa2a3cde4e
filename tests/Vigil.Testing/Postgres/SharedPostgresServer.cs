namespace Vigil.Testing.Postgres;

/// <summary>
/// One PostgreSQL server per test process: starting a cluster takes seconds, a database takes milliseconds.
/// The server is stopped and its directory deleted when the process exits.
/// </summary>
public static class SharedPostgresServer
{
    // Process-wide by design: xunit 2 has no assembly fixture, and every test class shares this one server.
    private static readonly Lazy<Task<PostgresServer>> Server = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Task<PostgresServer> GetAsync() => Server.Value;

    private static async Task<PostgresServer> StartAsync()
    {
        var server = await PostgresServer.StartAsync().ConfigureAwait(false);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }
}
