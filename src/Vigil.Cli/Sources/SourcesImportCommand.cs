using System.CommandLine;
using Spectre.Console;
using Vigil.Correlation.Sources;
using Vigil.Server.Enrichment;

namespace Vigil.Cli.Sources;

/// <summary>
/// <c>vigil sources import FILE --format …</c>: reads a ratings or state-media file the way the hub does at startup and
/// prints what it would import and every skipped row with its line, field and reason. Exit code 0 when the file was read
/// (bad rows are reported, not fatal), 1 when it could not be read at all.
/// </summary>
public static class SourcesImportCommand
{
    public const int DefaultShownIssues = 50;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The CSV file (plain or gzip) to check." };
        var format = new Option<string>("--format")
        {
            Description = $"The file's format: {SourceFormatNames.List}.",
            Required = true,
        };
        format.AcceptOnlyFromAmong([.. SourceFormatNames.All.Keys]);
        var all = new Option<bool>("--all-issues") { Description = $"List every skipped row, not only the first {DefaultShownIssues}." };
        var command = new Command("import", "Validate a source-credibility or state-media file and print a summary of what imports and what is skipped.")
        {
            file, format, all,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetRequiredValue(file), SourceFormatNames.All[result.GetRequiredValue(format)], result.GetValue(all), AnsiConsole.Console, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(FileInfo file, SourceFormat format, bool allIssues, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(console);
        SourceFileImport import;
        try
        {
            import = await SourceFileImport.ReadAsync(new SourceFile(file.FullName, format, Required: true), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidDataException)
        {
            console.MarkupLineInterpolated($"[red]Cannot import {file.FullName}:[/] {e.Message}");
            return 1;
        }

        Print(import, allIssues, console);
        return 0;
    }

    private static void Print(SourceFileImport import, bool allIssues, IAnsiConsole console)
    {
        var summary = import.Summary;
        var formatName = SourceFormatNames.All.First(f => f.Value == import.File.Format).Key;
        var table = new Table().Title($"{Markup.Escape(summary.Source)} ({formatName})").AddColumn("").AddColumn(new TableColumn("count").RightAligned());
        table.AddRow("rows read", $"{summary.RowsRead:N0}");
        table.AddRow("[green]imported[/]", $"{summary.Imported:N0}");
        table.AddRow(summary.Skipped > 0 ? "[yellow]skipped[/]" : "skipped", $"{summary.Skipped:N0}");
        if (import.Ratings.Count > 0)
        {
            table.AddRow("ratings", $"{import.Ratings.Count:N0}");
            table.AddRow("providers", Markup.Escape(string.Join(", ", import.Ratings.Select(r => r.Provider).Distinct())));
        }

        if (import.StateMedia.Count > 0)
        {
            table.AddRow("state-media labels", $"{import.StateMedia.Count:N0}");
            table.AddRow("with social accounts", $"{import.StateMedia.Count(l => l.Accounts.Count > 0):N0}");
        }

        console.Write(table);
        if (summary.Issues.Count == 0)
        {
            return;
        }

        var shown = allIssues ? summary.Issues : summary.Issues.Take(DefaultShownIssues).ToArray();
        var issues = new Table().Title("Skipped or doubtful rows").AddColumn(new TableColumn("line").RightAligned()).AddColumn("field").AddColumn("reason");
        foreach (var issue in shown)
        {
            issues.AddRow(issue.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(issue.Field), Markup.Escape(issue.Message));
        }

        console.Write(issues);
        if (shown.Count < summary.Issues.Count)
        {
            console.MarkupLineInterpolated($"[grey]… {summary.Issues.Count - shown.Count} more; use --all-issues to list them all.[/]");
        }
    }
}
