using System.Globalization;
using Spectre.Console;

namespace Vigil.Cli.Detect;

/// <summary>The table <c>vigil detect</c> ends with: counts, the bad rows by line and field, and where the reports are.</summary>
internal static class DetectSummary
{
    public const int ShownIssues = 10;

    public static void Print(IAnsiConsole console, DetectRun run, int stixObjects, string directory)
    {
        var s = run.Result.Summary;
        var rows = run.Reads.Sum(r => r.Read.RowsRead);
        var rejected = run.Reads.Sum(r => r.Read.RowsRejected);
        var issues = run.Reads.Sum(r => r.Read.IssueCount);
        var table = new Table().Title("Coordinated behaviour").AddColumn("").AddColumn(new TableColumn("count").RightAligned());
        table.AddRow("rows read", N(rows));
        table.AddRow("activities", N(s.Activities));
        table.AddRow("input accounts", N(s.InputAccounts));
        table.AddRow("[bold]accounts[/] (in the network)", N(s.Accounts));
        table.AddRow("[bold]edges[/]", N(s.Edges));
        table.AddRow("[bold]components[/]", N(s.Components));
        table.AddRow("[bold]clusters[/]", N(s.Clusters));
        table.AddRow(rejected > 0 ? "[yellow]rows rejected[/]" : "rows rejected", N(rejected));
        table.AddRow(issues > 0 ? "[yellow]bad fields[/]" : "bad fields", N(issues));
        table.AddRow("STIX objects", N(stixObjects));
        console.Write(table);

        if (issues > 0)
        {
            var bad = new Table().Title("Bad rows (first " + ShownIssues.ToString(CultureInfo.InvariantCulture) + ")")
                .AddColumn("file").AddColumn(new TableColumn("line").RightAligned()).AddColumn("field").AddColumn("problem");
            foreach (var (file, issue) in run.Reads.SelectMany(r => r.Read.Issues.Select(i => (r.File, i))).Take(ShownIssues))
            {
                bad.AddRow(Markup.Escape(Path.GetFileName(file)), issue.Line.ToString(CultureInfo.InvariantCulture), Markup.Escape(issue.Field), Markup.Escape(issue.Message));
            }

            console.Write(bad);
        }

        foreach (var cluster in run.Result.Clusters.Take(5))
        {
            var signals = string.Join(", ", cluster.StrongestSignals.Take(3).Select(g => g.Signal));
            console.MarkupLineInterpolated(
                $"  cluster {cluster.Rank}: {cluster.Counts.Accounts} accounts, {cluster.Counts.Edges} edges, score {cluster.Score.ToString("0.##", CultureInfo.InvariantCulture)} ({signals})");
        }

        console.MarkupLineInterpolated($"Wrote report.json, report.html and {DetectRunner.BundleFileName} to {directory}");
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
