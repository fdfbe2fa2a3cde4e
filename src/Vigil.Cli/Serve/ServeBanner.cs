using System.Text.Json;
using Spectre.Console;
using Vigil.Server.Demo;
using Vigil.Server.Hosting;

namespace Vigil.Cli.Serve;

/// <summary>What <c>vigil serve</c> prints once it listens: where, on what storage, and the demo logins.</summary>
internal static class ServeBanner
{
    public static void Print(ServerOptions options, ICollection<string> urls)
    {
        var url = urls.FirstOrDefault() ?? options.Urls;
        AnsiConsole.MarkupLineInterpolated($"[bold green]Vigil hub listening on {url}[/]");
        AnsiConsole.MarkupLineInterpolated($"  Web UI (sign in):    {url}/");
        AnsiConsole.MarkupLineInterpolated($"  TAXII 2.1 discovery: {url}/taxii2/");
        AnsiConsole.MarkupLineInterpolated($"  REST API:            {url}/api/rest/objects");
        AnsiConsole.MarkupLineInterpolated($"  OpenAPI:             {url}/openapi/v1.json");
        AnsiConsole.MarkupLineInterpolated($"  Data directory:      {options.DataDirectory} ({(options.Storage is null ? "SQLite" : options.Storage.Provider.ToString())})");
        var credentials = Path.Combine(options.DataDirectory, DemoSeeder.CredentialsFileName);
        if (options.Demo && File.Exists(credentials))
        {
            var logins = JsonSerializer.Deserialize<List<DemoCredential>>(File.ReadAllText(credentials)) ?? [];
            AnsiConsole.MarkupLine("[bold]Demo logins[/] (every one in " + Markup.Escape(credentials) + "):");
            foreach (var login in logins.Where(l => l.User is "hub-admin" or "northwind-analyst" or "task-force-analyst" or "lakemoor-admin"))
            {
                AnsiConsole.MarkupLineInterpolated($"  [bold]{login.User}[/] ({login.Org}, {login.Sector})");
                // One value per line: Spectre wraps at the terminal width, and a key split across lines cannot be copied.
                AnsiConsole.MarkupLineInterpolated($"      password: {login.Password}");
                AnsiConsole.MarkupLineInterpolated($"      api key:  {login.ApiKey}");
            }

            AnsiConsole.MarkupLineInterpolated($"  Try: curl -u hub-admin:{logins.FirstOrDefault(l => l.User == "hub-admin")?.Password} {url}/api/me");
        }

        AnsiConsole.MarkupLine("Press Ctrl+C to stop.");
    }
}
