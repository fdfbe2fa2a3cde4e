using System.CommandLine;
using System.Globalization;
using Npgsql;
using Spectre.Console;
using Vigil.Ads.Import;
using Vigil.Ads.Validation;
using Vigil.Cli.Serve;
using Vigil.Server.Ads;
using Vigil.Server.Hosting;
using Vigil.Storage.Ads;
using Vigil.Storage.Database;

namespace Vigil.Cli.Ads;

/// <summary>
/// <c>vigil ads import FILE [--format F] [--reached-countries CC,…]</c>: loads a published ad archive file (Meta Ad Library API JSON or
/// flattened CSV, Snap Political Ads CSV, Vigil JSON Lines) into the hub's database with a progress bar, then prints how many ads
/// were imported (new, new versions, unchanged) and every skipped row with its row, line, field and reason. Re-importing a file
/// changes nothing. Exit code 0 when the file was read (skipped rows are reported, not fatal), 1 when it could not be read at all.
/// </summary>
public static class AdsImportCommand
{
    public const int DefaultShownRejections = 50;

    public static Command Create() => Create(AnsiConsole.Console);

    public static Command Create(IAnsiConsole console)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The ad archive file to load." };
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
        var command = new Command("import", "Load an ad archive file into the hub's database and print what was imported and what was skipped.")
        {
            file, format, countries, platform, dataDir, postgres, all,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var server = new ServerOptions
            {
                DataDirectory = result.GetRequiredValue(dataDir).FullName,
                Urls = ServeCommand.DefaultUrls,
                Storage = result.GetValue(postgres) is { Length: > 0 } connection ? StorageOptions.ForPostgres(connection) : null,
            };
            return RunAsync(result.GetRequiredValue(file), AdFormatNames.All[result.GetRequiredValue(format)], result.GetValue(countries),
                result.GetValue(platform), server, result.GetValue(all), console, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(FileInfo file, AdFileFormat format, string? reachedCountries, string? platform, ServerOptions server,
        bool allIssues, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(console);
        var countries = (reachedCountries ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(c => c.ToUpperInvariant()).ToArray();
        if (countries.FirstOrDefault(c => !IsoCountries.IsAlpha2(c)) is { } bad)
        {
            console.MarkupLineInterpolated($"[red]--reached-countries:[/] '{bad}' is not an ISO 3166-1 alpha-2 country code");
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

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool and could report after the end).</summary>
    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
