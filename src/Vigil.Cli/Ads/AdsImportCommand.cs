using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using Spectre.Console;
using Vigil.Ads.Import;
using Vigil.Ads.Submission;
using Vigil.Ads.Validation;
using Vigil.Cli.Serve;
using Vigil.Server.Ads;
using Vigil.Server.Hosting;
using Vigil.Storage.Ads;
using Vigil.Storage.Database;

namespace Vigil.Cli.Ads;

/// <summary>
/// <c>vigil ads import FILE… [--format F] [--reached-countries CC,…]</c>: loads published ad archive files (Meta Ad Library API JSON or
/// flattened CSV, Snap Political Ads CSV, Vigil JSON Lines) into the hub's database with a progress bar, then prints how many ads
/// were imported (new, new versions, unchanged) and every skipped row with its row, line, field and reason. Re-importing a file
/// changes nothing. With <c>--hub URL --api-key KEY</c> the files go to a running hub's bulk endpoint instead, as a member
/// platform's submission (<see cref="AdHubUploader"/>): the hub checks each ad and its advertiser, and the summary lists what it
/// accepted and every rejected row. Exit code 0 when every file was read and sent (rejected rows are reported, not fatal), 1
/// when a file could not be read at all or the hub refused the request.
/// </summary>
public static class AdsImportCommand
{
    public const int DefaultShownRejections = 50;

    public static Command Create() => Create(AnsiConsole.Console);

