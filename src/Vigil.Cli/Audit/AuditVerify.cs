using Spectre.Console;
using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Errors;
using Vigil.Ledger.Verification;
using Vigil.Server.Log;

namespace Vigil.Cli.Audit;

/// <summary>
/// <c>vigil audit verify</c>. Exit codes: 0 all holds; 1 the log failed verification (the first bad index and what is
/// wrong are printed); 2 the check could not run (hub unreachable, bad state file or key).
/// </summary>
public static class AuditVerify
{
    public const int Verified = 0;
    public const int Failed = 1;
    public const int CouldNotRun = 2;

    public static async Task<int> RunAsync(HttpClient client, Uri hub, FileInfo? stateFile, string? logKey, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(console);
        AuditReport report;
        try
        {
            var prefix = AuditInputs.Prefix(hub);
            var previous = await AuditInputs.ReadStateAsync(stateFile, cancellationToken).ConfigureAwait(false);
            var key = await AuditInputs.LogKeyAsync(client, prefix, logKey, previous, cancellationToken).ConfigureAwait(false);
            var http = new HttpLogSource(client, prefix);
            var size = Checkpoint.Parse(Ledger.Notes.SignedNote.Parse(await http.GetCheckpointAsync(cancellationToken).ConfigureAwait(false)).Text).Size;
            report = await console.Progress().AutoClear(true).StartAsync(async progress =>
            {
                var task = progress.AddTask("Verifying entries", maxValue: Math.Max(1, size));
                var source = new ProgressLogSource(http, tile => task.Increment(tile.Width));
                return await new LogAuditor(source, key).AuditAsync(previous, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        catch (Exception e) when (e is LedgerException or HttpRequestException or IOException or UnauthorizedAccessException or UriFormatException)
        {
            console.MarkupLineInterpolated($"[red]vigil audit verify could not run:[/] {e.Message}");
            return CouldNotRun;
        }

        if (!report.Succeeded)
        {
            var where = report.FirstBadIndex is { } index ? $"first bad index {index}" : "no single entry to blame";
            console.MarkupLineInterpolated($"[red]FAILED[/] ({report.Failure}, {where}): {report.Message}");
            return Failed;
        }

        await AuditInputs.WriteStateAsync(stateFile, report.State!, cancellationToken).ConfigureAwait(false);
        console.MarkupLineInterpolated($"[green]OK[/] {report.Message}");
        return Verified;
    }
}
