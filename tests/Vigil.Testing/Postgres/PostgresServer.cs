using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Vigil.Testing.Postgres;

/// <summary>
/// A throwaway PostgreSQL 15 cluster in a temporary directory, listening on a free loopback port. When the test
/// process runs as root the cluster runs as the <c>postgres</c> system user (initdb refuses root). Databases are
/// created on demand; <see cref="DisposeAsync"/> stops the server and deletes its directory.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private const string SuperUser = "vigil";
    private const string RunAsUser = "postgres";

    private readonly string _directory;
    private readonly bool _runAsPostgres;
    private int _databaseCount;
    private bool _stopped;

    private PostgresServer(string directory, int port, bool runAsPostgres)
    {
        _directory = directory;
        Port = port;
        _runAsPostgres = runAsPostgres;
    }

    public int Port { get; }

    /// <summary>Connection string of the maintenance database (<c>postgres</c>).</summary>
    public string AdminConnectionString => ConnectionStringFor("postgres");

    /// <summary>Initializes and starts a fresh cluster. <paramref name="durable"/> false turns fsync off, which is fine for tests.</summary>
    public static async Task<PostgresServer> StartAsync(bool durable = false, CancellationToken cancellationToken = default)
    {
        RequireBinaries();
        var runAsPostgres = Environment.IsPrivilegedProcess;
        var directory = runAsPostgres
            ? (await RunAsync(["/usr/sbin/runuser", "-u", RunAsUser, "--", "mktemp", "-d", "/tmp/vigil-pg-XXXXXXXX"], cancellationToken).ConfigureAwait(false)).Trim()
            : Directory.CreateTempSubdirectory("vigil-pg-").FullName;
        var data = Path.Combine(directory, "data");
        try
        {
            await RunAsync(Command(runAsPostgres, "initdb", "-D", data, "-U", SuperUser, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"), cancellationToken).ConfigureAwait(false);
            for (var attempt = 1; ; attempt++)
            {
                var port = FreePort();
                var options = string.Join(' ',
                    "-c listen_addresses=127.0.0.1", $"-p {port.ToString(CultureInfo.InvariantCulture)}", $"-k {directory}",
                    "-c max_connections=200", "-c shared_buffers=128MB",
                    durable ? "-c synchronous_commit=on" : "-c fsync=off -c synchronous_commit=off -c full_page_writes=off");
                try
                {
                    await RunAsync(Command(runAsPostgres, "pg_ctl", "-D", data, "-l", Path.Combine(directory, "server.log"), "-o", options, "-w", "-t", "60", "start"), cancellationToken).ConfigureAwait(false);
                    StartWatchdog(directory, runAsPostgres);
                    return new PostgresServer(directory, port, runAsPostgres);
                }
                catch (InvalidOperationException) when (attempt < 3)
                {
                    // Another process may have taken the port between probing and binding; try a new one.
                }
            }
        }
        catch
        {
            DeleteDirectory(directory);
            throw;
        }
    }

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "test", CancellationToken cancellationToken = default)
    {
        var name = $"{Sanitize(prefix)}_{Interlocked.Increment(ref _databaseCount).ToString(CultureInfo.InvariantCulture)}_{Guid.NewGuid().ToString("N")[..12]}";
        await RunAsync([Path.Combine(BinDirectory, "createdb"), "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", SuperUser, name], cancellationToken).ConfigureAwait(false);
        return ConnectionStringFor(name);
    }

    public string ConnectionStringFor(string database) =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username={SuperUser};Database={database};Pooling=true;Maximum Pool Size=100;Include Error Detail=true";

    /// <summary>Stops the server immediately and removes every file it wrote.</summary>
    public void Stop()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        try
        {
            RunAsync(Command(_runAsPostgres, "pg_ctl", "-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop"), CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (InvalidOperationException)
        {
            // Already stopped; the directory is removed regardless.
        }

        DeleteDirectory(_directory);
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private static void RequireBinaries()
    {
        foreach (var tool in new[] { "initdb", "pg_ctl", "createdb", "postgres" })
        {
            if (!File.Exists(Path.Combine(BinDirectory, tool)))
            {
                throw new InvalidOperationException(
                    $"PostgreSQL 15 is not installed ({Path.Combine(BinDirectory, tool)} is missing). Run .ci/run, which installs postgresql with apt, or install it with `apt-get install postgresql-15`.");
            }
        }
    }

    /// <summary>
    /// A detached shell that stops the server and deletes its directory once this process is gone, however it
    /// ended (a killed or crashed test host never runs its exit handlers).
    /// </summary>
    private static void StartWatchdog(string directory, bool runAsPostgres)
    {
        var stop = string.Join(' ', Command(runAsPostgres, "pg_ctl", "-D", Path.Combine(directory, "data"), "-m", "immediate", "-w", "stop").Select(a => $"'{a}'"));
        var script = $"while kill -0 {Environment.ProcessId.ToString(CultureInfo.InvariantCulture)} 2>/dev/null; do sleep 1; done; " +
                     $"if [ -d '{directory}/data' ]; then {stop} >/dev/null 2>&1; fi; rm -rf '{directory}'";
        var start = new ProcessStartInfo("/usr/bin/setsid")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "/bin/sh", "-c", script })
        {
            start.ArgumentList.Add(argument);
        }

        using var watchdog = Process.Start(start);
    }

    private static string[] Command(bool runAsPostgres, string tool, params string[] arguments)
    {
        string[] command = [Path.Combine(BinDirectory, tool), .. arguments];
        return runAsPostgres ? ["/usr/sbin/runuser", "-u", RunAsUser, "--", .. command] : command;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Sanitize(string prefix)
    {
        var chars = prefix.ToLowerInvariant().Where(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_').Take(30).ToArray();
        return chars.Length == 0 ? "db" : new string(chars);
    }

    private static void DeleteDirectory(string directory)
    {
        // The postmaster may still be removing its pid and socket files for a moment after pg_ctl returns.
        for (var attempt = 0; attempt < 20 && Directory.Exists(directory); attempt++)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(100);
            }
        }
    }

    private static async Task<string> RunAsync(string[] command, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/tmp",
        };
        foreach (var argument in command.AsSpan(1))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["LC_ALL"] = "C";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command[0]}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"`{string.Join(' ', command)}` exited with {process.ExitCode.ToString(CultureInfo.InvariantCulture)}: {await error.ConfigureAwait(false)}{await output.ConfigureAwait(false)}");
        }

        return await output.ConfigureAwait(false);
    }
}