    /// <param name="httpHandler">How <c>--hub</c> reaches the hub; the network when null.</param>
    public static Command Create(IAnsiConsole console, HttpMessageHandler? httpHandler = null)
    {
        var files = new Argument<FileInfo[]>("FILE") { Description = "The ad archive files to load.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format")
        {
            Description = $"The file's format: {AdFormatNames.List} (auto detects it from the first line).",
            DefaultValueFactory = _ => "auto",
        };
        format.AcceptOnlyFromAmong([.. AdFormatNames.All.Keys]);
        var countries = new Option<string?>("--reached-countries")
        {
            Description = "Comma-separated ISO country codes for files that do not carry them (a Meta file pulled with ad_reached_countries).",
        };
        var platform = new Option<string?>("--platform") { Description = "Platform recorded on ads whose file does not say (e.g. youtube for a JSON Lines file)." };
        var dataDir = new Option<DirectoryInfo>("--data-dir")
        {
            Description = "The hub's data directory (its SQLite database).",
            DefaultValueFactory = _ => new DirectoryInfo(ServeCommand.DefaultDataDirectory),
        };
        var postgres = new Option<string?>("--postgres") { Description = "The hub's PostgreSQL connection string, instead of the SQLite file." };
        var all = new Option<bool>("--all-issues") { Description = $"List every skipped row, not only the first {DefaultShownRejections}." };
        var hub = new Option<string?>("--hub")
        {
            Description = "Send the ads to this running hub's bulk endpoint (/api/ads/bulk) as a member platform, instead of writing its database.",
        };
        var apiKey = new Option<string?>("--api-key") { Description = "A platform member's API key for --hub." };
        var command = new Command("import", "Load ad archive files into the hub's database, or send them to a running hub, and print what was imported and what was skipped.")
        {
            files, format, countries, platform, dataDir, postgres, all, hub, apiKey,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var fileList = result.GetRequiredValue(files);
            var chosen = AdFormatNames.All[result.GetRequiredValue(format)];
            if (result.GetValue(hub) is { Length: > 0 } hubUrl)
            {
                return HubAsync(fileList, chosen, result.GetValue(countries), result.GetValue(platform), hubUrl, result.GetValue(apiKey),
                    result.GetValue(postgres) is { Length: > 0 }, result.GetValue(all), console, httpHandler, cancellationToken);
            }

            var server = new ServerOptions
            {
                DataDirectory = result.GetRequiredValue(dataDir).FullName,
                Urls = ServeCommand.DefaultUrls,
                Storage = result.GetValue(postgres) is { Length: > 0 } connection ? StorageOptions.ForPostgres(connection) : null,
            };
            return LocalAsync(fileList, chosen, result.GetValue(countries), result.GetValue(platform), server, result.GetValue(all), console, cancellationToken);
        });
        return command;
    }

    private static async Task<int> LocalAsync(FileInfo[] files, AdFileFormat format, string? reachedCountries, string? platform, ServerOptions server,
        bool allIssues, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var code = 0;
        foreach (var file in files)
        {
            code = Math.Max(code, await RunAsync(file, format, reachedCountries, platform, server, allIssues, console, cancellationToken).ConfigureAwait(false));
        }

        return code;
    }

    /// <summary>Sends every file to the hub's bulk endpoint; exit code 1 when a file cannot be read or the hub refuses a request.</summary>
    public static async Task<int> HubAsync(IReadOnlyList<FileInfo> files, AdFileFormat format, string? reachedCountries, string? platform, string hubUrl,
        string? apiKey, bool postgres, bool allIssues, IAnsiConsole console, HttpMessageHandler? httpHandler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(hubUrl);
        ArgumentNullException.ThrowIfNull(console);
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            console.MarkupLine("[red]--hub needs an API key:[/] give a platform member's key with --api-key");
            return 1;
        }

        if (postgres)
        {
            console.MarkupLine("[red]--hub and --postgres exclude each other:[/] --hub sends the ads to a running hub, which writes its own database");
            return 1;
        }

        if (!Uri.TryCreate(hubUrl, UriKind.Absolute, out var hub) || hub.Scheme is not ("http" or "https"))
        {
            console.MarkupLineInterpolated($"[red]--hub:[/] '{hubUrl}' is not an http or https URL");
            return 1;
        }

        if (Countries(reachedCountries, console) is not { } countries)
        {
            return 1;
        }

        using var client = new HttpClient(httpHandler ?? new HttpClientHandler(), disposeHandler: httpHandler is null) { Timeout = TimeSpan.FromHours(1) };
        var uploader = new AdHubUploader(client, hub, apiKey.Trim());
        var options = new AdImportOptions { Format = format, ReachedCountries = countries, Platform = platform };
        var code = 0;
        foreach (var file in files)
        {
            if (!file.Exists)
            {
                console.MarkupLineInterpolated($"[red]Cannot import {file.FullName}:[/] the file does not exist");
                code = 1;
                continue;
            }

            try
            {
                var summary = await console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask(Markup.Escape(file.Name), maxValue: Math.Max(1, file.Length));
                        var sent = await uploader.UploadAsync(file.FullName, options, new SyncProgress(bytes => task.Value = bytes), cancellationToken).ConfigureAwait(false);
                        task.Value = task.MaxValue;
                        return sent;
                    }).ConfigureAwait(false);
                Print(summary, hub, allIssues, console);
            }
            catch (AdHubException e)
            {
                console.MarkupLineInterpolated($"[red]Cannot import {file.FullName}:[/] {e.Message}");
                if (e.Accepted > 0)
                {
                    console.MarkupLineInterpolated($"The hub had accepted {e.Accepted:N0} ads of the file before; sending it again changes nothing for them.");
                }

                code = 1;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or JsonException)
            {
                console.MarkupLineInterpolated($"[red]Cannot import {file.FullName}:[/] {e.Message}");
                code = 1;
            }
        }

        return code;
    }

    private static string[]? Countries(string? reachedCountries, IAnsiConsole console)
    {
        var countries = (reachedCountries ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(c => c.ToUpperInvariant()).ToArray();
        if (countries.FirstOrDefault(c => !IsoCountries.IsAlpha2(c)) is { } bad)
        {
            console.MarkupLineInterpolated($"[red]--reached-countries:[/] '{bad}' is not an ISO 3166-1 alpha-2 country code");
            return null;
        }

        return countries;
    }

    public static async Task<int> RunAsync(FileInfo file, AdFileFormat format, string? reachedCountries, string? platform, ServerOptions server,
        bool allIssues, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(console);
        if (Countries(reachedCountries, console) is not { } countries)
        {
            return 1;
        }

        if (!file.Exists)
        {
            console.MarkupLineInterpolated($"[red]Cannot import {file.FullName}:[/] the file does not exist");
            return 1;
        }

        var storage = server.ResolveStorage();
        if (storage.Provider == StorageProvider.Sqlite)
        {
            Directory.CreateDirectory(server.DataDirectory);
        }

        var options = new AdImportOptions { Format = format, ReachedCountries = countries, Platform = platform };
        AdFileLoadSummary summary;
        try
        {
            await using var database = new VigilDatabase(storage);
            await database.MigrateAsync(SchemaMigrations.All, cancellationToken).ConfigureAwait(false);
            var archive = new SqlAdArchive(database);
            summary = await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask(Markup.Escape(file.Name), maxValue: Math.Max(1, file.Length));
                    var progress = new SyncProgress(bytes => task.Value = bytes);
                    var loaded = await AdFileLoader.LoadAsync(archive, file.FullName, options, progress, cancellationToken).ConfigureAwait(false);
                    task.Value = task.MaxValue;
                    return loaded;
                }).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or NpgsqlException or Microsoft.Data.Sqlite.SqliteException)
        {
            console.MarkupLineInterpolated($"[red]Cannot import {file.FullName}:[/] {e.Message}");
            return 1;
        }

        Print(summary, allIssues, console);
        return 0;
    }

    private static void Print(AdFileLoadSummary summary, bool allIssues, IAnsiConsole console)
    {
        var table = new Table().Title($"{Markup.Escape(Path.GetFileName(summary.Path))} ({summary.Format})")
            .AddColumn(string.Empty).AddColumn(new TableColumn("count").RightAligned());
        table.AddRow("rows read", $"{summary.Rows:N0}");
        table.AddRow("[green]imported[/]", $"{summary.Imported:N0}");
        table.AddRow("  new ads", $"{summary.Created:N0}");
        table.AddRow("  new versions", $"{summary.NewVersions:N0}");
        table.AddRow("  unchanged (already archived)", $"{summary.Unchanged:N0}");
        var skippedRows = summary.Skipped.Select(s => s.Row).Distinct().Count();
        table.AddRow(skippedRows > 0 ? "[yellow]skipped[/]" : "skipped", $"{skippedRows:N0}");
        console.Write(table);
        if (summary.Skipped.Count == 0)
        {
            return;
        }

        var shown = allIssues ? summary.Skipped : summary.Skipped.Take(DefaultShownRejections).ToArray();
        var issues = new Table().Title("Skipped rows").AddColumn(new TableColumn("row").RightAligned()).AddColumn(new TableColumn("line").RightAligned())
            .AddColumn("field").AddColumn("reason");
        foreach (var s in shown)
        {
            issues.AddRow(s.Row.ToString(CultureInfo.InvariantCulture), s.Line.ToString(CultureInfo.InvariantCulture), Markup.Escape(s.Field), Markup.Escape(s.Reason));
        }

        console.Write(issues);
        if (shown.Count < summary.Skipped.Count)
        {
            console.MarkupLineInterpolated($"[grey]… {summary.Skipped.Count - shown.Count} more; use --all-issues to list them all.[/]");
        }
    }

    private static void Print(AdHubUploadSummary summary, Uri hub, bool allIssues, IAnsiConsole console)
    {
        var table = new Table().Title($"{Markup.Escape(Path.GetFileName(summary.Path))} ({summary.Format}) → {Markup.Escape(hub.GetLeftPart(UriPartial.Authority))}")
            .AddColumn(string.Empty).AddColumn(new TableColumn("count").RightAligned());
        table.AddRow("rows read", $"{summary.Rows:N0}");
        table.AddRow("[green]accepted[/]", $"{summary.Accepted:N0}");
        table.AddRow("  new ads", $"{summary.Created:N0}");
        table.AddRow("  new versions", $"{summary.NewVersions:N0}");
        table.AddRow("  unchanged (already archived)", $"{summary.Unchanged:N0}");
        table.AddRow(summary.RejectedRows > 0 ? "[yellow]rejected[/]" : "rejected", $"{summary.RejectedRows:N0}");
        console.Write(table);
        PrintRejections(summary.Rejections, "Rejected rows", allIssues, console);
    }

    private static void PrintRejections(IReadOnlyList<AdRejection> rejections, string title, bool allIssues, IAnsiConsole console)
    {
        if (rejections.Count == 0)
        {
            return;
        }

        var shown = allIssues ? rejections : rejections.Take(DefaultShownRejections).ToArray();
        var issues = new Table().Title(title).AddColumn(new TableColumn("row").RightAligned()).AddColumn(new TableColumn("line").RightAligned())
            .AddColumn("ad id").AddColumn("field").AddColumn("reason");
        foreach (var s in shown)
        {
            issues.AddRow(s.Row.ToString(CultureInfo.InvariantCulture), s.Line.ToString(CultureInfo.InvariantCulture), Markup.Escape(s.AdId ?? string.Empty),
                Markup.Escape(s.Field), Markup.Escape(s.Reason));
        }

        console.Write(issues);
        if (shown.Count < rejections.Count)
        {
            console.MarkupLineInterpolated($"[grey]… {rejections.Count - shown.Count} more; use --all-issues to list them all.[/]");
        }
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool and could report after the end).</summary>
    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
