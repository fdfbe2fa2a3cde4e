using System.CommandLine;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Spectre.Console;
using Vigil.Server.Hosting;
using Vigil.Storage.Database;

namespace Vigil.Cli.Serve;

/// <summary><c>vigil serve</c>: runs the hub (TAXII 2.1, REST, admin API) until stopped.</summary>
public static class ServeCommand
{
    public const string DefaultDataDirectory = ".vigil-data";
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static Command Create()
    {
        var dataDir = new Option<DirectoryInfo>("--data-dir")
        {
            Description = "Where the hub keeps its SQLite database, server pepper and demo credentials.",
            DefaultValueFactory = _ => new DirectoryInfo(DefaultDataDirectory),
        };
        var urls = new Option<string>("--urls")
        {
            Description = "Address(es) to listen on, separated by ';'. Port 0 picks a free port.",
            DefaultValueFactory = _ => DefaultUrls,
        };
        var demo = new Option<bool>("--demo") { Description = "Seed the synthetic demo exchange and write demo-credentials.json into the data directory." };
        var postgres = new Option<string?>("--postgres") { Description = "A PostgreSQL connection string to use instead of the embedded SQLite file." };
        var maxBody = new Option<long>("--max-body-mb")
        {
            Description = "Largest request body accepted, in MiB; larger requests get 413.",
            DefaultValueFactory = _ => 64,
        };

        var command = new Command("serve", "Run the hub: TAXII 2.1, the REST and admin APIs, the OpenAPI document.") { dataDir, urls, demo, postgres, maxBody };
        command.SetAction((result, cancellationToken) => RunAsync(new ServerOptions
        {
            DataDirectory = result.GetRequiredValue(dataDir).FullName,
            Urls = result.GetRequiredValue(urls),
            Demo = result.GetValue(demo),
            Storage = result.GetValue(postgres) is { Length: > 0 } connection ? StorageOptions.ForPostgres(connection) : null,
            MaxRequestBodyBytes = Math.Max(1, result.GetValue(maxBody)) * 1024 * 1024,
        }, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ServerOptions options, CancellationToken cancellationToken)
    {
        try
        {
            var builder = VigilServer.CreateBuilder(options);
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning).AddFilter("Microsoft.Hosting", LogLevel.Warning);
            await using var app = await VigilServer.BuildAsync(builder, cancellationToken).ConfigureAwait(false);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            ServeBanner.Print(options, app.Urls);
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception e) when (e is IOException or SocketException or NpgsqlException or InvalidDataException or UnauthorizedAccessException or FormatException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]vigil serve failed:[/] {e.Message}");
            return 1;
        }
    }
}
